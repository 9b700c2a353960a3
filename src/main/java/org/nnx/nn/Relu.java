package org.nnx.nn;

import org.nnx.spi.Layer;
import org.nnx.tensor.Tensor;

/**
 * The rectified linear unit {@code y = max(0, x)}, element by element. Backward passes {@code dy} where the
 * input was positive and 0 elsewhere (the derivative at exactly 0 is taken as 0); it reads the sign from the
 * cached output, which is positive exactly where the input was.
 */
public final class Relu implements Layer {
    private Tensor output;
    private Tensor inputGradient;
    private final Forward forwardLoop = new Forward();
    private final Backward backwardLoop = new Backward();

    public Relu() {}

    @Override
    public Tensor forward(Tensor input, boolean training) {
        output = Tensor.reuseOrAllocate(output, input.precision(), input.rows(), input.cols());
        if (input.isFloat()) {
            return forwardLoop.compute(input, output);
        }
        for (int i = 0; i < input.size(); i++) {
            double x = input.get(i);
            output.set(i, x > 0 ? x : 0.0);
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
            inputGradient.set(i, output.get(i) > 0 ? outputGradient.get(i) : 0.0);
        }
        return inputGradient;
    }

    /** Training's forward, a plain float loop the JIT vectorizes (the float64 path's generic accessors are not). */
    private static final class Forward extends Activations.ForwardFloats {
        @Override
        protected void range(int from, int to) {
            for (int i = from; i < to; i++) {
                y[i] = Math.max(x[i], 0f);
            }
        }
    }

    private static final class Backward extends Activations.BackwardFromOutput {
        @Override
        protected void range(int from, int to) {
            for (int i = from; i < to; i++) {
                // Without a branch, in float operations the JIT vectorizes: the signs of a wide layer's outputs are
                // a coin toss the CPU cannot predict, and integer bit masks are not vectorized. y is +0, positive,
                // or NaN; scaled by 2²⁵⁴ any positive float reaches 1, so `keep` is 1 where y > 0 and 0 where
                // y = 0, and dy·1 is dy exactly. Adding +0 turns the −0 of a negative dy times 0 into the +0 that
                // backward gives elsewhere.
                float keep = Math.min(y[i] * 0x1p127f * 0x1p127f, 1f);
                dx[i] = dy[i] * keep + 0f;
            }
        }
    }
}
