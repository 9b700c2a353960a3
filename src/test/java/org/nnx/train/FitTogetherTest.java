package org.nnx.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnx.model.RunPlan;
import org.nnx.model.SweptValues;

/** Runs side by side are only as many as fit in memory together, by the analysis' estimate of each. */
class FitTogetherTest {
    private static RunPlan needing(long bytes) {
        return new RunPlan("r", SweptValues.NONE, null, "r", "", bytes);
    }

    @Test
    void runsThatEachTakeMoreThanHalfTheHeapTrainOneAtATime() {
        long heap = Runtime.getRuntime().maxMemory();
        assertEquals(1, ExperimentRunner.fitTogether(List.of(needing(heap * 6 / 10), needing(heap / 10))));
    }

    @Test
    void smallRunsOrUnknownOnesAreNotHeldBack() {
        assertTrue(ExperimentRunner.fitTogether(List.of(needing(1 << 20), needing(1 << 20))) >= 2);
        assertEquals(Integer.MAX_VALUE, ExperimentRunner.fitTogether(List.of(needing(0), needing(0))));
    }
}
