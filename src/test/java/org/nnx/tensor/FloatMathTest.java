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
}
