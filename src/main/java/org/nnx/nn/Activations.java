package org.nnx.nn;

import org.nnx.tensor.SplitLoop;
import org.nnx.tensor.Tensor;

/** Checks and loops shared by the element-wise activation layers. */
final class Activations {
    private Activations() {}

    /** Fails unless a forward has run and {@code outputGradient} has the shape of its output. */
    static void checkBackward(Tensor output, Tensor outputGradient) {
        if (output == null) {
            throw new IllegalStateException("backward before forward");
        }
        if (outputGradient.rows() != output.rows() || outputGradient.cols() != output.cols()) {
            throw new IllegalArgumentException(
                    "output gradient " + outputGradient.shape() + " for output " + output.shape());
        }
    }

    /** Checks a backward as {@link #checkBackward} does, then reuses {@code previous} for its input gradient. */
    static Tensor inputGradient(Tensor output, Tensor outputGradient, Tensor previous) {
        checkBackward(output, outputGradient);
        return Tensor.reuseOrAllocate(previous, output.precision(), output.rows(), output.cols());
    }

    /**
     * A float forward, {@code y} from {@code x} element by element, over a run's two cores when it has them.
     * Subclasses write {@link #range}.
     */
    abstract static class ForwardFloats extends SplitLoop {
        float[] x;
        float[] y;

        /** A loop of cheap elements. */
        ForwardFloats() {}

        /** @param minimumLength loops shorter than this run whole on the calling thread */
        ForwardFloats(int minimumLength) {
            super(minimumLength);
        }

        /** Computes the output into {@code output} and returns it. */
        final Tensor compute(Tensor input, Tensor output) {
            x = input.floats();
            y = output.floats();
            loop(x.length);
            return output;
        }
    }

    /**
     * A float backward that reads the layer's cached output: {@code dx} from {@code y} and {@code dy}, element by
     * element, over a run's two cores when it has them. Subclasses write {@link #range}.
     */
    abstract static class BackwardFromOutput extends SplitLoop {
        float[] y;
        float[] dy;
        float[] dx;

        /** Computes the input gradient into {@code inputGradient} and returns it. */
        final Tensor compute(Tensor output, Tensor outputGradient, Tensor inputGradient) {
            y = output.floats();
            dy = outputGradient.floats();
            dx = inputGradient.floats();
            loop(y.length);
            return inputGradient;
        }
    }
}
