package org.nnx.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnx.spi.Arguments;
import org.nnx.spi.ComponentCall;
import org.nnx.tensor.Tensor;

/**
 * The book's comparisons on the 8 000 built-in training digits, one short epoch each (80 steps of 100 samples,
 * learning rate 0.1, plain SGD).
 */
class DigitsTest {

    private static TestRuns shortTraining(Object... layers) {
        return TestRuns.model(layers).batchSize(100).epochs(1).learningRate(0.1);
    }

    private static Object gaussianDense(long units) {
        return TestRuns.layer(
                "dense",
                "units",
                units,
                "bias",
                true,
                "init",
                new ComponentCall("gaussian", Arguments.of("std", 0.01)));
    }

    @Test
    void reluWithHeInitLearnsFasterThanSigmoid() {
        RunResult relu = shortTraining(TestRuns.dense(50, "he"), "relu", TestRuns.dense(10, "he"))
                .train(8000);
        // The book's sigmoid net, gaussian(0.01) as in two_layer_net; and with Xavier, its best initialisation.
        RunResult sigmoid =
                shortTraining(gaussianDense(50), "sigmoid", gaussianDense(10)).train(8000);
        RunResult sigmoidXavier = shortTraining(TestRuns.dense(50, "xavier"), "sigmoid", TestRuns.dense(10, "xavier"))
                .train(8000);
        assertEquals(RunStatus.OK, relu.status(), relu.reason());
        assertTrue(relu.testAccuracy() > 0.85, "relu " + relu.testAccuracy());
        assertTrue(
                relu.testAccuracy() > sigmoid.testAccuracy() + 0.3,
                "relu " + relu.testAccuracy() + " vs sigmoid " + sigmoid.testAccuracy());
        assertTrue(
                relu.testAccuracy() > sigmoidXavier.testAccuracy() + 0.1,
                "relu " + relu.testAccuracy() + " vs sigmoid with xavier " + sigmoidXavier.testAccuracy());
    }

    @Test
    void nothingBelowAStepLearns() {
        // A perceptron layer trained by gradient descent: the step's zero derivative reaches every parameter,
        // so nothing moves and the accuracy stays at chance.
        List<Tensor> before = new ArrayList<>();
        List<Tensor> after = new ArrayList<>();
        TestRuns perceptron = shortTraining(TestRuns.dense(10), "step");
        perceptron
                .learningRate(0)
                .iterations(1)
                .train(TestRuns.digits(8000), 8000, n -> before.addAll(TestRuns.values(n)));
        RunResult trained = perceptron
                .learningRate(0.1)
                .epochs(1)
                .train(TestRuns.digits(8000), 8000, n -> after.addAll(TestRuns.values(n)));
        assertTrue(trained.testAccuracy() <= 0.2, "step accuracy " + trained.testAccuracy());
        assertBitIdentical(before, after);

        // dense 50, step, dense 10 (the contract's step_cannot_learn): the first layer never moves; the last
        // layer still learns a linear readout of 50 random binary features, so the net gets well above chance
        // but stays far below relu.
        List<Tensor> stepBefore = new ArrayList<>();
        List<Tensor> stepAfter = new ArrayList<>();
        TestRuns stepNet = shortTraining(TestRuns.dense(50), "step", TestRuns.dense(10));
        stepNet.learningRate(0)
                .iterations(1)
                .train(TestRuns.digits(8000), 8000, n -> stepBefore.addAll(TestRuns.values(n)));
        RunResult step = stepNet.learningRate(0.1)
                .epochs(1)
                .train(TestRuns.digits(8000), 8000, n -> stepAfter.addAll(TestRuns.values(n)));
        assertBitIdentical(stepBefore.subList(0, 2), stepAfter.subList(0, 2));
        assertTrue(step.testAccuracy() < 0.7, "step net " + step.testAccuracy());
    }

    private static void assertBitIdentical(List<Tensor> expected, List<Tensor> actual) {
        assertEquals(expected.size(), actual.size());
        for (int p = 0; p < expected.size(); p++) {
            for (int i = 0; i < expected.get(p).size(); i++) {
                assertEquals(expected.get(p).get(i), actual.get(p).get(i), "parameter " + p + " entry " + i);
            }
        }
    }
}
