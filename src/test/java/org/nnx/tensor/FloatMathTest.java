package org.nnx.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FloatMathTest {

    /** Units in the last place of float32 between {@code actual} and the exact {@code expected}. */
    private static double ulps(float actual, double expected) {
        return Math.abs(actual - expected) / Math.ulp((float) expected);
    }

    @Test
    void expIsWithinOneUlpOverTheWholeNormalRange() {
        double worst = 0;
        float worstAt = 0;
        for (float x = -87.3f; x <= 88.72f; x = Math.nextUp(x + 1e-4f)) {
            double error = ulps(FloatMath.exp(x), Math.exp(x));
            if (error > worst) {
                worst = error;
                worstAt = x;
            }
        }
        assertTrue(worst < 1.0, "largest error " + worst + " ulp at x = " + worstAt);
    }

    @Test
    void expIsExactOrCloseAtSpecialPoints() {
        assertEquals(1f, FloatMath.exp(0f));
        assertEquals(1f, FloatMath.exp(-0f));
        assertEquals((float) Math.E, FloatMath.exp(1f), Math.ulp((float) Math.E));
        // Near the top, 2^128 would overflow on its own: the result is still finite.
        assertTrue(ulps(FloatMath.exp(88.72f), Math.exp(88.72f)) < 1.0);
        assertTrue(Float.isFinite(FloatMath.exp(88.72283f)));
        // Near the bottom, the smallest normal results.
        assertTrue(ulps(FloatMath.exp(-87.3365f), Math.exp(-87.3365f)) < 1.0);
        assertTrue(ulps(FloatMath.exp(-87.33f), Math.exp(-87.33f)) < 1.0);
    }

    @Test
    void expOverflowsToInfinityUnderflowsToZeroAndKeepsNaN() {
        assertEquals(Float.POSITIVE_INFINITY, FloatMath.exp(88.73f));
        assertEquals(Float.POSITIVE_INFINITY, FloatMath.exp(Float.POSITIVE_INFINITY));
        assertEquals(0f, FloatMath.exp(-87.34f));
        assertEquals(0f, FloatMath.exp(-1000f));
        assertEquals(0f, FloatMath.exp(Float.NEGATIVE_INFINITY));
        assertTrue(Float.isNaN(FloatMath.exp(Float.NaN)));
    }
}
