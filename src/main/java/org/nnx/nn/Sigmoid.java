package org.nnx.nn;

import org.nnx.spi.Layer;
import org.nnx.tensor.FloatMath;
import org.nnx.tensor.Tensor;

/**
 * The logistic activation {@code y = 1 / (1 + e^(−x))}, element by element. Backward uses the cached output:
 * {@code dx = dy · y · (1 − y)}.
 */
public final class Sigmoid implements Layer {
    private Tensor output;
    private Tensor inputGradient;
    private final Forward forwardLoop = new Forward();
    private final Backward backwardLoop = new Backward();

    public Sigmoid() {}

    @Override
    public Tensor forward(Tensor input, boolean training) {
        output = Tensor.reuseOrAllocate(output, input.precision(), input.rows(), input.cols());
        if (input.isFloat()) {
            // Training's path, on the arrays (the generic accessors are much slower here), on one core or two.
            return forwardLoop.compute(input, output);
        }
        for (int i = 0; i < input.size(); i++) {
            // For very negative x, e^(−x) overflows to infinity and y becomes 0, which is the right limit.
            output.set(i, 1.0 / (1.0 + Math.exp(-input.get(i))));
        }
        return output;
    }

    @Override
    public Tensor backward(Tensor outputGradient) {
        inputGradient = Activations.inputGradient(output, outputGradient, inputGradient);
        if (output.isFloat() && outputGradient.isFloat()) {
            return backwardLoop.compute(output, outputGradient, inputGradient);
        }
        for (int i = 0; i < output.size(); i++) {
            double y = output.get(i);
            inputGradient.set(i, outputGradient.get(i) * y * (1.0 - y));
        }
        return inputGradient;
    }

    private static final class Forward extends Activations.ForwardFloats {
        /** An exponential an element is costly enough to be worth two cores from a thousand elements on. */
        Forward() {
            super(1024);
        }

        /** In float32 throughout, within about two units in the last place (FloatMath.expInPlace is within one). */
        @Override
        protected void range(int from, int to) {
            // Three passes over data in the L1 cache: the first and last the JIT vectorizes.
            for (int i = from; i < to; i++) {
                y[i] = -x[i];
            }
            FloatMath.expInPlace(y, from, to);
            for (int i = from; i < to; i++) {
                // For very negative x, e^(−x) overflows to infinity and y becomes 0, which is the right limit.
                y[i] = 1f / (1f + y[i]);
            }
        }
    }

    private static final class Backward extends Activations.BackwardFromOutput {
        @Override
        protected void range(int from, int to) {
            for (int i = from; i < to; i++) {
                dx[i] = (float) (dy[i] * (double) y[i] * (1.0 - y[i]));
            }
        }
    }
}
