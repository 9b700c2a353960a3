package org.nnx.nn;

import org.nnx.spi.Layer;
import org.nnx.tensor.FloatMath;
import org.nnx.tensor.Tensor;

/**
 * The hyperbolic tangent {@code y = tanh(x)}, element by element; backward {@code dx = dy · (1 − y²)}. In float32
 * (training) forward is {@link FloatMath#tanh}, within 1.5 units in the last place of the exact value; in float64
 * (gradient checks) it is {@link Math#tanh}.
 */
public final class Tanh implements Layer {
    private Tensor output;
    private Tensor inputGradient;
    private final Forward forwardLoop = new Forward();
    private final Backward backwardLoop = new Backward();

    public Tanh() {}

    @Override
    public Tensor forward(Tensor input, boolean training) {
        output = Tensor.reuseOrAllocate(output, input.precision(), input.rows(), input.cols());
        if (input.isFloat()) {
            return forwardLoop.compute(input, output);
        }
        for (int i = 0; i < input.size(); i++) {
            output.set(i, Math.tanh(input.get(i)));
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
            inputGradient.set(i, outputGradient.get(i) * (1.0 - y * y));
        }
        return inputGradient;
    }

    private static final class Forward extends Activations.ForwardFloats {
        /** An exponential an element is costly enough to be worth more cores from a thousand elements on. */
        Forward() {
            super(1024);
        }

        @Override
        protected void range(int from, int to) {
            FloatMath.tanh(x, y, from, to);
        }
    }

    /** In double, rounded once, as the float64 path computes it: the same bits as before the float loop. */
    private static final class Backward extends Activations.BackwardFromOutput {
        @Override
        protected void range(int from, int to) {
            for (int i = from; i < to; i++) {
                double out = y[i];
                dx[i] = (float) (dy[i] * (1.0 - out * out));
            }
        }
    }
}
