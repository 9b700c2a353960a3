package org.nnx.report;

/**
 * Holm's step-down correction for testing several configurations against the best at once: with m tests,
 * the smallest p-value is multiplied by m, the next by m − 1, and so on, each adjusted value kept at least
 * as large as the one before and at most 1. Rejecting where the adjusted p is below α keeps the chance of
 * any false "worse" at or below α over all m tests (Holm, 1979), and never rejects less than Bonferroni.
 */
final class HolmCorrection {
    private HolmCorrection() {}

    /** The adjusted p-values, in the order given; NaN entries are not tests and stay NaN. */
    static double[] adjust(double[] p) {
        int m = 0;
        for (double value : p) {
            if (!Double.isNaN(value)) {
                m++;
            }
        }
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < p.length; i++) {
            order[i] = i;
        }
        // NaN last: Double.compare orders NaN above every number.
        java.util.Arrays.sort(order, (a, b) -> Double.compare(p[a], p[b]));
        double[] adjusted = new double[p.length];
        double running = 0;
        for (int rank = 0; rank < p.length; rank++) {
            int i = order[rank];
            if (Double.isNaN(p[i])) {
                adjusted[i] = Double.NaN;
                continue;
            }
            running = Math.max(running, Math.min(1, (m - rank) * p[i]));
            adjusted[i] = running;
        }
        return adjusted;
    }
}
