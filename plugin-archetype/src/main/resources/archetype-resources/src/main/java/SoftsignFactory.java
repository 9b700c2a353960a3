package ${package};

import java.util.List;
import org.nnx.spi.Arguments;
import org.nnx.spi.Layer;
import org.nnx.spi.LayerContext;
import org.nnx.spi.LayerFactory;
import org.nnx.spi.ParameterSpec;
import org.nnx.tensor.Tensor;

/**
 * {@code softsign}: the activation y = x / (1 + |x|), element by element, with the derivative
 * dy/dx = 1 / (1 + |x|)². An activation keeps the width, which is LayerFactory's default outputSize.
 */
public final class SoftsignFactory implements LayerFactory {

    @Override
    public String name() {
        return "softsign";
    }

    @Override
    public String description() {
        return "softsign activation x / (1 + |x|)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of();
    }

    @Override
    public Layer create(Arguments arguments, LayerContext context) {
        return new Layer() {
            private Tensor input;
            private Tensor output;
            private Tensor inputGradient;

            @Override
            public Tensor forward(Tensor x, boolean training) {
                // Reuse the tensors while the batch shape stays: a training step should allocate nothing.
                input = x;
                output = Tensor.reuseOrAllocate(output, x.precision(), x.rows(), x.cols());
                for (int i = 0; i < x.size(); i++) {
                    output.set(i, x.get(i) / (1 + Math.abs(x.get(i))));
                }
                return output;
            }

            @Override
            public Tensor backward(Tensor outputGradient) {
                inputGradient = Tensor.reuseOrAllocate(inputGradient, input.precision(), input.rows(), input.cols());
                for (int i = 0; i < input.size(); i++) {
                    double d = 1 + Math.abs(input.get(i));
                    inputGradient.set(i, outputGradient.get(i) / (d * d));
                }
                return inputGradient;
            }
        };
    }
}
