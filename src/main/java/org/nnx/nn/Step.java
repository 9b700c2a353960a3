package org.nnx.nn;

import org.nnx.spi.Layer;
import org.nnx.tensor.Tensor;

/**
 * The step function {@code y = x > 0 ? 1 : 0}, element by element, the perceptron's activation.
 *
 * <p>Its derivative is 0 wherever it exists, so backward returns zeros and nothing below it learns. That is
 * the point of having it: an experiment can show why gradient descent needs a smooth activation.
 */
public final class Step implements Layer {
    private Tensor output;
    private Tensor inputGradient;
    private final Forward forwardLoop = new Forward();

    public Step() {}

    @Override
    public Tensor forward(Tensor input, boolean training) {
        output = Tensor.reuseOrAllocate(output, input.precision(), input.rows(), input.cols());
        if (input.isFloat()) {
            return forwardLoop.compute(input, output);
        }
        for (int i = 0; i < input.size(); i++) {
            output.set(i, input.get(i) > 0 ? 1.0 : 0.0);
        }
        return output;
    }

    @Override
    public Tensor backward(Tensor outputGradient) {
        inputGradient = Activations.inputGradient(output, outputGradient, inputGradient);
        // Filled on every call: the caller may have written into the tensor it got last time.
        inputGradient.fill(0.0);
        return inputGradient;
    }

    /** Training's forward on the float arrays. */
    private static final class Forward extends Activations.ForwardFloats {
        @Override
        protected void range(int from, int to) {
            for (int i = from; i < to; i++) {
                y[i] = x[i] > 0 ? 1f : 0f;
            }
        }
    }
}
