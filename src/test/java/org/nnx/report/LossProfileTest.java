package org.nnx.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.nnx.train.MetricsRow;

class LossProfileTest {
    private static List<MetricsRow> losses(int count, IntToDoubleFunction loss) {
        List<MetricsRow> rows = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            rows.add(SyntheticRuns.row(i, (float) loss.applyAsDouble(i), Double.NaN, Double.NaN));
        }
        return rows;
    }

    @Test
    void startAndEndAreMeansOfTheFirstAndLastTwentieth() {
        LossProfile profile = LossProfile.of(losses(40, i -> i <= 2 ? 2 : i > 38 ? 0.5 : 1));
        assertEquals(2, profile.first());
        assertEquals(2, profile.start(), "window of 40 / 20 = 2 losses");
        assertEquals(0.5, profile.end());
        assertEquals(0.75, profile.drop(), 1e-12);
        assertEquals(2, profile.peak());
        assertEquals(1, profile.peakIteration(), "the first of equal highs");
        assertFalse(profile.barelyMoved());
        assertFalse(profile.blewUp());
    }

    @Test
    void aFlatLossBarelyMovedAndAJumpThatNeverRecoversBlewUp() {
        assertTrue(LossProfile.of(losses(40, i -> 2.3 - 0.001 * i)).barelyMoved());
        LossProfile jump = LossProfile.of(losses(40, i -> i == 5 ? 10 : 2.3));
        assertTrue(jump.blewUp());
        assertEquals(5, jump.peakIteration());
        assertFalse(jump.barelyMoved(), "blew up, not merely slow");
        assertFalse(
                LossProfile.of(losses(40, i -> i == 5 ? 10 : i > 30 ? 0.5 : 2.3))
                        .blewUp(),
                "it recovered");
    }

    @Test
    void tooFewLossesTellNoStartOrEnd() {
        LossProfile profile = LossProfile.of(losses(9, i -> 1.0 / i));
        assertEquals(1, profile.first());
        assertTrue(Double.isNaN(profile.start()) && Double.isNaN(profile.end()) && Double.isNaN(profile.drop()));
        assertFalse(profile.barelyMoved(), "unknown is not barely moved");
        LossProfile none = LossProfile.of(List.of());
        assertTrue(Double.isNaN(none.first()) && Double.isNaN(none.peak()));
        assertEquals(-1, none.peakIteration());
    }
}
