package org.nnx.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WelchTestTest {
    @Test
    void incompleteBetaMatchesClosedForms() {
        assertEquals(0.3, WelchTest.regularizedIncompleteBeta(0.3, 1, 1), 1e-14, "I_x(1,1) = x");
        assertEquals(Math.pow(0.7, 3), WelchTest.regularizedIncompleteBeta(0.7, 3, 1), 1e-14, "I_x(a,1) = x^a");
        assertEquals(1 - Math.pow(1 - 0.2, 4), WelchTest.regularizedIncompleteBeta(0.2, 1, 4), 1e-14);
        assertEquals(0.5, WelchTest.regularizedIncompleteBeta(0.5, 7.5, 7.5), 1e-14, "symmetric");
        assertEquals(0, WelchTest.regularizedIncompleteBeta(0, 2, 3));
        assertEquals(1, WelchTest.regularizedIncompleteBeta(1, 2, 3));
    }

    @Test
    void studentTailsMatchTables() {
        assertEquals(1, WelchTest.twoSidedP(0, 5), 1e-14);
        assertEquals(0.5, WelchTest.twoSidedP(1, 1), 1e-12, "Cauchy: P(|T| ≥ 1) = 1/2");
        assertEquals(0.05, WelchTest.twoSidedP(2.228138852, 10), 1e-6, "t(0.975, 10)");
        assertEquals(0.01, WelchTest.twoSidedP(2.763262, 28), 1e-6, "t(0.995, 28)");
        assertEquals(0.05, WelchTest.twoSidedP(1.959964, 1e7), 1e-5, "large ν: the normal distribution");
        assertEquals(WelchTest.twoSidedP(2.5, 3.7), WelchTest.twoSidedP(-2.5, 3.7), 1e-15, "two-sided");
        assertEquals(3.5 * 2.5 * 1.5 * 0.5 * Math.sqrt(Math.PI), Math.exp(WelchTest.logGamma(4.5)), 1e-11, "Γ(4.5)");
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
