package org.nnx.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nnx.train.TestRuns.dense;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code checkpoint_every N}: a checkpoint every N iterations and at the end of every epoch but the run's last,
 * and a run resumed from a checkpoint inside an epoch trains on exactly as the run that was never interrupted.
 */
class CheckpointEveryTest {
    private static final int LIMIT = 500;

    /** 500 samples in batches of 50: 10 iterations an epoch, 30 in all. */
    private static TestRuns run() {
        return TestRuns.model(dense(16), "relu", TestRuns.layer("dropout", "rate", 0.2), dense(10))
                .batchSize(50)
                .epochs(3)
                .evaluateEvery(3)
                .optimizer("adam", "beta1", 0.9, "beta2", 0.999, "epsilon", 1e-8);
    }

    @Test
    void withoutTheStatementEveryEpochButTheLastEndsInACheckpoint() {
        assertEquals(List.of(10L, 20L), iterations(run()));
    }

    @Test
    void everyNIterationsAndEveryEpochsEnd() {
        assertEquals(List.of(4L, 8L, 10L, 12L, 16L, 20L, 24L, 28L), iterations(run().checkpointEvery(4)));
    }

    @Test
    void aRunResumedFromInsideAnEpochEndsAsTheUninterruptedOne() {
        HeardRun whole = HeardRun.train(run().checkpointEvery(7).config(LIMIT), LIMIT, null);
        Checkpoint midEpoch = whole.checkpoints.get(2);
        assertEquals(14, midEpoch.iteration());
        HeardRun resumed = HeardRun.train(run().checkpointEvery(7).config(LIMIT), LIMIT, midEpoch);
        assertEquals(rowsWithoutSeconds(whole.result), rowsWithoutSeconds(resumed.result));
        assertEquals(HeardRun.values(whole.last), HeardRun.values(resumed.last));
    }

    /** Per-channel batch normalization's running statistics are part of the checkpoint, as they are of a model. */
    @Test
    void aConvolutionalRunWithBatchNormResumesAsTheUninterruptedOne() {
        TestRuns settings = TestRuns.model(
                        TestRuns.conv2d(2, 3),
                        TestRuns.layer("batch_norm", "momentum", 0.9, "epsilon", 1e-5),
                        "relu",
                        dense(10))
                .batchSize(50)
                .epochs(2)
                .checkpointEvery(4);
        HeardRun whole = HeardRun.train(settings.config(LIMIT), LIMIT, null);
        Checkpoint midEpoch = whole.checkpoints.get(3);
        assertEquals(12, midEpoch.iteration());
        assertTrue(
                midEpoch.network().stream().anyMatch(t -> t.name().equals("layers.1.running_mean")),
                "the running mean is in the checkpoint");
        HeardRun resumed = HeardRun.train(settings.config(LIMIT), LIMIT, midEpoch);
        assertEquals(rowsWithoutSeconds(whole.result), rowsWithoutSeconds(resumed.result));
        assertEquals(HeardRun.values(whole.last), HeardRun.values(resumed.last));
    }

    private static List<Long> iterations(TestRuns settings) {
        return HeardRun.train(settings.config(LIMIT), LIMIT, null).checkpoints.stream()
                .map(Checkpoint::iteration)
                .toList();
    }

    /** Each row's values but its seconds, which no two runs share. */
    private static List<String> rowsWithoutSeconds(RunResult result) {
        return result.metrics().stream()
                .map(row -> {
                    double[] values = row.values(0);
                    values[8] = Double.NaN;
                    return Arrays.toString(values);
                })
                .toList();
    }
}
