package org.nnx.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What the report says of configurations run with several seeds: their final test accuracies as
 * mean ± sample standard deviation, and each against the best configuration with repeats: the difference
 * of the means with its 95 % confidence interval, Welch's t-test, and Holm's correction over all the
 * configurations tested at once. Fewer than {@link #MIN_SEEDS} ok runs on either side are too few to judge.
 * Works on the ok runs' final test accuracies, so it knows nothing of HTML.
 */
final class RepeatStatistics {
    /** The significance level of every verdict, after Holm's correction. */
    static final double ALPHA = 0.05;
    /**
     * Fewer ok runs than this are too few seeds to judge: with two a side, the t-test has one or two degrees
     * of freedom and cannot tell a 76-point gap from noise, so any verdict would mislead.
     */
    static final int MIN_SEEDS = 3;

    /** How one configuration stands against the best configuration with repeats. */
    enum Verdict {
        BEST,
        NO_OK_RUN,
        ONE_RUN,
        TOO_FEW_SEEDS,
        WORSE,
        COULD_BE_NOISE
    }

    /**
     * One configuration against the best.
     *
     * @param difference  its mean minus the best's mean; NaN when there is nothing to subtract
     * @param lower       the lower end of the 95 % confidence interval of the difference; NaN when untested
     * @param upper       its upper end
     * @param p           Welch's two-sided p-value; NaN when not tested
     * @param adjustedP   p after Holm's correction over {@code tests} comparisons; NaN when not tested
     * @param verdict     what that means
     * @param testedRuns  the smaller number of ok runs of the two
     * @param tests       how many configurations were tested against the best, for Holm's correction
     */
    record Comparison(
            double difference,
            double lower,
            double upper,
            double p,
            double adjustedP,
            Verdict verdict,
            int testedRuns,
            int tests) {
        /** The verdict in words, as plain text. */
        String words() {
            return switch (verdict) {
                case BEST -> "★ best with repeats";
                case NO_OK_RUN -> "no ok run";
                case ONE_RUN -> "one run: no test";
                case TOO_FEW_SEEDS -> "too few seeds to judge (n " + testedRuns + ", needs " + MIN_SEEDS + ")";
                case WORSE -> "worse than the best (Holm p < " + ALPHA + ")";
                case COULD_BE_NOISE -> "could be seed noise (Holm p ≥ " + ALPHA + ")";
            };
        }
    }

    private RepeatStatistics() {}

    /**
     * Every configuration of {@code accuracies} (each its ok accuracies) against the one at {@code best}
     * (-1 when there is none), in the order given. The configurations with {@link #MIN_SEEDS} ok runs are
     * tested together, Holm-corrected.
     */
    static List<Comparison> compareAll(List<double[]> accuracies, int best) {
        int n = accuracies.size();
        double[] reference = best < 0 ? null : accuracies.get(best);
        boolean judgeable = reference != null && reference.length >= MIN_SEEDS;
        WelchTest.Result[] results = new WelchTest.Result[n];
        double[] p = new double[n];
        Arrays.fill(p, Double.NaN);
        for (int i = 0; i < n; i++) {
            if (i != best && reference != null && accuracies.get(i).length > 0) {
                results[i] = WelchTest.test(accuracies.get(i), reference);
                if (judgeable && accuracies.get(i).length >= MIN_SEEDS) {
                    p[i] = results[i].p();
                }
            }
        }
        double[] adjusted = HolmCorrection.adjust(p);
        int tests = (int) Arrays.stream(p).filter(v -> !Double.isNaN(v)).count();
        List<Comparison> comparisons = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double[] values = accuracies.get(i);
            int smaller = reference == null ? values.length : Math.min(values.length, reference.length);
            if (i == best) {
                comparisons.add(untested(Double.NaN, Verdict.BEST, values.length, tests));
            } else if (values.length == 0) {
                comparisons.add(untested(Double.NaN, Verdict.NO_OK_RUN, 0, tests));
            } else if (reference == null) {
                comparisons.add(untested(Double.NaN, Verdict.ONE_RUN, values.length, tests));
            } else if (values.length == 1) {
                comparisons.add(untested(results[i].difference(), Verdict.ONE_RUN, 1, tests));
            } else if (Double.isNaN(p[i])) {
                // The interval is shown even so: its width says how little two seeds can tell.
                comparisons.add(new Comparison(
                        results[i].difference(),
                        results[i].lower(),
                        results[i].upper(),
                        Double.NaN,
                        Double.NaN,
                        Verdict.TOO_FEW_SEEDS,
                        smaller,
                        tests));
            } else {
                comparisons.add(new Comparison(
                        results[i].difference(),
                        results[i].lower(),
                        results[i].upper(),
                        p[i],
                        adjusted[i],
                        adjusted[i] < ALPHA ? Verdict.WORSE : Verdict.COULD_BE_NOISE,
                        smaller,
                        tests));
            }
        }
        return comparisons;
    }

    private static Comparison untested(double difference, Verdict verdict, int runs, int tests) {
        return new Comparison(difference, Double.NaN, Double.NaN, Double.NaN, Double.NaN, verdict, runs, tests);
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

    /** A 95 % interval of a difference in points, {@code -3.10 to +1.20}, or a dash when there is none. */
    static String interval(double lower, double upper) {
        if (Double.isNaN(lower) || Double.isNaN(upper)) {
            return "—";
        }
        return String.format(Locale.ROOT, "%+.2f to %+.2f", 100 * lower, 100 * upper);
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
