package org.nnx.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A step taken on its own, as a benchmark takes it, is the trainer's step. */
class TrainingStepTest {

    private static void assertStepsGiveTheRunsLosses(TestRuns run, long limit) {
        RunResult result = run.train(limit);
        assertEquals(RunStatus.OK, result.status(), result.reason());
        TrainingSetup setup = TrainingSetup.prepare(TestRuns.REGISTRY, run.config(limit), TestRuns.digits(limit));
        // Row 0 is the evaluation before the first step: steps taken alone, with no evaluation at all, must
        // give the run's losses bit for bit, so that evaluation changed nothing the training uses.
        assertEquals(0, result.metrics().get(0).iteration());
        int steps = result.metrics().size() - 1;
        try (TrainingStep step = setup.newStep()) {
            assertEquals(0.0, step.samplesPerSecond());
            for (int s = 1; s <= steps; s++) {
                assertEquals(result.metrics().get(s).loss(), step.take(s < steps), "loss at iteration " + s);
            }
            assertEquals(result.metrics().get(steps).epoch() * setup.training().size(), step.samples());
            assertTrue(step.nanos() > 0 && step.samplesPerSecond() > 0);
        }
    }

    @Test
    void stepsSteppedInBackwardAreTheRunsSteps() {
        // 95 samples in batches of 20: the fifth batch is short.
        assertStepsGiveTheRunsLosses(
                TestRuns.model(TestRuns.dense(16), "relu", TestRuns.dense(10))
                        .batchSize(20)
                        .epochs(2)
                        .evaluateEvery(1000),
                95);
    }

    @Test
    void stepsWithWeightDecayAndAnOptimizerAreTheRunsSteps() {
        assertStepsGiveTheRunsLosses(
                TestRuns.model(TestRuns.dense(16), TestRuns.layer("dropout", "rate", 0.2), "relu", TestRuns.dense(10))
                        .optimizer("momentum", "momentum", 0.9)
                        .weightDecay(1e-3)
                        .batchSize(20)
                        .validation(0.2)
                        .iterations(12)
                        .evaluateEvery(1000),
                100);
    }

    /**
     * The optimizer clears the gradients in its pass except at steps whose gradients the evaluation reads: a run
     * evaluating every other step must still take the same steps as steps that always clear.
     */
    @Test
    void stepsThatKeepTheirGradientsForTheDiagnosticsAreTheRunsSteps() {
        assertStepsGiveTheRunsLosses(
                TestRuns.model(TestRuns.dense(16), "relu", TestRuns.dense(10))
                        .optimizer("adam", "beta1", 0.9, "beta2", 0.999, "epsilon", 1e-7)
                        .weightDecay(1e-2)
                        .batchSize(20)
                        .iterations(9)
                        .evaluateEvery(2),
                100);
    }
}
