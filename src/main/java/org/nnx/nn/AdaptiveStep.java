package org.nnx.nn;

import org.nnx.tensor.SplitLoop;
import org.nnx.tensor.Tensor;

/**
 * An adaptive optimizer's float step (RMSprop, Adam, AdaGrad) in two loops a block: the optimizer's own
 * ({@link #moments}) updates its running averages and leaves each entry's numerator and square in this thread's
 * scratch rows, then {@code w ← w − numerator / (√square + ε)} in double, rounded once to float.
 *
 * <p>Why two loops instead of one an element: the JIT leaves a loop that converts between float and double
 * scalar, and there the square root and the division, long in latency, follow one another element after element.
 * In a loop of doubles alone they are vectorized: the step takes about half the time, with the same bits, as
 * each value is computed by the same operations in the same order (docs/performance.md).
 */
abstract class AdaptiveStep extends SplitLoop {
    /** Two rows of {@link SplitLoop#BLOCK} doubles a thread: a loop's ranges run on any of the group's threads. */
    private static final ThreadLocal<double[][]> SCRATCH =
            ThreadLocal.withInitial(() -> new double[2][SplitLoop.BLOCK]);

    /** The weights the step moves, and ε, added to the square root; set before each {@link #loop}. */
    float[] w;

    double epsilon;

    /**
     * Updates the optimizer's state for entries {@code [start, start + count)}, {@code count ≤ BLOCK}, and sets
     * {@code numerators[j]} and {@code squares[j]} for entry {@code start + j}.
     */
    protected abstract void moments(int start, int count, double[] numerators, double[] squares);

    @Override
    protected final void range(int from, int to) {
        double[][] scratch = SCRATCH.get();
        double[] numerators = scratch[0];
        double[] squares = scratch[1];
        double eps = epsilon;
        for (int start = from; start < to; start += BLOCK) {
            int count = Math.min(BLOCK, to - start);
            moments(start, count, numerators, squares);
            for (int j = 0; j < count; j++) {
                numerators[j] = numerators[j] / (Math.sqrt(squares[j]) + eps);
            }
            for (int j = 0; j < count; j++) {
                w[start + j] = (float) (w[start + j] - numerators[j]);
            }
        }
    }

    /**
     * The step of an adaptive optimizer that keeps one state tensor per parameter (AdaGrad's sums, RMSprop's mean
     * squares): the gradient {@code g} and the {@code state} as arrays, with the learning rate.
     */
    abstract static class OneState extends AdaptiveStep {
        float[] g;
        float[] state;
        double rate;

        /** Steps {@code value} in place when it and its gradient are float32; returns whether it did. */
        final boolean stepFloats(Tensor value, Tensor gradient, Tensor state, double rate, double epsilon) {
            if (!value.isFloat() || !gradient.isFloat()) {
                return false;
            }
            this.w = value.floats();
            this.g = gradient.floats();
            this.state = state.floats();
            this.rate = rate;
            this.epsilon = epsilon;
            loop(w.length);
            return true;
        }
    }
}
