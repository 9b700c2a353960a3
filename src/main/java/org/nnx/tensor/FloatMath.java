package org.nnx.tensor;

/**
 * Elementary functions in float32 for the training path, where {@link Math#exp} (double precision, then rounded)
 * is most of a sigmoid's or a softmax's time.
 */
public final class FloatMath {
    /** Above this, e^x overflows float32. */
    private static final float MAX_ARGUMENT = 88.72283f;
    /** Below this, e^x is below float32's smallest normal number; the result is 0. */
    private static final float MIN_ARGUMENT = -87.33654f;

    private static final float LOG2_E = 1.44269504088896341f;
    /** ln 2 in two parts, the first exact in a few bits, so that {@code x − n·ln 2} loses nothing. */
    private static final float LN2_HIGH = 0.693359375f;

    private static final float LN2_LOW = -2.12194440e-4f;
    /** 1.5 · 2^23: adding it rounds a float of magnitude below 2^22 to an integer, held in the low mantissa bits. */
    private static final float ROUNDER = 12582912f;

    private static final int ROUNDER_BITS = 0x4B400000;

    private FloatMath() {}

    /**
     * Replaces each element of {@code values[from, to)} by its exponential, within about one unit in the last place
     * of float32 (Cephes' {@code expf}: {@code x = n·ln 2 + r} with |r| ≤ ln 2 / 2, a degree-6 polynomial for e^r,
     * and 2^n built in the exponent bits), much faster than {@code (float) Math.exp(x)}. Overflows to
     * infinity above 88.72; below −87.34, where the result would be subnormal, gives 0. NaN gives NaN.
     *
     * <p>Why a loop over an array and not a function of one float: the body is too large for the JIT to inline
     * at a call site under the launcher's {@code -XX:FreqInlineSize=50}, and a call an element would make a
     * sigmoid markedly slower (docs/performance.md has the figures).
     */
    public static void expInPlace(float[] values, int from, int to) {
        for (int i = from; i < to; i++) {
            float x = values[i];
            if (x > MAX_ARGUMENT) {
                values[i] = Float.POSITIVE_INFINITY;
                continue;
            }
            if (x < MIN_ARGUMENT) {
                values[i] = 0f;
                continue;
            }
            float shifted = x * LOG2_E + ROUNDER;
            int n = Float.floatToRawIntBits(shifted) - ROUNDER_BITS;
            float nearest = shifted - ROUNDER;
            float r = x - nearest * LN2_HIGH;
            r = r - nearest * LN2_LOW;
            float p = ((((1.9875691500e-4f * r + 1.3981999507e-3f) * r + 8.3334519073e-3f) * r + 4.1665795894e-2f) * r
                                    + 1.6666665459e-1f)
                            * r
                    + 5.0000001201e-1f;
            float er = p * (r * r) + r + 1f;
            // 2^n in two factors, each a normal float for every n in [−126, 128]; multiplying by them is exact.
            int half = n >> 1;
            values[i] = er * Float.intBitsToFloat((half + 127) << 23) * Float.intBitsToFloat((n - half + 127) << 23);
        }
    }

    /** From here on tanh(|x|) rounds to 1 in float32: 1 − tanh(9.1) ≈ 2.5·10⁻⁸ is below half an ulp of 1. */
    private static final float TANH_SATURATION = 9.1f;
    /** Below this |x|, tanh uses its odd polynomial; from here on, 1 − 2 / (e^(2|x|) + 1). */
    private static final float TANH_POLYNOMIAL_END = 0.625f;

    /**
     * Writes {@code tanh(x[i])} into {@code y[i]} for each {@code i} in {@code [from, to)}, in float32, within
     * {@value #TANH_ULP_BOUND} units in the last place of the float nearest to the exact tanh (measured over
     * every float: the largest error is 1.33 ulp, at x ≈ ±0.6283, where the branches meet; FloatMathTest checks
     * the bound densely); exact at ±0 (sign kept), ±1 from |x| ≥ 9.1 and at ±∞, NaN for NaN; odd, bit for bit.
     * {@code x} and {@code y} may be the same array.
     *
     * <p>Cephes' {@code tanhf}: below |x| = 0.625 the odd polynomial {@code x + x·z·P(z)}, {@code z = x²};
     * above, {@code 1 − 2 / (e^(2|x|) + 1)} with the sign of x. Written as three passes over the range, the
     * first and the last without branches (min, max and arithmetic only, both branches computed and blended by a
     * 0-or-1 weight), so that the JIT vectorizes them; the exponential ({@link #expInPlace}) sees arguments in
     * [0, 18.2] only and so never takes its overflow branches.
     */
    public static void tanh(float[] x, float[] y, int from, int to) {
        for (int i = from; i < to; i++) {
            y[i] = 2f * Math.min(Math.abs(x[i]), TANH_SATURATION);
        }
        expInPlace(y, from, to);
        for (int i = from; i < to; i++) {
            // Clamped so that both branches stay finite for any x, ±∞ included: the blend multiplies by 0. Both
            // branches compute tanh(|x|); the sign comes last, so that the result is odd bit for bit.
            float xc = Math.max(Math.min(x[i], TANH_SATURATION), -TANH_SATURATION);
            float a = Math.abs(xc);
            float z = a * a;
            float polynomial =
                    ((((-5.70498872745e-3f * z + 2.06390887954e-2f) * z - 5.37397155531e-2f) * z + 1.33314422036e-1f)
                                                    * z
                                            - 3.33332819422e-1f)
                                    * z
                                    * a
                            + a;
            float exponential = 1f - 2f / (y[i] + 1f);
            // 1 below 0.625 and 0 from it on: a positive difference, however small, scaled by 2²⁵⁴ reaches 1.
            float usePolynomial = Math.min(Math.max((TANH_POLYNOMIAL_END - a) * 0x1p127f * 0x1p127f, 0f), 1f);
            // ±1 for any x but ±0, and ±0 there (the division of equal magnitudes is exact).
            float sign = xc / Math.max(a, Float.MIN_VALUE);
            // w·p + (1 − w)·e with w 0 or 1 is exactly p or e.
            y[i] = (usePolynomial * polynomial + (1f - usePolynomial) * exponential) * sign;
        }
    }

    /** A bound on the error of {@link #tanh} over all floats, in units in the last place of the rounded result. */
    public static final double TANH_ULP_BOUND = 1.5;
}
