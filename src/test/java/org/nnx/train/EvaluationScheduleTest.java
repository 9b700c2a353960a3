package org.nnx.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class EvaluationScheduleTest {

    private static List<Long> due(EvaluationSchedule schedule) {
        List<Long> due = new ArrayList<>();
        for (long iteration = 1; iteration <= schedule.iterations(); iteration++) {
            if (schedule.due(iteration)) {
                due.add(iteration);
            }
        }
        return due;
    }

    @Test
    void onceAnEpochWhenNoIntervalIsSet() {
        // 1000 samples in batches of 100: ten iterations an epoch.
        EvaluationSchedule schedule = EvaluationSchedule.of(0, 30, 1000, 100);
        assertEquals(new EvaluationSchedule(10, 30), schedule);
        assertEquals(List.of(10L, 20L, 30L), due(schedule));
    }

    @Test
    void anEpochWithAShortLastBatchCountsThatBatch() {
        // 95 samples in batches of 20: 4 full batches and one of 15.
        EvaluationSchedule schedule = EvaluationSchedule.of(0, 12, 95, 20);
        assertEquals(5, schedule.every());
        assertEquals(List.of(5L, 10L, 12L), due(schedule));
    }

    @Test
    void everyNIterationsAndAtTheLast() {
        EvaluationSchedule schedule = EvaluationSchedule.of(3, 10, 1000, 50);
        assertEquals(3, schedule.every());
        assertEquals(List.of(3L, 6L, 9L, 10L), due(schedule));
    }

    @Test
    void anIntervalLongerThanTheRunEvaluatesAtTheLastIterationOnly() {
        assertEquals(List.of(7L), due(EvaluationSchedule.of(100, 7, 1000, 50)));
    }

    @Test
    void aBatchLargerThanTheTrainingSetMakesEveryIterationAnEpoch() {
        EvaluationSchedule schedule = EvaluationSchedule.of(0, 4, 10, 50);
        assertEquals(1, schedule.every());
        assertEquals(LongStream.rangeClosed(1, 4).boxed().toList(), due(schedule));
    }

    @Test
    void evaluationsAtLeastOneIterationApart() {
        assertEquals(
                "evaluations must be at least 1 iteration apart: 0",
                assertThrows(IllegalArgumentException.class, () -> new EvaluationSchedule(0, 5))
                        .getMessage());
    }
}
