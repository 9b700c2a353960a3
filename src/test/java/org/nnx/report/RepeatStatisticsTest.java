package org.nnx.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
    void pValuesDifferencesAndIntervalsAsText() {
        assertEquals("0.034", RepeatStatistics.pValue(0.0342));
        assertEquals("< 0.001", RepeatStatistics.pValue(0.0004));
        assertEquals("1.000", RepeatStatistics.pValue(1));
        assertEquals("—", RepeatStatistics.pValue(Double.NaN));
        assertEquals("-1.25", RepeatStatistics.difference(-0.0125));
        assertEquals("+0.50", RepeatStatistics.difference(0.005));
        assertEquals("—", RepeatStatistics.difference(Double.NaN));
        assertEquals("-3.10 to +1.20", RepeatStatistics.interval(-0.031, 0.012));
        assertEquals("—", RepeatStatistics.interval(Double.NaN, 0.012));
    }

    @Test
    void withFewerThanThreeSeedsAHugeGapIsTooFewToJudgeNotSeedNoise() {
        // Two seeds a side, 76 points apart, p ≈ 0.06: this read "within seed noise of the best".
        double[] best = {0.93, 0.931};
        double[] far = {0.061, 0.265};
        List<Comparison> all = RepeatStatistics.compareAll(List.of(best, far), 0);
        Comparison verdict = all.get(1);
        assertEquals(Verdict.TOO_FEW_SEEDS, verdict.verdict());
        assertEquals("too few seeds to judge (n 2, needs 3)", verdict.words());
        assertTrue(Double.isNaN(verdict.p()) && Double.isNaN(verdict.adjustedP()), "no p-value without a verdict");
        assertEquals(0.163 - 0.9305, verdict.difference(), 1e-12);
        WelchTest.Result welch = WelchTest.test(far, best);
        assertEquals(welch.lower(), verdict.lower(), 1e-15, "the interval is still shown");
        assertEquals(welch.upper(), verdict.upper(), 1e-15);
        assertEquals(0, verdict.tests());

        double[] three = {0.90, 0.91, 0.92};
        Comparison twoAgainstThree =
                RepeatStatistics.compareAll(List.of(three, far), 0).get(1);
        assertEquals(Verdict.TOO_FEW_SEEDS, twoAgainstThree.verdict(), "either side below three");
        assertEquals(2, twoAgainstThree.testedRuns());
    }

    @Test
    void verdictsUseHolmsCorrectionOverEveryConfigurationTested() {
        double[] worse = {0.80, 0.81, 0.82};
        double[] close = {0.905, 0.925, 0.915};
        double[] borderline = {0.895, 0.905, 0.915};
        List<Comparison> all = RepeatStatistics.compareAll(List.of(BEST, worse, close, borderline), 0);
        double[] raw = {
            WelchTest.test(worse, BEST).p(),
            WelchTest.test(close, BEST).p(),
            WelchTest.test(borderline, BEST).p()
        };
        double[] holm = HolmCorrection.adjust(raw);
        for (int i = 0; i < 3; i++) {
            assertEquals(raw[i], all.get(i + 1).p(), 1e-15);
            assertEquals(holm[i], all.get(i + 1).adjustedP(), 1e-15);
            assertEquals(3, all.get(i + 1).tests());
        }
        assertEquals(Verdict.BEST, all.get(0).verdict());
        assertEquals(Verdict.WORSE, all.get(1).verdict());
        assertEquals("worse than the best (Holm p < 0.05)", all.get(1).words());
        assertEquals(Verdict.COULD_BE_NOISE, all.get(2).verdict());
        assertEquals("could be seed noise (Holm p ≥ 0.05)", all.get(2).words());
        assertEquals(-0.11, all.get(1).difference(), 1e-12);
    }

    @Test
    void holmMultipliesTheSortedPValuesByFallingCountsAndKeepsThemMonotone() {
        // m = 4: 0.01·4 = 0.04, 0.02·3 = 0.06, 0.03·2 = 0.06, 0.5·1 = 0.5; NaN is no test.
        assertArrayEquals(
                new double[] {0.06, 0.04, Double.NaN, 0.5, 0.06},
                HolmCorrection.adjust(new double[] {0.03, 0.01, Double.NaN, 0.5, 0.02}),
                1e-15);
        assertArrayEquals(new double[] {1, 1}, HolmCorrection.adjust(new double[] {0.6, 0.9}), 1e-15, "at most 1");
        // Uncorrected, 0.03 < 0.05 would be called worse; corrected over four tests it is not.
        double[] adjusted = HolmCorrection.adjust(new double[] {0.03, 0.01, 0.5, 0.02});
        assertTrue(adjusted[0] >= RepeatStatistics.ALPHA);
    }

    @Test
    void whatCannotBeTestedSaysWhy() {
        List<Comparison> all = RepeatStatistics.compareAll(
                List.of(BEST, new double[0], new double[] {0.90}, new double[] {0.9, Double.NaN}), 0);
        assertEquals("★ best with repeats", all.get(0).words());
        assertEquals(Verdict.NO_OK_RUN, all.get(1).verdict());
        assertTrue(Double.isNaN(all.get(1).difference()));
        assertEquals(Verdict.ONE_RUN, all.get(2).verdict());
        assertEquals(-0.02, all.get(2).difference(), 1e-12, "the difference is shown, the test is not");
        assertEquals("one run: no test", all.get(2).words());
        assertEquals(Verdict.TOO_FEW_SEEDS, all.get(3).verdict());

        Comparison noBest = RepeatStatistics.compareAll(List.<double[]>of(new double[] {0.90}), -1)
                .get(0);
        assertEquals(Verdict.ONE_RUN, noBest.verdict());
        assertTrue(Double.isNaN(noBest.difference()), "nothing to subtract");
    }
}
