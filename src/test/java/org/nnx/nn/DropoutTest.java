package org.nnx.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnx.tensor.Precision;
import org.nnx.tensor.Tensor;

class DropoutTest {

    @Test
    void trainingDropsAboutTheRateAndScalesTheRest() {
        Dropout dropout = new Dropout(0.25, new SplittableRandom(1));
        Tensor input = Tensor.zeros(Precision.FLOAT32, 200, 50);
        input.fill(2.0);
        Tensor output = dropout.forward(input, true);
        int dropped = 0;
        double sum = 0;
        for (int i = 0; i < output.size(); i++) {
            double y = output.get(i);
            assertTrue(y == 0.0 || Math.abs(y - 2.0 / 0.75) < 1e-6, "entry " + y);
            dropped += y == 0.0 ? 1 : 0;
            sum += y;
        }
        // 10 000 Bernoulli(0.25) draws: the standard deviation of the fraction is 0.0043.
        assertEquals(0.25, dropped / 10000.0, 0.02);
        // Inverted dropout keeps the expected value: the mean stays near 2.
        assertEquals(2.0, sum / 10000.0, 0.06);
    }

    @Test
    void evaluationPassesTheInputThrough() {
        Dropout dropout = new Dropout(0.5, new SplittableRandom(2));
        Tensor input = Tensor.of(2, 2, 1, -2, 3, 4);
        Tensor output = dropout.forward(input, false);
        for (int i = 0; i < 4; i++) {
            assertEquals(input.get(i), output.get(i));
        }
        Tensor gradient = dropout.backward(Tensor.of(2, 2, 1, 1, 1, 1));
        for (int i = 0; i < 4; i++) {
            assertEquals(1.0, gradient.get(i));
        }
    }

    @Test
    void backwardUsesTheForwardMask() {
        Dropout dropout = new Dropout(0.5, new SplittableRandom(3));
        Tensor output = dropout.forward(Tensor.of(1, 8, 1, 1, 1, 1, 1, 1, 1, 1), true);
        Tensor gradient = dropout.backward(Tensor.of(1, 8, 3, 3, 3, 3, 3, 3, 3, 3));
        for (int i = 0; i < 8; i++) {
            // Where 1 became 2 the gradient 3 becomes 6; where it became 0, 0.
            assertEquals(output.get(i) * 3, gradient.get(i), 1e-6);
        }
    }

    @Test
    void rateZeroKeepsEverything() {
        Dropout dropout = new Dropout(0.0, new SplittableRandom(4));
        Tensor output = dropout.forward(Tensor.of(1, 3, 1, 2, 3), true);
        assertEquals(1.0, output.get(0));
        assertEquals(3.0, output.get(2));
    }

    @Test
    void masksComeFromAStreamSplitOffTheRunsOwn() {
        // Two layers made from equally seeded generators draw the same masks, step after step.
        Dropout first = new Dropout(0.5, new SplittableRandom(5));
        Dropout second = new Dropout(0.5, new SplittableRandom(5));
        Tensor input = Tensor.zeros(Precision.FLOAT32, 4, 16);
        input.fill(1.0);
        for (int step = 0; step < 3; step++) {
            Tensor a = first.forward(input, true).copy();
            Tensor b = second.forward(input, true);
            for (int i = 0; i < a.size(); i++) {
                assertEquals(a.get(i), b.get(i));
            }
        }
        // The stream is split off, so the generator given to the constructor moves on as after one split().
        SplittableRandom given = new SplittableRandom(6);
        new Dropout(0.5, given);
        SplittableRandom reference = new SplittableRandom(6);
        reference.split();
        assertEquals(reference.nextLong(), given.nextLong());
    }

    @Test
    void frozenRepeatsTheMaskAndCopiesIt() {
        Dropout trained = new Dropout(0.5, new SplittableRandom(7));
        Tensor input = Tensor.zeros(Precision.FLOAT32, 3, 10);
        input.fill(1.0);
        Tensor mask = trained.forward(input, true).copy();
        trained.freeze(true);
        Tensor again = trained.forward(input, true);
        Dropout replica = new Dropout(0.5, new SplittableRandom(8));
        replica.freeze(true);
        assertThrows(IllegalStateException.class, () -> replica.forward(input, true));
        replica.copyFrozenState(trained);
        Tensor copied = replica.forward(input, true);
        for (int i = 0; i < mask.size(); i++) {
            assertEquals(mask.get(i), again.get(i));
            assertEquals(mask.get(i), copied.get(i));
        }
    }

    @Test
    void rejectsRatesOutsideZeroToOne() {
        assertThrows(IllegalArgumentException.class, () -> new Dropout(1.0, new SplittableRandom(1)));
        assertThrows(IllegalArgumentException.class, () -> new Dropout(-0.1, new SplittableRandom(1)));
    }
}
