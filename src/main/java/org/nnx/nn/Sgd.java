package org.nnx.nn;

import java.util.List;
import org.nnx.spi.Optimizer;
import org.nnx.spi.Parameter;
import org.nnx.tensor.Tensor;

/**
 * Plain stochastic gradient descent: {@code value −= learningRate · gradient} for every parameter. It keeps
 * no state, and leaves the gradients as they are (the trainer zeroes them). Weight decay is not its business:
 * whoever applies {@code weight_decay} adds it into the gradients of the parameters that decay.
 */
public final class Sgd implements Optimizer {
    private List<Parameter> parameters = List.of();

    public Sgd() {
    }

    @Override
    public void initialize(List<Parameter> parameters) {
        this.parameters = List.copyOf(parameters);
    }

    @Override
    public void step(double learningRate) {
        for (int p = 0; p < parameters.size(); p++) {
            Parameter parameter = parameters.get(p);
            Tensor value = parameter.value();
            Tensor gradient = parameter.gradient();
            if (value.isFloat() && gradient.isFloat()) {
                float[] values = value.floats();
                float[] gradients = gradient.floats();
                float rate = (float) learningRate;
                for (int i = 0; i < values.length; i++) {
                    values[i] -= rate * gradients[i];
                }
            } else {
                for (int i = 0; i < value.size(); i++) {
                    value.set(i, value.get(i) - learningRate * gradient.get(i));
                }
            }
        }
    }
}
