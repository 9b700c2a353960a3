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
}
