package org.nnx.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nnx.model.GradientMode;
import org.nnx.tensor.Tensor;

/** {@code gradient numerical(h)} and {@code gradient check(tolerance)}. */
class GradientModesTest {

    /** The largest difference between corresponding entries of two networks' parameters. */
    private static double maxDifference(List<Tensor> a, List<Tensor> b) {
        assertEquals(a.size(), b.size());
        double max = 0;
        for (int p = 0; p < a.size(); p++) {
            for (int i = 0; i < a.get(p).size(); i++) {
                max = Math.max(max, Math.abs(a.get(p).get(i) - b.get(p).get(i)));
            }
        }
        return max;
    }

    /**
     * Trains {@code run} by backprop and by central differences with the contract's default h = 1e-4; returns the
     * largest weight difference. In float32 that h leaves the differences some 1e-4 of noise (2e-4 measured on
     * these nets); h = 1e-3 gives 1e-5, h = 1e-2 starts to show the O(h²) truncation.
     */
    private static double numericalVersusBackprop(TestRuns run, long limit) {
        List<List<Tensor>> weights = new ArrayList<>();
        RunResult backprop = run.train(TestRuns.digits(limit), limit, n -> weights.add(TestRuns.values(n)));
        RunResult numerical = run.gradient(GradientMode.Kind.NUMERICAL, GradientMode.DEFAULT_H, 1e-4)
                .train(TestRuns.digits(limit), limit, n -> weights.add(TestRuns.values(n)));
        assertEquals(RunStatus.OK, backprop.status(), backprop.reason());
        assertEquals(RunStatus.OK, numerical.status(), numerical.reason());
        for (int i = 0; i < backprop.metrics().size(); i++) {
            assertEquals(
                    backprop.metrics().get(i).loss(),
                    numerical.metrics().get(i).loss(),
                    1e-4,
                    "loss of step " + (i + 1));
        }
        // The weights did move, so agreeing is not trivial.
        assertTrue(maxDifference(weights.get(0), initial(run, limit)) > 1e-2);
        return maxDifference(weights.get(0), weights.get(1));
    }

    private static List<Tensor> initial(TestRuns run, long limit) {
        List<List<Tensor>> weights = new ArrayList<>();
        run.learningRate(0).iterations(1).train(TestRuns.digits(limit), limit, n -> weights.add(TestRuns.values(n)));
        return weights.get(0);
    }

    @Test
    void numericalTrainingFollowsBackprop() {
        TestRuns run = TestRuns.model(TestRuns.dense(3), "sigmoid", TestRuns.dense(10))
                .learningRate(0.5)
                .batchSize(10)
                .iterations(4);
        double difference = numericalVersusBackprop(run, 100);
        assertTrue(difference < 1e-3, "weights differ by " + difference);
    }

    @Test
    void numericalTrainingFollowsBackpropThroughBatchNormAndDropout() {
        // The replicas must see the masks the trained network drew, and batch statistics of the perturbed input.
        TestRuns run = TestRuns.model(
                        TestRuns.dense(4),
                        TestRuns.layer("batch_norm", "momentum", 0.9, "epsilon", 1e-5),
                        "tanh",
                        TestRuns.layer("dropout", "rate", 0.3),
                        TestRuns.dense(10))
                .learningRate(0.2)
                .batchSize(10)
                .iterations(4)
                .optimizer("momentum", "momentum", 0.9);
        double difference = numericalVersusBackprop(run, 100);
        assertTrue(difference < 1e-3, "weights differ by " + difference);
    }

    @Test
    void numericalReRunsOnlyTheLayersAfterThePerturbedOneOnTwoThreads() {
        TestLayers.COUNTING.clear();
        RunResult result = TestRuns.model("counting", TestRuns.dense(2), "counting", TestRuns.dense(10))
                .registry(TestLayers.registry())
                .batchSize(5)
                .iterations(3)
                .evaluateEvery(100)
                .gradient(GradientMode.Kind.NUMERICAL, 1e-3, 1e-4)
                .train(TestRuns.digits(20), 20, n -> {});
        assertEquals(RunStatus.OK, result.status(), result.reason());
        // Built in order: the trained network's two counting layers, then each replica's two.
        List<TestLayers.Counting> layers = TestLayers.COUNTING;
        assertEquals(2 * (1 + TrainingSetup.NUMERICAL_THREADS), layers.size());
        // The trained network: one forward a step, plus the evaluations before the first step and at the end:
        // each the 20 training samples in one chunk, the 2 000 test samples in two; then the test samples'
        // classes for the report, in two again.
        assertEquals(3 + 2 * (1 + 2) + 2, layers.get(0).forwards());
        assertEquals(3 + 2 * (1 + 2) + 2, layers.get(1).forwards());
        int perturbedForwards = 0;
        Set<String> threads = new HashSet<>();
        for (int replica = 1; replica <= TrainingSetup.NUMERICAL_THREADS; replica++) {
            // Nothing before the first dense layer is ever re-run.
            assertEquals(0, layers.get(2 * replica).forwards());
            perturbedForwards += layers.get(2 * replica + 1).forwards();
            threads.addAll(layers.get(2 * replica + 1).forwardsByThread.keySet());
        }
        // Two forwards per entry of the first dense layer (784·2 + 2 of them) per step, 3 steps; the last dense
        // layer's entries re-run only that layer, not the counting layer before it.
        assertEquals(2 * (784 * 2 + 2) * 3, perturbedForwards);
        assertEquals(TrainingSetup.NUMERICAL_THREADS, threads.size(), "threads " + threads);
    }

    @Test
    void checkPassesOnEveryBuiltInLayerAndRecordsItsErrors() {
        RunResult crossEntropy = TestRuns.model(
                        TestRuns.dense(12),
                        TestRuns.layer("batch_norm", "momentum", 0.9, "epsilon", 1e-5),
                        "relu",
                        TestRuns.layer("dropout", "rate", 0.5),
                        TestRuns.dense(11),
                        "sigmoid",
                        TestRuns.dense(10),
                        "tanh",
                        TestRuns.dense(9),
                        TestRuns.layer("leaky_relu", "alpha", 0.1),
                        TestRuns.dense(10))
                .iterations(3)
                .gradient(GradientMode.Kind.CHECK, 1e-4, 1e-4)
                .train(200);
        assertEquals(RunStatus.OK, crossEntropy.status(), crossEntropy.reason());
        assertEquals("", crossEntropy.reason());
        assertEquals(4, crossEntropy.metrics().size(), "trains after checking: the evaluation before, 3 steps");
        assertEquals(
                List.of(
                        "1:dense.W",
                        "1:dense.b",
                        "2:batch_norm.gamma",
                        "2:batch_norm.beta",
                        "5:dense.W",
                        "5:dense.b",
                        "7:dense.W",
                        "7:dense.b",
                        "9:dense.W",
                        "9:dense.b",
                        "11:dense.W",
                        "11:dense.b"),
                List.copyOf(crossEntropy.gradientCheck().keySet()));
        assertAllBelow(crossEntropy.gradientCheck(), 1e-6);

        RunResult mse = TestRuns.model(TestRuns.dense(8), "step", TestRuns.dense(10), "softmax")
                .loss("mse")
                .iterations(1)
                .gradient(GradientMode.Kind.CHECK, 1e-4, 1e-4)
                .train(200);
        assertEquals("", mse.reason());
        assertEquals(4, mse.gradientCheck().size());
        assertAllBelow(mse.gradientCheck(), 1e-6);
    }

    @Test
    void aBrokenLayerIsNamedInTheReasonAndTrainingGoesOn() {
        RunResult result = TestRuns.model(TestRuns.dense(10), "broken")
                .registry(TestLayers.registry())
                .iterations(3)
                .gradient(GradientMode.Kind.CHECK, 1e-4, 1e-4)
                .train(200);
        assertEquals(RunStatus.OK, result.status());
        assertEquals(4, result.metrics().size(), "the evaluation before training, then 3 steps");
        double error = result.gradientCheck().get("2:broken.s");
        // a = 1.5·n: |a − n| / (|a| + |n|) = 0.5 / 2.5.
        assertEquals(0.2, error, 1e-3);
        assertTrue(result.gradientCheck().get("1:dense.W") < 1e-6);
        assertTrue(
                result.reason().startsWith("gradient check: relative error above 1.0E-4 in 2:broken.s 0.200"),
                result.reason());
        assertTrue(!result.reason().contains("dense"), result.reason());
    }

    @Test
    void aCheckThatCannotRunIsReportedAndTrainingGoesOn() {
        RunResult result = TestRuns.model(TestRuns.dense(10), "float32_only")
                .registry(TestLayers.registry())
                .iterations(2)
                .gradient(GradientMode.Kind.CHECK, 1e-4, 1e-4)
                .train(100);
        assertEquals(RunStatus.OK, result.status());
        assertEquals(3, result.metrics().size(), "the evaluation before training, then 2 steps");
        assertEquals(
                "gradient check could not run: IllegalArgumentException: float32_only takes float32 only",
                result.reason());
    }

    @Test
    void backpropRunsRecordNoCheck() {
        assertEquals(
                Map.of(),
                TestRuns.model(TestRuns.dense(10)).iterations(1).train(100).gradientCheck());
    }

    private static void assertAllBelow(Map<String, Double> errors, double bound) {
        errors.forEach((name, error) -> assertTrue(error < bound, name + " has relative error " + error));
    }
}
