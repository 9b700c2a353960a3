package org.nnx.report;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.TDistribution;
import org.apache.commons.statistics.inference.DataDispersion;
import org.apache.commons.statistics.inference.TTest;

/**
 * Welch's two-sample t-test (unequal variances, two-sided) and the confidence interval of the difference of
 * the means, used to tell whether the best configuration's final test accuracy over its repeats is really
 * above another's or could be seed noise. The test and Student's t quantiles come from Apache Commons
 * Statistics.
 *
 * <pre>
 * t = (m₁ − m₂) / √(s₁²/n₁ + s₂²/n₂)
 * ν = (s₁²/n₁ + s₂²/n₂)² / ((s₁²/n₁)²/(n₁−1) + (s₂²/n₂)²/(n₂−1))     (Welch–Satterthwaite)
 * interval: m₁ − m₂ ± t_{ν, 1−α/2} · √(s₁²/n₁ + s₂²/n₂)
 * </pre>
 */
public final class WelchTest {
    private static final TTest WELCH = TTest.withDefaults().with(DataDispersion.HETEROSCEDASTIC);

    /**
     * The outcome of one test.
     *
     * @param t                the t statistic, positive when the first sample's mean is larger
     * @param degreesOfFreedom ν of Welch–Satterthwaite (not a whole number in general)
     * @param p                the two-sided p-value
     * @param difference       the first mean minus the second
     * @param lower            the lower end of the 95 % confidence interval of {@code difference}
     * @param upper            its upper end
     */
    public record Result(double t, double degreesOfFreedom, double p, double difference, double lower, double upper) {}

    /** The confidence level of {@link Result#lower()} and {@link Result#upper()}. */
    public static final double CONFIDENCE = 0.95;

    private WelchTest() {}

    /**
     * Tests {@code a} against {@code b}; NaN values are left out. Needs at least two values on each side;
     * otherwise every field of the result is NaN but the difference. When both samples have no spread,
     * p is 1 for equal means and 0 for different ones, and the interval is the difference itself.
     */
    public static Result test(double[] a, double[] b) {
        double[] x = finite(a);
        double[] y = finite(b);
        double difference = mean(x) - mean(y);
        if (x.length < 2 || y.length < 2) {
            return new Result(Double.NaN, Double.NaN, Double.NaN, difference, Double.NaN, Double.NaN);
        }
        double standardError = Math.sqrt(variance(x) / x.length + variance(y) / y.length);
        if (standardError == 0) {
            boolean same = difference == 0;
            return new Result(
                    same ? 0 : Math.copySign(Double.POSITIVE_INFINITY, difference),
                    Double.NaN,
                    same ? 1 : 0,
                    difference,
                    difference,
                    difference);
        }
        TTest.Result result = WELCH.test(x, y);
        double nu = result.getDegreesOfFreedom();
        double half = TDistribution.of(nu).inverseSurvivalProbability((1 - CONFIDENCE) / 2) * standardError;
        return new Result(
                result.getStatistic(), nu, result.getPValue(), difference, difference - half, difference + half);
    }

    /** The arithmetic mean; NaN for no values. */
    public static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return values.length == 0 ? Double.NaN : sum / values.length;
    }

    /** The sample standard deviation (n − 1 in the denominator); NaN for fewer than two values. */
    public static double standardDeviation(double[] values) {
        return values.length < 2 ? Double.NaN : Math.sqrt(variance(values));
    }

    private static double variance(double[] values) {
        double mean = mean(values);
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return sum / (values.length - 1);
    }

    private static double[] finite(double[] values) {
        return Arrays.stream(values).filter(Double::isFinite).toArray();
    }
}
