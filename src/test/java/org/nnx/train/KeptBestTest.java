package org.nnx.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nnx.train.TestRuns.dense;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnx.model.RunConfig;

/**
 * {@code keep best}: the values kept are the network's at the evaluation where the metric was best, and a run
 * resumed from a checkpoint keeps the same best as the run that was never interrupted.
 */
class KeptBestTest {
    private static final int LIMIT = 500;

    /** A learning rate this high makes the metrics go up and down between evaluations. */
    private static RunConfig run(long iterations, long checkpointEvery, String keepBest) {
        return TestRuns.model(dense(16), "relu", dense(10))
                .learningRate(2)
                .batchSize(50)
                .iterations(iterations)
                .evaluateEvery(3)
                .checkpointEvery(checkpointEvery)
                .config(LIMIT)
                .toBuilder()
                .keepBest(keepBest)
                .build();
    }

    @Test
    void theKeptValuesAreTheNetworksAtTheBestEvaluation() {
        HeardRun heard = HeardRun.train(run(60, 0, "test_loss"), LIMIT, null);
        List<MetricsRow> evaluated =
                heard.rows.stream().filter(MetricsRow::evaluated).toList();
        MetricsRow lowest = evaluated.get(0);
        for (MetricsRow row : evaluated) {
            if (row.testLoss() < lowest.testLoss()) {
                lowest = row;
            }
        }
        assertEquals(lowest.iteration(), heard.keptAt.iteration());
        assertTrue(lowest.iteration() < 60, "the loss rose after its best: kept at " + lowest.iteration());
        // A run trained just to that iteration ends with the kept values.
        HeardRun shorter = HeardRun.train(run(lowest.iteration(), 0, ""), LIMIT, null);
        assertEquals(HeardRun.values(shorter.last), HeardRun.values(heard.kept));
        assertNull(shorter.kept, "without keep best, nothing is kept");
    }

    @Test
    void aRunResumedAfterItsBestKeepsTheSameBest() {
        HeardRun whole = HeardRun.train(run(60, 7, "train_accuracy"), LIMIT, null);
        long best = whole.keptAt.iteration();
        // The first checkpoint after the best evaluation: the best must come from the checkpoint, not from training.
        Checkpoint after = whole.checkpoints.stream()
                .filter(c -> c.iteration() >= best)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no checkpoint after iteration " + best));
        assertEquals(best, after.bestIteration());
        HeardRun resumed = HeardRun.train(run(60, 7, "train_accuracy"), LIMIT, after);
        assertEquals(best, resumed.keptAt.iteration());
        assertEquals(HeardRun.values(whole.kept), HeardRun.values(resumed.kept));
    }
}
