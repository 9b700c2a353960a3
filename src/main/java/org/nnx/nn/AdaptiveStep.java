package org.nnx.nn;

import org.nnx.tensor.SplitLoop;

/**
 * The last part of an adaptive optimizer's float step (RMSprop, Adam, AdaGrad):
 * {@code w ← w − numerator / (√square + ε)} in double, rounded once to float, for a block of entries whose
 * numerators and squares the optimizer's own loop has left in this thread's two scratch rows.
 *
 * <p>Why a second loop instead of one loop an element: the JIT leaves a loop that converts between float and
 * double scalar, and there the square root and the division, long in latency, follow one another element after
 * element. In a loop of doubles alone they are vectorized: the step takes about half the time, with the same
 * bits, as each value is computed by the same operations in the same order (docs/performance.md).
 */
final class AdaptiveStep {
    /** Two rows of {@link SplitLoop#BLOCK} doubles a thread: a loop's ranges run on any of the group's threads. */
    private static final ThreadLocal<double[][]> SCRATCH =
            ThreadLocal.withInitial(() -> new double[2][SplitLoop.BLOCK]);

    private AdaptiveStep() {}

    /** The calling thread's scratch: row 0 for the numerators, row 1 for the squares, {@link SplitLoop#BLOCK} each. */
    static double[][] scratch() {
        return SCRATCH.get();
    }

    /**
     * {@code w[from + j] = (float) (w[from + j] − numerators[j] / (√squares[j] + ε))} for {@code j < count ≤
     * BLOCK}; overwrites {@code numerators}.
     */
    static void apply(float[] w, int from, int count, double[] numerators, double[] squares, double epsilon) {
        for (int j = 0; j < count; j++) {
            numerators[j] = numerators[j] / (Math.sqrt(squares[j]) + epsilon);
        }
        for (int j = 0; j < count; j++) {
            w[from + j] = (float) (w[from + j] - numerators[j]);
        }
    }
}
