package org.nnx.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnx.spi.Initializer;
import org.nnx.tensor.Precision;
import org.nnx.tensor.Tensor;

/** Sample moments of each initializer on a 300×300 tensor (90 000 draws: the std of the mean is ≈ std/300). */
class InitializersTest {
    private static final int SIZE = 300;

    @Test
    void gaussian() {
        assertMoments(new GaussianInitializer(0.01), 50, 0.01);
    }

    @Test
    void xavierUsesOneOverSqrtFanIn() {
        assertMoments(new XavierInitializer(), 100, 0.1);
    }

    @Test
    void heUsesSqrtTwoOverFanIn() {
        assertMoments(new HeInitializer(), 50, 0.2);
    }

    @Test
    void uniformHasTheStdOfItsInterval() {
        Tensor weights = assertMoments(new UniformInitializer(0.3), 10, 0.3 / Math.sqrt(3));
        for (int i = 0; i < weights.size(); i++) {
            assertTrue(weights.get(i) >= -0.3 && weights.get(i) < 0.3);
        }
    }

    @Test
    void zeros() {
        Tensor weights = Tensor.zeros(Precision.FLOAT32, SIZE, SIZE);
        weights.fill(5);
        new ZerosInitializer().initialize(weights, SIZE, SIZE, new SplittableRandom(1));
        for (int i = 0; i < weights.size(); i++) {
            assertEquals(0.0, weights.get(i));
        }
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new GaussianInitializer(-1));
        assertThrows(IllegalArgumentException.class, () -> new UniformInitializer(Double.NaN));
        assertThrows(
                IllegalArgumentException.class,
                () -> new HeInitializer().initialize(Tensor.zeros(2, 2), 0, 2, new SplittableRandom(1)));
    }

    private static Tensor assertMoments(Initializer initializer, int fanIn, double expectedStd) {
        Tensor weights = Tensor.zeros(Precision.FLOAT32, SIZE, SIZE);
        initializer.initialize(weights, fanIn, SIZE, new SplittableRandom(42));
        double sum = 0;
        double sumOfSquares = 0;
        for (int i = 0; i < weights.size(); i++) {
            sum += weights.get(i);
            sumOfSquares += weights.get(i) * weights.get(i);
        }
        int n = weights.size();
        double mean = sum / n;
        double std = Math.sqrt(sumOfSquares / n - mean * mean);
        // Five standard errors of the mean; 2 % of the std (its standard error is about 0.24 %).
        assertEquals(0.0, mean, 5 * expectedStd / SIZE, "mean");
        assertEquals(expectedStd, std, 0.02 * expectedStd, "std");
        return weights;
    }
}
