package org.nnx.nn;

import java.util.List;
import org.nnx.spi.Parameter;
import org.nnx.spi.PlainGradientDescent;
import org.nnx.tensor.SplitLoop;
import org.nnx.tensor.Tensor;

/**
 * Plain stochastic gradient descent: {@code value −= learningRate · gradient} for every parameter. It keeps
 * no state, and leaves the gradients as they are (the trainer zeroes them). Weight decay is not its business:
 * whoever applies {@code weight_decay} adds it into the gradients of the parameters that decay. Being a
 * {@link PlainGradientDescent}, its step may be taken inside the layers' backward instead.
 */
public final class Sgd implements PlainGradientDescent {
    private List<Parameter> parameters = List.of();
    private final FloatUpdate update = new FloatUpdate();

    public Sgd() {}

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
                update.values = value.floats();
                update.gradients = gradient.floats();
                update.rate = (float) learningRate;
                update.loop(update.values.length);
            } else {
                for (int i = 0; i < value.size(); i++) {
                    value.set(i, value.get(i) - learningRate * gradient.get(i));
                }
            }
        }
    }

    /** {@code values −= rate · gradients}, element by element, on one core or two. */
    private static final class FloatUpdate extends SplitLoop {
        float[] values;
        float[] gradients;
        float rate;

        @Override
        protected void range(int from, int to) {
            for (int i = from; i < to; i++) {
                values[i] -= rate * gradients[i];
            }
        }
    }
}
