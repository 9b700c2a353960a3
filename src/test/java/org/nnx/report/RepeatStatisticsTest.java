package org.nnx.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nnx.report.RepeatStatistics.Comparison;
import org.nnx.report.RepeatStatistics.Verdict;

class RepeatStatisticsTest {
    private static final double[] BEST = {0.91, 0.92, 0.93};

    @Test
    void meanAndSampleStandardDeviationInPercent() {
        assertEquals("92.00 ± 1.00 %", RepeatStatistics.meanSd(BEST));
        assertEquals("90.50 %", RepeatStatistics.meanSd(new double[] {0.905}), "one run: its accuracy alone");
        assertEquals("—", RepeatStatistics.meanSd(new double[0]));
        assertEquals("91.00 – 93.00 %", RepeatStatistics.range(BEST));
        assertEquals("—", RepeatStatistics.range(new double[0]));
        assertTrue(Double.isNaN(RepeatStatistics.minimum(new double[0])));
    }

    @Test
    void pValuesAndDifferencesAsText() {
        assertEquals("0.034", RepeatStatistics.pValue(0.0342));
        assertEquals("< 0.001", RepeatStatistics.pValue(0.0004));
        assertEquals("1.000", RepeatStatistics.pValue(1));
        assertEquals("—", RepeatStatistics.pValue(Double.NaN));
        assertEquals("-1.25", RepeatStatistics.difference(-0.0125));
        assertEquals("+0.50", RepeatStatistics.difference(0.005));
        assertEquals("—", RepeatStatistics.difference(Double.NaN));
    }

    @Test
    void aClearlyWorseConfigurationIsWorseAndAnOverlappingOneWithinNoise() {
        double[] worse = {0.80, 0.81, 0.82};
        Comparison clear = RepeatStatistics.compare(worse, BEST, false);
        assertEquals(Verdict.WORSE, clear.verdict());
        assertEquals(-0.11, clear.difference(), 1e-12);
        assertEquals(WelchTest.test(BEST, worse).p(), clear.p());
        assertEquals("worse than the best (p < 0.05)", clear.words());
        assertFalse(RepeatStatistics.withinNoise(BEST, worse));

        double[] close = {0.905, 0.925, 0.915};
        Comparison noisy = RepeatStatistics.compare(close, BEST, false);
        assertEquals(Verdict.WITHIN_NOISE, noisy.verdict());
        assertTrue(noisy.p() >= RepeatStatistics.ALPHA, "p " + noisy.p());
        assertEquals("within seed noise of the best", noisy.words());
        assertTrue(RepeatStatistics.withinNoise(BEST, close));
    }

    @Test
    void whatCannotBeTestedSaysWhy() {
        Comparison best = RepeatStatistics.compare(BEST, BEST, true);
        assertEquals(Verdict.BEST, best.verdict());
        assertTrue(Double.isNaN(best.difference()) && Double.isNaN(best.p()));
        assertEquals("★ best with repeats", best.words());

        Comparison none = RepeatStatistics.compare(new double[0], BEST, false);
        assertEquals(Verdict.NO_OK_RUN, none.verdict());
        assertTrue(Double.isNaN(none.difference()));

        Comparison single = RepeatStatistics.compare(new double[] {0.90}, BEST, false);
        assertEquals(Verdict.ONE_RUN, single.verdict());
        assertEquals(-0.02, single.difference(), 1e-12, "the difference is shown, the test is not");
        assertTrue(Double.isNaN(single.p()));
        assertEquals("one run: no test", single.words());
        assertFalse(RepeatStatistics.withinNoise(BEST, new double[] {0.92}), "one run cannot be within noise");

        Comparison noBest = RepeatStatistics.compare(new double[] {0.90}, null, false);
        assertEquals(Verdict.ONE_RUN, noBest.verdict());
        assertTrue(Double.isNaN(noBest.difference()), "nothing to subtract");

        Comparison flat = RepeatStatistics.compare(new double[] {0.9, Double.NaN}, new double[] {0.9, 0.9}, false);
        assertEquals(Verdict.TOO_FEW_TO_TEST, flat.verdict(), "Welch needs two finite values on each side");
        assertEquals("too few ok runs to test (n 2)", flat.words());
    }
}
