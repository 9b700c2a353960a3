package org.nnx.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A step asked to record its parts records each of them, the last step's, within the time that step counts. */
class StepTimesTest {

    private static long[] partsOfOneStep(TestRuns run, StepTimes times) {
        TrainingSetup setup = TrainingSetup.prepare(TestRuns.REGISTRY, run.config(100), TestRuns.digits(100));
        try (TrainingStep step = setup.newStep()) {
            step.recordPartsInto(times);
            step.take(true);
            long first = step.nanos();
            step.take(true);
            // The parts are the last step's alone: together no longer than that step took.
            long[] parts = Arrays.stream(StepTimes.Part.values())
                    .mapToLong(times::nanos)
                    .toArray();
            long last = step.nanos() - first;
            assertTrue(Arrays.stream(parts).sum() <= last, Arrays.toString(parts) + " > " + last);
            return parts;
        }
    }

    @Test
    void aStepSteppedInBackwardRecordsItsBatchForwardLossAndBackward() {
        long[] parts = partsOfOneStep(
                TestRuns.model(TestRuns.dense(16), "relu", TestRuns.dense(10))
                        .batchSize(20)
                        .iterations(5),
                new StepTimes());
        for (StepTimes.Part part : new StepTimes.Part[] {
            StepTimes.Part.BATCH, StepTimes.Part.FORWARD, StepTimes.Part.LOSS, StepTimes.Part.BACKWARD
        }) {
            assertTrue(parts[part.ordinal()] > 0, part + " in " + Arrays.toString(parts));
        }
    }

    @Test
    void aStepWithAnOptimizerRecordsItsUpdate() {
        long[] parts = partsOfOneStep(
                TestRuns.model(TestRuns.dense(16), "relu", TestRuns.dense(10))
                        .optimizer("momentum", "momentum", 0.9)
                        .batchSize(20)
                        .iterations(5),
                new StepTimes());
        assertTrue(parts[StepTimes.Part.UPDATE.ordinal()] > 0, Arrays.toString(parts));
        assertTrue(parts[StepTimes.Part.BACKWARD.ordinal()] > 0, Arrays.toString(parts));
    }
}
