package org.nnx.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nnx.tensor.Tensor;

class LossesTest {

    @Test
    void crossEntropyMatchesHandComputedNumbers() {
        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
        // Row 1: equal scores, so −log(1/3). Row 2: scores [0, ln 3, 0] → y = [0.2, 0.6, 0.2], target class 1.
        double value =
                loss.forward(Tensor.of(2, 3, 5, 5, 5, 0, (float) Math.log(3), 0), Tensor.of(2, 3, 0, 0, 1, 0, 1, 0));
        assertEquals((Math.log(3) - Math.log(0.6)) / 2, value, 1e-6);
        assertEquals(0.6, loss.probabilities().get(1, 1), 1e-6);
        Tensor gradient = loss.backward();
        // (y − t) / batchSize.
        assertEquals((1.0 / 3 - 1) / 2, gradient.get(0, 2), 1e-6);
        assertEquals((0.6 - 1) / 2, gradient.get(1, 1), 1e-6);
        assertEquals(0.2 / 2, gradient.get(1, 0), 1e-6);
    }

    @Test
    void crossEntropyOfHugeScoresIsFinite() {
        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
        // The target class scores 2·10⁴ below the best one: its probability underflows to 0 even in float64.
        double value =
                loss.forward(Tensor.of(2, 3, 1e4f, -1e4f, 0, 1e4f, 1e4f, 1e4f), Tensor.of(2, 3, 0, 1, 0, 1, 0, 0));
        assertTrue(Double.isFinite(value), "loss " + value);
        assertEquals((2e4 + Math.log(3)) / 2, value, 1e-2);
        Tensor gradient = loss.backward();
        for (int i = 0; i < gradient.size(); i++) {
            assertTrue(Float.isFinite((float) gradient.get(i)));
        }
    }

    @Test
    void meanSquaredErrorMatchesHandComputedNumbers() {
        MeanSquaredError loss = new MeanSquaredError();
        // ½·((1−0)² + (2−4)²) = 2.5 and ½·(0.5²) = 0.125, mean 1.3125.
        double value = loss.forward(Tensor.of(2, 2, 1, 2, 0.5f, 0), Tensor.of(2, 2, 0, 4, 0, 0));
        assertEquals(1.3125, value, 1e-6);
        Tensor gradient = loss.backward();
        double[] expected = {0.5, -1, 0.25, 0};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], gradient.get(i), 1e-6);
        }
    }

    @Test
    void lossesReuseTheirGradientTensor() {
        SoftmaxCrossEntropy crossEntropy = new SoftmaxCrossEntropy();
        MeanSquaredError squared = new MeanSquaredError();
        Tensor output = Tensor.of(2, 2, 1, 2, 3, 4);
        Tensor targets = Tensor.of(2, 2, 1, 0, 0, 1);
        crossEntropy.forward(output, targets);
        Tensor first = crossEntropy.backward();
        crossEntropy.forward(output, targets);
        assertSame(first, crossEntropy.backward());
        squared.forward(output, targets);
        Tensor firstSquared = squared.backward();
        squared.forward(output, targets);
        assertSame(firstSquared, squared.backward());
    }
}
