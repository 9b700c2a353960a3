package org.nnx.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnx.tensor.Tensor;

/** Same configuration, same seed: the same numbers, bit for bit, dropout masks and batch statistics included. */
class ReproducibilityTest {

    private static TestRuns run() {
        return TestRuns.model(
                        TestRuns.dense(30),
                        TestRuns.layer("batch_norm", "momentum", 0.9, "epsilon", 1e-5),
                        "relu",
                        TestRuns.layer("dropout", "rate", 0.5),
                        TestRuns.dense(10))
                .optimizer("adam", "beta1", 0.9, "beta2", 0.999, "epsilon", 1e-7)
                .learningRate(0.01)
                .validation(0.1)
                .weightDecay(1e-3)
                .iterations(40)
                .evaluateEvery(10);
    }

    @Test
    void rerunWithDropoutAndBatchNormIsBitIdentical() {
        List<Tensor> first = new ArrayList<>();
        List<Tensor> second = new ArrayList<>();
        RunResult a = run().train(TestRuns.digits(600), 600, n -> first.addAll(TestRuns.values(n)));
        RunResult b = run().train(TestRuns.digits(600), 600, n -> second.addAll(TestRuns.values(n)));
        assertEquals(RunStatus.OK, a.status(), a.reason());
        assertEquals(a.metrics(), b.metrics());
        assertEquals(first.size(), second.size());
        for (int p = 0; p < first.size(); p++) {
            for (int i = 0; i < first.get(p).size(); i++) {
                assertEquals(Float.floatToRawIntBits((float) first.get(p).get(i)), Float.floatToRawIntBits((float)
                        second.get(p).get(i)));
            }
        }
        RunResult otherSeed = run().seed(2).train(600);
        assertNotEquals(a.metrics(), otherSeed.metrics());
    }
}
