package org.nnx.report;

import java.util.Arrays;
import java.util.Locale;

/**
 * What the report says of a configuration run with several seeds: its final test accuracies as
 * mean ± sample standard deviation, and Welch's t-test of the best configuration with repeats against it,
 * with the verdict in words. Works on the ok runs' final test accuracies, so it knows nothing of HTML.
 */
final class RepeatStatistics {
    /** The significance level of every verdict. */
    static final double ALPHA = 0.05;

    /** How one configuration stands against the best configuration with repeats. */
    enum Verdict {
        BEST,
        NO_OK_RUN,
        ONE_RUN,
        TOO_FEW_TO_TEST,
        WORSE,
        WITHIN_NOISE
    }

    /**
     * One configuration against the best.
     *
     * @param difference  its mean minus the best's mean; NaN when there is nothing to subtract
     * @param p           Welch's two-sided p-value; NaN when not tested
     * @param verdict     what that means
     * @param testedRuns  the smaller number of ok runs of the two, for {@link Verdict#TOO_FEW_TO_TEST}
     */
    record Comparison(double difference, double p, Verdict verdict, int testedRuns) {
        /** The verdict in words, as plain text. */
        String words() {
            return switch (verdict) {
                case BEST -> "★ best with repeats";
                case NO_OK_RUN -> "no ok run";
                case ONE_RUN -> "one run: no test";
                case TOO_FEW_TO_TEST -> "too few ok runs to test (n " + testedRuns + ")";
                case WORSE -> "worse than the best (p < " + ALPHA + ")";
                case WITHIN_NOISE -> "within seed noise of the best";
            };
        }
    }

    private RepeatStatistics() {}

    /**
     * {@code values} (a configuration's ok accuracies) against {@code best} (those of the best configuration
     * with at least two ok runs, or null when there is none); {@code isBest} when they are the same one.
     */
    static Comparison compare(double[] values, double[] best, boolean isBest) {
        if (isBest) {
            return new Comparison(Double.NaN, Double.NaN, Verdict.BEST, values.length);
        }
        if (best == null || values.length == 0) {
            return new Comparison(
                    Double.NaN, Double.NaN, values.length == 0 ? Verdict.NO_OK_RUN : Verdict.ONE_RUN, values.length);
        }
        double difference = WelchTest.mean(values) - WelchTest.mean(best);
        if (values.length == 1) {
            return new Comparison(difference, Double.NaN, Verdict.ONE_RUN, 1);
        }
        double p = WelchTest.test(best, values).p();
        Verdict verdict = Double.isNaN(p) ? Verdict.TOO_FEW_TO_TEST : p < ALPHA ? Verdict.WORSE : Verdict.WITHIN_NOISE;
        return new Comparison(difference, p, verdict, Math.min(values.length, best.length));
    }

    /** True when Welch's test cannot tell {@code other} from {@code best} at {@link #ALPHA}; false when untestable. */
    static boolean withinNoise(double[] best, double[] other) {
        return WelchTest.test(best, other).p() >= ALPHA;
    }

    /** {@code 91.20 ± 0.35 %}; a single run's accuracy alone; a dash without ok runs. */
    static String meanSd(double[] values) {
        if (values.length == 0) {
            return "—";
        }
        if (values.length == 1) {
            return ReadableNumbers.percent(values[0]);
        }
        return String.format(
                Locale.ROOT, "%.2f ± %.2f %%", 100 * WelchTest.mean(values), 100 * WelchTest.standardDeviation(values));
    }

    /** {@code 90.80 – 91.60 %}, or a dash without ok runs. */
    static String range(double[] values) {
        if (values.length == 0) {
            return "—";
        }
        return String.format(
                Locale.ROOT,
                "%.2f – %.2f %%",
                100 * minimum(values),
                100 * Arrays.stream(values).max().orElseThrow());
    }

    /** The smallest value, or NaN for none. */
    static double minimum(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    /** A difference of accuracies in points, {@code -1.25}, or a dash when there is none. */
    static String difference(double difference) {
        return Double.isNaN(difference) ? "—" : String.format(Locale.ROOT, "%+.2f", 100 * difference);
    }

    /** {@code 0.034}, {@code < 0.001}, or a dash when not tested. */
    static String pValue(double p) {
        if (Double.isNaN(p)) {
            return "—";
        }
        return p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", p);
    }
}
