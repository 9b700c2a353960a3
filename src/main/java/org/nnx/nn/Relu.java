package org.nnx.nn;

import org.nnx.spi.Layer;
import org.nnx.tensor.SplitLoop;
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

    public Relu() {
    }

    @Override
    public Tensor forward(Tensor input, boolean training) {
        output = Tensor.reuseOrAllocate(output, input.precision(), input.rows(), input.cols());
        if (input.isFloat()) {
            forwardLoop.x = input.floats();
            forwardLoop.y = output.floats();
            forwardLoop.loop(forwardLoop.x.length);
            return output;
        }
        for (int i = 0; i < input.size(); i++) {
            double x = input.get(i);
            output.set(i, x > 0 ? x : 0.0);
        }
        return output;
    }

    @Override
    public Tensor backward(Tensor outputGradient) {
        Activations.checkBackward(output, outputGradient);
        inputGradient = Tensor.reuseOrAllocate(inputGradient, output.precision(), output.rows(), output.cols());
        if (output.isFloat() && outputGradient.isFloat()) {
            backwardLoop.y = output.floats();
            backwardLoop.dy = outputGradient.floats();
            backwardLoop.dx = inputGradient.floats();
            backwardLoop.loop(backwardLoop.y.length);
            return inputGradient;
        }
        for (int i = 0; i < output.size(); i++) {
            inputGradient.set(i, output.get(i) > 0 ? outputGradient.get(i) : 0.0);
        }
        return inputGradient;
    }

    /** Training's forward, a plain float loop the JIT vectorizes (the generic one costs 5× on wide layers). */
    private static final class Forward extends SplitLoop {
        float[] x;
        float[] y;

        @Override
        protected void range(int from, int to) {
            for (int i = from; i < to; i++) {
                y[i] = Math.max(x[i], 0f);
            }
        }
    }

    private static final class Backward extends SplitLoop {
        float[] y;
        float[] dy;
        float[] dx;

        @Override
        protected void range(int from, int to) {
            for (int i = from; i < to; i++) {
                // Without a branch: the signs of a wide layer's outputs are a coin toss the CPU cannot predict
                // (0.7 against 1 ns an element). y is +0, positive, or NaN; adding 0x7FFFFFFF to its bits
                // overflows into the sign exactly when they are not 0, so the mask keeps dy where y > 0 (and
                // where y is NaN, whose loss is NaN already).
                int keep = (Float.floatToRawIntBits(y[i]) + 0x7FFFFFFF) >> 31;
                dx[i] = Float.intBitsToFloat(Float.floatToRawIntBits(dy[i]) & keep);
            }
        }
    }
}
