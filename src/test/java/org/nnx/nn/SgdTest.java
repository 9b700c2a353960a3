package org.nnx.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnx.spi.Optimizer;
import org.nnx.spi.Parameter;
import org.nnx.spi.PlainGradientDescent;
import org.nnx.tensor.Precision;
import org.nnx.tensor.Tensor;

class SgdTest {

    @Test
    void firstStepMatchesHandComputedNumbers() {
        Parameter w = new Parameter("W", Tensor.of(1, 3, 1, -2, 0.5f), Tensor.of(1, 3, 0.5f, 1, -4), true);
        Parameter b =
                new Parameter("b", Tensor.wrap(1, 1, new double[] {3}), Tensor.wrap(1, 1, new double[] {2}), false);
        Sgd sgd = new Sgd();
        sgd.initialize(List.of(w, b));
        sgd.step(0.1);
        // 1 − 0.1·0.5, −2 − 0.1·1, 0.5 − 0.1·(−4); 3 − 0.1·2.
        assertEquals(0.95, w.value().get(0), 1e-6);
        assertEquals(-2.1, w.value().get(1), 1e-6);
        assertEquals(0.9, w.value().get(2), 1e-6);
        assertEquals(Precision.FLOAT64, b.value().precision());
        assertEquals(2.8, b.value().get(0), 1e-15);
        // The gradients are the trainer's to zero.
        assertEquals(0.5, w.gradient().get(0));
    }

    @Test
    void itIsPlainGradientDescentAndTheOtherOptimizersAreNot() {
        assertTrue(new Sgd() instanceof PlainGradientDescent);
        // Each keeps state between steps (a velocity, an accumulator, moments), so none may be stepped in backward.
        for (Optimizer optimizer : List.of(
                new Momentum(0.9, false), new AdaGrad(1e-7), new RmsProp(0.99, 1e-7), new Adam(0.9, 0.999, 1e-7))) {
            assertFalse(
                    optimizer instanceof PlainGradientDescent,
                    optimizer.getClass().getSimpleName());
        }
    }
}
