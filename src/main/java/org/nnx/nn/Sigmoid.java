package org.nnx.nn;

import org.nnx.spi.Layer;
import org.nnx.tensor.Tensor;

/**
 * The logistic activation {@code y = 1 / (1 + e^(−x))}, element by element. Backward uses the cached output:
 * {@code dx = dy · y · (1 − y)}.
 */
public final class Sigmoid implements Layer {
    private Tensor output;
    private Tensor inputGradient;

    public Sigmoid() {
    }

    @Override
    public Tensor forward(Tensor input, boolean training) {
        output = Tensor.reuseOrAllocate(output, input.precision(), input.rows(), input.cols());
        for (int i = 0; i < input.size(); i++) {
            // For very negative x, e^(−x) overflows to infinity and y becomes 0, which is the right limit.
            output.set(i, 1.0 / (1.0 + Math.exp(-input.get(i))));
        }
        return output;
    }

    @Override
    public Tensor backward(Tensor outputGradient) {
        Activations.checkBackward(output, outputGradient);
        inputGradient = Tensor.reuseOrAllocate(inputGradient, output.precision(), output.rows(), output.cols());
        for (int i = 0; i < output.size(); i++) {
            double y = output.get(i);
            inputGradient.set(i, outputGradient.get(i) * y * (1.0 - y));
        }
        return inputGradient;
    }
}
