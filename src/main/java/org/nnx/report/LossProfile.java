package org.nnx.report;

import java.util.Arrays;
import java.util.List;
import org.nnx.train.MetricsRow;

/**
 * What a run's loss did, from its finite losses: where it started, how high it rose, where it ended. The
 * findings and the runs table read from it whether a run barely moved or blew up.
 *
 * @param first          the first finite loss; NaN without losses
 * @param peak           the highest finite loss; NaN without losses
 * @param peakIteration  where it was; -1 without losses
 * @param start          the mean of the first twentieth of the losses; NaN with fewer than ten
 * @param startMedian    the median of those first losses: where the run started, untouched by one wild step
 * @param end            the mean of the last twentieth
 * @param drop           how much the loss fell, start to end, as a fraction of the start; NaN when unknown
 */
record LossProfile(
        double first, double peak, long peakIteration, double start, double startMedian, double end, double drop) {
    /** A run whose smoothed loss fell by less than this fraction "barely moved". */
    static final double BARELY_MOVED_DROP = 0.10;
    /**
     * A run whose loss rose above this many times its first loss, and then never fell clearly below
     * where it started, "blew up": the trainer's own divergence rule (1000×, or NaN) did not fire, but
     * the step size broke the model all the same, as a sigmoid net at learning rate 10 shows.
     */
    static final double BLOW_UP_FACTOR = 3;
    /** Fewer finite losses than this are too few to tell a start from an end. */
    private static final int MIN_LOSSES = 10;

    static LossProfile of(List<MetricsRow> metrics) {
        double peak = Double.NaN;
        long peakAt = -1;
        double first = Double.NaN;
        for (MetricsRow row : metrics) {
            if (Double.isFinite(row.loss())) {
                if (Double.isNaN(first)) {
                    first = row.loss();
                }
                if (Double.isNaN(peak) || row.loss() > peak) {
                    peak = row.loss();
                    peakAt = row.iteration();
                }
            }
        }
        double[] losses = metrics.stream()
                .mapToDouble(MetricsRow::loss)
                .filter(Double::isFinite)
                .toArray();
        if (losses.length < MIN_LOSSES) {
            return new LossProfile(first, peak, peakAt, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        int window = Math.max(1, losses.length / 20);
        double start = average(losses, 0, window);
        double[] opening = Arrays.copyOf(losses, window);
        Arrays.sort(opening);
        double end = average(losses, losses.length - window, losses.length);
        return new LossProfile(
                first, peak, peakAt, start, opening[window / 2], end, start > 0 ? 1 - end / start : Double.NaN);
    }

    /** The loss hardly fell: the learning rate is too small, or the model is stuck. */
    boolean barelyMoved() {
        return drop < BARELY_MOVED_DROP && !blewUp();
    }

    /**
     * The loss shot up to more than {@link #BLOW_UP_FACTOR}× its first value and ended no better than it
     * began.
     */
    boolean blewUp() {
        // The larger of the first loss and the median of the first steps: a first mini-batch that
        // happens to be easy must not make ordinary noise look like a jump, nor the jump raise the bar.
        double from = Math.max(first, startMedian);
        return from > 0 && peak > BLOW_UP_FACTOR * from && end > (1 - BARELY_MOVED_DROP) * from;
    }

    private static double average(double[] values, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += values[i];
        }
        return sum / (to - from);
    }
}
