package org.nnx.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WelchTestTest {
    @Test
    void theDifferenceComesWithItsWelchConfidenceInterval() {
        // Equal spreads of 1 and n 3 a side: SE = √(2/3), ν = 4, t(0.975, 4) = 2.7764451 (tables, SciPy alike).
        WelchTest.Result result = WelchTest.test(new double[] {1, 2, 3}, new double[] {4, 5, 6});
        double half = 2.7764451051977934 * Math.sqrt(2.0 / 3);
        assertEquals(-3, result.difference(), 1e-12);
        assertEquals(-3 - half, result.lower(), 1e-9);
        assertEquals(-3 + half, result.upper(), 1e-9);
        assertEquals(4, result.degreesOfFreedom(), 1e-12);
        assertEquals(-3.6742346141747673, result.t(), 1e-12);
        assertEquals(0.021311641128756713, result.p(), 1e-9, "SciPy's ttest_ind(equal_var=False)");
    }

    @Test
    void welchOnTheTextbookExample() {
        // Welch's t-test, example 1 of the Wikipedia article: t = −2.46, ν ≈ 25.0, p = 0.021.
        double[] a = {27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4};
        double[] b = {27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4};
        WelchTest.Result result = WelchTest.test(a, b);
        assertEquals(-2.46, result.t(), 0.005);
        assertEquals(25.0, result.degreesOfFreedom(), 0.05);
        assertEquals(0.021, result.p(), 0.0005);
    }

    @Test
    void edgeCases() {
        assertTrue(
                Double.isNaN(WelchTest.test(new double[] {0.9}, new double[] {0.8, 0.85})
                        .p()),
                "n = 1: no test");
        assertEquals(
                1,
                WelchTest.test(new double[] {0.9, 0.9}, new double[] {0.9, 0.9}).p(),
                "same, no spread");
        assertEquals(
                0,
                WelchTest.test(new double[] {0.9, 0.9}, new double[] {0.8, 0.8}).p(),
                "different, no spread");
        assertEquals(
                WelchTest.test(new double[] {0.9, 0.91}, new double[] {0.8, 0.82})
                        .p(),
                WelchTest.test(new double[] {0.9, Double.NaN, 0.91}, new double[] {0.8, 0.82})
                        .p(),
                "NaN left out");
        assertEquals(0.5, WelchTest.standardDeviation(new double[] {1, 2, 1.5, 1, 2}), 1e-3);
    }
}
