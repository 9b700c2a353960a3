package org.nnx.nn;

import org.nnx.spi.Layer;
import org.nnx.tensor.SplitLoop;
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
    private final Forward forwardLoop = new Forward();
    private final Backward backwardLoop = new Backward();

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
        if (input.isFloat()) {
            forwardLoop.alpha = alpha;
            return forwardLoop.compute(input, output);
        }
        for (int i = 0; i < input.size(); i++) {
            double x = input.get(i);
            output.set(i, x > 0 ? x : alpha * x);
        }
        return output;
    }

    @Override
    public Tensor backward(Tensor outputGradient) {
        inputGradient = Activations.inputGradient(output, outputGradient, inputGradient);
        if (input.isFloat() && outputGradient.isFloat()) {
            backwardLoop.x = input.floats();
            backwardLoop.dy = outputGradient.floats();
            backwardLoop.dx = inputGradient.floats();
            backwardLoop.alpha = alpha;
            backwardLoop.loop(backwardLoop.x.length);
            return inputGradient;
        }
        for (int i = 0; i < input.size(); i++) {
            double dy = outputGradient.get(i);
            inputGradient.set(i, input.get(i) > 0 ? dy : alpha * dy);
        }
        return inputGradient;
    }

    /**
     * Training's forward on the float arrays. The product with α is taken in double and rounded once, as the
     * float64 path and earlier versions compute it, so the bits are the same.
     */
    private static final class Forward extends Activations.ForwardFloats {
        double alpha;

        @Override
        protected void range(int from, int to) {
            for (int i = from; i < to; i++) {
                float v = x[i];
                y[i] = v > 0 ? v : (float) (alpha * v);
            }
        }
    }

    /** Training's backward, {@code dx = x > 0 ? dy : α·dy} on the float arrays, α·dy in double as forward's. */
    private static final class Backward extends SplitLoop {
        float[] x;
        float[] dy;
        float[] dx;
        double alpha;

        @Override
        protected void range(int from, int to) {
            for (int i = from; i < to; i++) {
                float g = dy[i];
                dx[i] = x[i] > 0 ? g : (float) (alpha * g);
            }
        }
    }
}
