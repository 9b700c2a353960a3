package org.nnx.nn;

import org.nnx.spi.Layer;
import org.nnx.tensor.Tensor;

/**
 * The leaky rectifier {@code y = x > 0 ? x : alpha · x}, element by element; backward
 * {@code dx = dy · (x > 0 ? 1 : alpha)}. Forward keeps a reference to its input, because with
 * {@code alpha ≤ 0} the output's sign no longer tells where the input was positive.
 */
public final class LeakyRelu implements Layer {
    private final double alpha;
    private Tensor input;
    private Tensor output;
    private Tensor inputGradient;

    /** @param alpha the slope for negative inputs, typically 0.01 */
    public LeakyRelu(double alpha) {
        if (!Double.isFinite(alpha)) {
            throw new IllegalArgumentException("leaky relu slope must be finite: " + alpha);
        }
        this.alpha = alpha;
    }

    public double alpha() {
        return alpha;
    }

    @Override
    public Tensor forward(Tensor input, boolean training) {
        this.input = input;
        output = Tensor.reuseOrAllocate(output, input.precision(), input.rows(), input.cols());
        for (int i = 0; i < input.size(); i++) {
            double x = input.get(i);
            output.set(i, x > 0 ? x : alpha * x);
        }
        return output;
    }

    @Override
    public Tensor backward(Tensor outputGradient) {
        Activations.checkBackward(output, outputGradient);
        inputGradient = Tensor.reuseOrAllocate(inputGradient, input.precision(), input.rows(), input.cols());
        for (int i = 0; i < input.size(); i++) {
            double dy = outputGradient.get(i);
            inputGradient.set(i, input.get(i) > 0 ? dy : alpha * dy);
        }
        return inputGradient;
    }
}
