package org.nnx.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nnx.tensor.Precision;
import org.nnx.tensor.Tensor;

class BatchNormTest {

    /** Two features over a batch of 4: column 0 is 1, 2, 3, 6 (mean 3, variance 3.5); column 1 is constant 5. */
    private static Tensor batch() {
        return Tensor.wrap(4, 2, new double[] {1, 5, 2, 5, 3, 5, 6, 5});
    }

    @Test
    void trainingNormalizesWithBatchStatistics() {
        BatchNorm norm = new BatchNorm(2, 0.9, 1e-5, Precision.FLOAT64);
        norm.gamma().value().set(0, 2.0);
        norm.beta().value().set(0, 1.0);
        Tensor output = norm.forward(batch(), true);
        double std = Math.sqrt(3.5 + 1e-5);
        double[] column0 = {1, 2, 3, 6};
        for (int r = 0; r < 4; r++) {
            assertEquals(2.0 * (column0[r] - 3) / std + 1.0, output.get(r, 0), 1e-12);
            // A constant column normalizes to 0, then β = 0.
            assertEquals(0.0, output.get(r, 1), 1e-12);
        }
    }

    @Test
    void runningStatisticsMoveByMomentumAndServeEvaluation() {
        BatchNorm norm = new BatchNorm(2, 0.9, 1e-5, Precision.FLOAT64);
        norm.forward(batch(), true);
        // running = 0.9·running + 0.1·batch, from mean 0 and variance 1: mean 0.3, variance 0.9 + 0.35.
        assertEquals(0.3, norm.runningMean(0), 1e-12);
        assertEquals(1.25, norm.runningVariance(0), 1e-12);
        assertEquals(0.5, norm.runningMean(1), 1e-12);
        assertEquals(0.9, norm.runningVariance(1), 1e-12);
        norm.forward(batch(), true);
        assertEquals(0.9 * 0.3 + 0.3, norm.runningMean(0), 1e-12);
        assertEquals(0.9 * 1.25 + 0.35, norm.runningVariance(0), 1e-12);

        Tensor evaluated = norm.forward(Tensor.wrap(1, 2, new double[] {2, 5}), false);
        assertEquals((2 - 0.57) / Math.sqrt(1.475 + 1e-5), evaluated.get(0), 1e-12);
        // Evaluation leaves the running statistics alone.
        assertEquals(0.57, norm.runningMean(0), 1e-12);
    }

    @Test
    void frozenTrainingLeavesRunningStatisticsAlone() {
        BatchNorm norm = new BatchNorm(2, 0.9, 1e-5, Precision.FLOAT64);
        norm.freeze(true);
        Tensor output = norm.forward(batch(), true);
        assertEquals(0.0, norm.runningMean(0));
        assertEquals(1.0, norm.runningVariance(0));
        // Still batch statistics: the first entry is (1 − 3) / √3.5.
        assertEquals(-2 / Math.sqrt(3.5 + 1e-5), output.get(0), 1e-12);
    }

    @Test
    void parametersStartAtOneAndZeroAndDoNotDecay() {
        BatchNorm norm = new BatchNorm(3, 0.9, 1e-5, Precision.FLOAT32);
        assertEquals("gamma", norm.parameters().get(0).name());
        assertEquals("beta", norm.parameters().get(1).name());
        for (int j = 0; j < 3; j++) {
            assertEquals(1.0, norm.gamma().value().get(j));
            assertEquals(0.0, norm.beta().value().get(j));
        }
        assertEquals(false, norm.gamma().decays() || norm.beta().decays());
    }
}
