package org.nnx.report;

import java.util.Arrays;

/**
 * Welch's two-sample t-test (unequal variances, two-sided), used to tell whether the best configuration's
 * final test accuracy over its repeats is really above another's or could be seed noise.
 *
 * <pre>
 * t = (m₁ − m₂) / √(s₁²/n₁ + s₂²/n₂)
 * ν = (s₁²/n₁ + s₂²/n₂)² / ((s₁²/n₁)²/(n₁−1) + (s₂²/n₂)²/(n₂−1))     (Welch–Satterthwaite)
 * p = P(|T_ν| ≥ |t|) = I_{ν/(ν+t²)}(ν/2, 1/2)
 * </pre>
 * where {@code s²} are the sample variances (n − 1 in the denominator) and {@code I_x(a, b)} is the
 * regularized incomplete beta function, computed here by its continued fraction (Lentz's method).
 */
public final class WelchTest {
    private static final int MAX_ITERATIONS = 300;
    private static final double EPSILON = 1e-15;
    private static final double TINY = 1e-300;

    /**
     * The outcome of one test.
     *
     * @param t                the t statistic, positive when the first sample's mean is larger
     * @param degreesOfFreedom ν of Welch–Satterthwaite (not a whole number in general)
     * @param p                the two-sided p-value
     */
    public record Result(double t, double degreesOfFreedom, double p) {}

    private WelchTest() {}

    /**
     * Tests {@code a} against {@code b}; NaN values are left out. Needs at least two values on each side;
     * otherwise every field of the result is NaN. When both samples have no spread, p is 1 for equal
     * means and 0 for different ones.
     */
    public static Result test(double[] a, double[] b) {
        double[] x = finite(a);
        double[] y = finite(b);
        if (x.length < 2 || y.length < 2) {
            return new Result(Double.NaN, Double.NaN, Double.NaN);
        }
        double meanX = mean(x);
        double meanY = mean(y);
        double vx = variance(x, meanX) / x.length;
        double vy = variance(y, meanY) / y.length;
        double standardError = Math.sqrt(vx + vy);
        if (standardError == 0) {
            boolean same = meanX == meanY;
            return new Result(
                    same ? 0 : Math.copySign(Double.POSITIVE_INFINITY, meanX - meanY), Double.NaN, same ? 1 : 0);
        }
        double t = (meanX - meanY) / standardError;
        double nu = (vx + vy) * (vx + vy) / (vx * vx / (x.length - 1) + vy * vy / (y.length - 1));
        return new Result(t, nu, twoSidedP(t, nu));
    }

    /** P(|T| ≥ |t|) for Student's t distribution with {@code nu} degrees of freedom. */
    public static double twoSidedP(double t, double nu) {
        if (Double.isNaN(t) || !(nu > 0)) {
            return Double.NaN;
        }
        if (Double.isInfinite(t)) {
            return 0;
        }
        return Math.min(1, Math.max(0, regularizedIncompleteBeta(nu / (nu + t * t), nu / 2, 0.5)));
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
        return values.length < 2 ? Double.NaN : Math.sqrt(variance(values, mean(values)));
    }

    private static double variance(double[] values, double mean) {
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return sum / (values.length - 1);
    }

    private static double[] finite(double[] values) {
        return Arrays.stream(values).filter(Double::isFinite).toArray();
    }

    /**
     * I_x(a, b) = B(x; a, b) / B(a, b) for x in [0, 1] and a, b &gt; 0. Uses the continued fraction
     * directly where it converges fast (x &lt; (a+1)/(a+b+2)) and the symmetry I_x(a,b) = 1 − I_{1−x}(b,a)
     * elsewhere.
     */
    public static double regularizedIncompleteBeta(double x, double a, double b) {
        if (Double.isNaN(x) || !(a > 0) || !(b > 0)) {
            return Double.NaN;
        }
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        double logFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
        double front = Math.exp(logFront);
        if (x < (a + 1) / (a + b + 2)) {
            return front * continuedFraction(x, a, b) / a;
        }
        return 1 - front * continuedFraction(1 - x, b, a) / b;
    }

    /** The continued fraction of the incomplete beta function, by the modified Lentz method. */
    private static double continuedFraction(double x, double a, double b) {
        double qab = a + b;
        double qap = a + 1;
        double qam = a - 1;
        double c = 1;
        double d = 1 - qab * x / qap;
        d = 1 / (Math.abs(d) < TINY ? TINY : d);
        double h = d;
        for (int m = 1; m <= MAX_ITERATIONS; m++) {
            int m2 = 2 * m;
            // Even step.
            double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1 + aa * d;
            d = 1 / (Math.abs(d) < TINY ? TINY : d);
            c = 1 + aa / c;
            c = Math.abs(c) < TINY ? TINY : c;
            h *= d * c;
            // Odd step.
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1 + aa * d;
            d = 1 / (Math.abs(d) < TINY ? TINY : d);
            c = 1 + aa / c;
            c = Math.abs(c) < TINY ? TINY : c;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < EPSILON) {
                break;
            }
        }
        return h;
    }

    /** ln Γ(x) for x &gt; 0 by the Lanczos approximation (g = 7, 9 terms): about 15 correct digits. */
    static double logGamma(double x) {
        if (x < 0.5) {
            // Reflection: Γ(x)Γ(1−x) = π / sin(πx).
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        double[] coefficients = {
            0.99999999999980993,
            676.5203681218851,
            -1259.1392167224028,
            771.32342877765313,
            -176.61502916214059,
            12.507343278686905,
            -0.13857109526572012,
            9.9843695780195716e-6,
            1.5056327351493116e-7
        };
        double z = x - 1;
        double sum = coefficients[0];
        for (int i = 1; i < coefficients.length; i++) {
            sum += coefficients[i] / (z + i);
        }
        double t = z + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
    }
}
