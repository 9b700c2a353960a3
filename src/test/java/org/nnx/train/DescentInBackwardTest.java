package org.nnx.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnx.tensor.Tensor;

/**
 * {@code optimizer sgd} without weight decay steps inside backward; {@code momentum} with μ = 0 is the same
 * update taken the usual way (gradients, then a separate step), so the two runs must agree up to the rounding
 * of {@code W − η·xᵀ·dy} in one product.
 */
class DescentInBackwardTest {

    private static TestRuns run(String optimizer, Object... arguments) {
        return TestRuns.model(TestRuns.dense(60), "relu", TestRuns.dense(10))
                .optimizer(optimizer, arguments)
                .learningRate(0.1)
                .batchSize(50)
                .iterations(200)
                .evaluateEvery(50);
    }

    @Test
    void sgdSteppedInBackwardTrainsAsAStepAfterBackwardDoes() {
        List<Tensor> fused = new ArrayList<>();
        List<Tensor> separate = new ArrayList<>();
        RunResult sgd = run("sgd").train(TestRuns.digits(1000), 1000, n -> {
            fused.addAll(TestRuns.values(n));
            // Backward stepped the weights and left every gradient at zero.
            n.parameters().forEach(p -> assertEquals(0.0, p.gradient().get(0)));
        });
        RunResult momentum = run("momentum", "momentum", 0.0)
                .train(TestRuns.digits(1000), 1000, n -> separate.addAll(TestRuns.values(n)));
        assertEquals(RunStatus.OK, sgd.status(), sgd.reason());
        assertEquals(RunStatus.OK, momentum.status(), momentum.reason());
        assertTrue(sgd.testAccuracy() > 0.8, "sgd reached " + sgd.testAccuracy());
        assertEquals(momentum.testAccuracy(), sgd.testAccuracy(), 0.01);
        for (int row = 0; row < sgd.metrics().size(); row++) {
            assertEquals(
                    momentum.metrics().get(row).loss(),
                    sgd.metrics().get(row).loss(),
                    1e-3,
                    "loss at iteration " + (row + 1));
        }
        for (int p = 0; p < fused.size(); p++) {
            for (int i = 0; i < fused.get(p).size(); i++) {
                double difference =
                        Math.abs(fused.get(p).get(i) - separate.get(p).get(i));
                if (difference > 1e-3) {
                    assertEquals(separate.get(p).get(i), fused.get(p).get(i), 1e-3, "parameter " + p + "[" + i + "]");
                }
            }
        }
    }

    @Test
    void weightDecayKeepsTheSeparateStep() {
        List<Double> gradients = new ArrayList<>();
        RunResult decayed = run("sgd")
                .weightDecay(1e-3)
                .train(
                        TestRuns.digits(500),
                        500,
                        n -> n.parameters()
                                .forEach(p -> gradients.add(p.gradient().get(0))));
        assertEquals(RunStatus.OK, decayed.status(), decayed.reason());
        // Real gradients were computed: the weight's is not zero after the last step.
        assertNotEquals(0.0, gradients.get(0));
    }
}
