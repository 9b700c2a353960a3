package org.nnx.report;

import java.util.Arrays;

/** How the loss charts smooth mini-batch noise: an exponential moving average over a span fitted to the run. */
final class Smoothing {
    private Smoothing() {}

    /**
     * The EMA span for a run of {@code points} iterations: about 1/40 of the run, between 1 and 200.
     * Long runs need more smoothing to show the trend through mini-batch noise; short ones keep detail.
     */
    static int span(int points) {
        return Math.max(1, Math.min(200, points / 40));
    }

    /**
     * Exponential moving average with weight 2/(span+1) on each new value, bias-corrected as in Adam and
     * TensorBoard so the first points are not pulled towards 0.
     */
    static double[] exponentialMovingAverage(double[] values, int span) {
        double alpha = 2.0 / (span + 1);
        double[] average = new double[values.length];
        double biased = 0;
        double weight = 0;
        for (int i = 0; i < values.length; i++) {
            biased = (1 - alpha) * biased + alpha * values[i];
            weight = (1 - alpha) * weight + alpha;
            average[i] = biased / weight;
        }
        return Arrays.copyOf(average, average.length);
    }
}
