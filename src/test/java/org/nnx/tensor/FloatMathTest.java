package org.nnx.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FloatMathTest {

    /** Units in the last place of float32 between {@code actual} and the exact {@code expected}. */
    private static double ulps(float actual, double expected) {
        return Math.abs(actual - expected) / Math.ulp((float) expected);
    }

    /** One exponential, through the array routine. */
    private static float exp(float x) {
        float[] value = {x};
        FloatMath.expInPlace(value, 0, 1);
        return value[0];
    }

    @Test
    void expIsWithinOneUlpOverTheWholeNormalRange() {
        int count = 0;
        for (float x = -87.3f; x <= 88.72f; x = Math.nextUp(x + 1e-4f)) {
            count++;
        }
        float[] xs = new float[count];
        int i = 0;
        for (float x = -87.3f; x <= 88.72f; x = Math.nextUp(x + 1e-4f)) {
            xs[i++] = x;
        }
        float[] values = xs.clone();
        FloatMath.expInPlace(values, 0, values.length);
        double worst = 0;
        float worstAt = 0;
        for (i = 0; i < count; i++) {
            double error = ulps(values[i], Math.exp(xs[i]));
            if (error > worst) {
                worst = error;
                worstAt = xs[i];
            }
        }
        assertTrue(worst < 1.0, "largest error " + worst + " ulp at x = " + worstAt);
    }

    @Test
    void expIsExactOrCloseAtSpecialPoints() {
        assertEquals(1f, exp(0f));
        assertEquals(1f, exp(-0f));
        assertEquals((float) Math.E, exp(1f), Math.ulp((float) Math.E));
        // Near the top, 2^128 would overflow on its own: the result is still finite.
        assertTrue(ulps(exp(88.72f), Math.exp(88.72f)) < 1.0);
        assertTrue(Float.isFinite(exp(88.72283f)));
        // Near the bottom, the smallest normal results.
        assertTrue(ulps(exp(-87.3365f), Math.exp(-87.3365f)) < 1.0);
        assertTrue(ulps(exp(-87.33f), Math.exp(-87.33f)) < 1.0);
    }

    @Test
    void onlyTheGivenRangeIsReplaced() {
        float[] values = {1f, 0f, 2f, 3f};
        FloatMath.expInPlace(values, 1, 3);
        assertEquals(1f, values[0]);
        assertEquals(1f, values[1]);
        assertEquals(exp(2f), values[2]);
        assertEquals(3f, values[3]);
    }

    @Test
    void expOverflowsToInfinityUnderflowsToZeroAndKeepsNaN() {
        assertEquals(Float.POSITIVE_INFINITY, exp(88.73f));
        assertEquals(Float.POSITIVE_INFINITY, exp(Float.POSITIVE_INFINITY));
        assertEquals(0f, exp(-87.34f));
        assertEquals(0f, exp(-1000f));
        assertEquals(0f, exp(Float.NEGATIVE_INFINITY));
        assertTrue(Float.isNaN(exp(Float.NaN)));
    }

    /** The error of {@link FloatMath#tanh} at {@code x} in units in the last place of the float nearest tanh(x). */
    private static double tanhUlps(float x, float y) {
        double exact = Math.tanh(x);
        return Math.abs(y - exact) / Math.ulp((float) exact);
    }

    @Test
    void tanhIsWithinItsBoundOnADenseSweepOfAllFloatsAndEveryFloatWhereTheBranchesMeet() {
        float[] x = new float[4096];
        float[] y = new float[4096];
        double worst = 0;
        // Every 61st positive float, NaNs included, then every float of [0.5, 1), where 0.625 parts the branches.
        long[][] sweeps = {{0, 0x7FFFFFFFL, 61}, {Float.floatToRawIntBits(0.5f), Float.floatToRawIntBits(1f), 1}};
        for (long[] sweep : sweeps) {
            long bits = sweep[0];
            while (bits < sweep[1]) {
                int n = 0;
                for (; n < x.length && bits < sweep[1]; n++, bits += sweep[2]) {
                    x[n] = Float.intBitsToFloat((int) bits);
                }
                FloatMath.tanh(x, y, 0, n);
                for (int i = 0; i < n; i++) {
                    if (Float.isNaN(x[i])) {
                        assertTrue(Float.isNaN(y[i]), "tanh(NaN)");
                        continue;
                    }
                    worst = Math.max(worst, tanhUlps(x[i], y[i]));
                    assertTrue(worst <= FloatMath.TANH_ULP_BOUND, "tanh(" + x[i] + ") = " + y[i]);
                }
            }
        }
        assertTrue(worst > 0.5, "the sweep reached the places where float rounding shows: " + worst);
    }

    @Test
    void tanhIsOddBitForBitAndExactAtItsEdges() {
        float[] x = {
            0f,
            -0f,
            Float.MIN_VALUE,
            -Float.MIN_VALUE,
            1e-30f,
            0.625f,
            -0.625f,
            9.1f,
            20f,
            -20f,
            Float.MAX_VALUE,
            Float.POSITIVE_INFINITY,
            Float.NEGATIVE_INFINITY,
            Float.NaN
        };
        float[] y = new float[x.length];
        FloatMath.tanh(x, y, 0, x.length);
        assertEquals(Float.floatToRawIntBits(0f), Float.floatToRawIntBits(y[0]));
        assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(y[1]));
        assertEquals(Float.MIN_VALUE, y[2]);
        assertEquals(-Float.MIN_VALUE, y[3]);
        assertEquals(1e-30f, y[4]);
        assertEquals((float) Math.tanh(0.625), y[5], Math.ulp(y[5]) * FloatMath.TANH_ULP_BOUND);
        assertEquals(-y[5], y[6]);
        assertEquals(1f, y[7]);
        assertEquals(1f, y[8]);
        assertEquals(-1f, y[9]);
        assertEquals(1f, y[10]);
        assertEquals(1f, y[11]);
        assertEquals(-1f, y[12]);
        assertTrue(Float.isNaN(y[13]));
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        float[] positive = new float[10_000];
        float[] negative = new float[positive.length];
        for (int i = 0; i < positive.length; i++) {
            positive[i] = Float.intBitsToFloat(random.nextInt(0x7F800000));
            negative[i] = -positive[i];
        }
        float[] up = new float[positive.length];
        float[] down = new float[positive.length];
        FloatMath.tanh(positive, up, 0, up.length);
        FloatMath.tanh(negative, down, 0, down.length);
        for (int i = 0; i < up.length; i++) {
            assertEquals(Float.floatToRawIntBits(-up[i]), Float.floatToRawIntBits(down[i]), "at " + positive[i]);
        }
    }
}
