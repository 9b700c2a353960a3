package org.nnx.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnx.spi.DescendsInBackward;
import org.nnx.spi.Parameter;
import org.nnx.spi.SkipsInputGradient;
import org.nnx.tensor.CoreGroup;
import org.nnx.tensor.Precision;
import org.nnx.tensor.Tensor;

class DenseTest {

    /** A 2→3 float32 layer with W = [[1, 2, 3], [4, 5, 6]] and b = [0.5, −1, 2]. */
    private static Dense handMade() {
        Dense dense = new Dense(2, 3, true, new ZerosInitializer(), Precision.FLOAT32, new SplittableRandom(1));
        float[] w = {1, 2, 3, 4, 5, 6};
        for (int i = 0; i < w.length; i++) {
            dense.weights().value().set(i, w[i]);
        }
        dense.bias().value().set(0, 0.5);
        dense.bias().value().set(1, -1);
        dense.bias().value().set(2, 2);
        return dense;
    }

    @Test
    void forwardMatchesHandComputedNumbers() {
        Tensor output = handMade().forward(Tensor.of(2, 2, 1, 2, -1, 0.5f), true);
        // [1, 2]·W = [9, 12, 15], + b = [9.5, 11, 17]; [−1, 0.5]·W = [1, 0.5, 0], + b = [1.5, −0.5, 2].
        float[] expected = {9.5f, 11, 17, 1.5f, -0.5f, 2};
        assertEquals(Precision.FLOAT32, output.precision());
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], output.get(i), 1e-6);
        }
    }

    @Test
    void backwardMatchesHandComputedNumbers() {
        Dense dense = handMade();
        dense.forward(Tensor.of(2, 2, 1, 2, -1, 0.5f), true);
        Tensor inputGradient = dense.backward(Tensor.of(2, 3, 1, 0, -1, 2, 1, 0));
        // dx = dy·Wᵀ: [1, 0, −1]·Wᵀ = [−2, −2]; [2, 1, 0]·Wᵀ = [4, 13].
        float[] dx = {-2, -2, 4, 13};
        for (int i = 0; i < dx.length; i++) {
            assertEquals(dx[i], inputGradient.get(i), 1e-6);
        }
        // dW = xᵀ·dy = [[1·1 + −1·2, 0 + −1, −1 + 0], [2·1 + 0.5·2, 0.5, −2]].
        float[] dW = {-1, -1, -1, 3, 0.5f, -2};
        for (int i = 0; i < dW.length; i++) {
            assertEquals(dW[i], dense.weights().gradient().get(i), 1e-6);
        }
        float[] db = {3, 1, -1};
        for (int i = 0; i < db.length; i++) {
            assertEquals(db[i], dense.bias().gradient().get(i), 1e-6);
        }
    }

    @Test
    void gradientsAccumulateOverBackwardCalls() {
        Dense dense = handMade();
        Tensor input = Tensor.of(2, 2, 1, 2, -1, 0.5f);
        Tensor outputGradient = Tensor.of(2, 3, 1, 0, -1, 2, 1, 0);
        dense.forward(input, true);
        dense.backward(outputGradient);
        Tensor once = dense.weights().gradient().copy();
        Tensor biasOnce = dense.bias().gradient().copy();
        dense.forward(input, true);
        dense.backward(outputGradient);
        for (int i = 0; i < once.size(); i++) {
            assertEquals(2 * once.get(i), dense.weights().gradient().get(i), 1e-6);
        }
        for (int i = 0; i < biasOnce.size(); i++) {
            assertEquals(2 * biasOnce.get(i), dense.bias().gradient().get(i), 1e-6);
        }
    }

    @Test
    void parametersAreNamedAndDecayAsSpecified() {
        Dense dense = handMade();
        assertEquals(2, dense.parameters().size());
        Parameter w = dense.parameters().get(0);
        Parameter b = dense.parameters().get(1);
        assertEquals("W", w.name());
        assertTrue(w.decays());
        assertEquals(2, w.value().rows());
        assertEquals(3, w.value().cols());
        assertEquals("b", b.name());
        assertTrue(!b.decays());
        assertEquals(1, b.value().rows());
        assertEquals(3, b.value().cols());
    }

    @Test
    void biasStartsAtZeroAndCanBeLeftOut() {
        Dense withBias = new Dense(4, 3, true, new GaussianInitializer(1), Precision.FLOAT32, new SplittableRandom(2));
        for (int j = 0; j < 3; j++) {
            assertEquals(0.0, withBias.bias().value().get(j));
        }
        Dense withoutBias =
                new Dense(4, 3, false, new GaussianInitializer(1), Precision.FLOAT32, new SplittableRandom(2));
        assertNull(withoutBias.bias());
        assertEquals(1, withoutBias.parameters().size());
    }

    @Test
    void forwardWithoutBiasOverwritesThePreviousOutput() {
        Dense dense = new Dense(2, 2, false, new ZerosInitializer(), Precision.FLOAT32, new SplittableRandom(3));
        dense.weights().value().set(0, 1);
        dense.weights().value().set(3, 1);
        Tensor first = dense.forward(Tensor.of(1, 2, 3, 4), true);
        assertEquals(3.0, first.get(0));
        Tensor second = dense.forward(Tensor.of(1, 2, 5, 6), true);
        assertEquals(5.0, second.get(0));
        assertEquals(6.0, second.get(1));
    }

    @Test
    void reusesItsTensorsAtAStableBatchSize() {
        Dense dense = new Dense(4, 3, true, new XavierInitializer(), Precision.FLOAT32, new SplittableRandom(4));
        Tensor input = Tensor.zeros(5, 4);
        Tensor outputGradient = Tensor.zeros(5, 3);
        Tensor output = dense.forward(input, true);
        Tensor inputGradient = dense.backward(outputGradient);
        assertSame(output, dense.forward(input, true));
        assertSame(inputGradient, dense.backward(outputGradient));
        // A different batch size (the last, short batch of an epoch) needs new tensors.
        assertNotSame(output, dense.forward(Tensor.zeros(2, 4), true));
    }

    @Test
    void rejectsInputsOfTheWrongWidthOrPrecision() {
        Dense dense = new Dense(4, 3, true, new XavierInitializer(), Precision.FLOAT32, new SplittableRandom(5));
        assertThrows(IllegalArgumentException.class, () -> dense.forward(Tensor.zeros(2, 5), true));
        assertThrows(IllegalArgumentException.class, () -> dense.forward(Tensor.zeros(Precision.FLOAT64, 2, 4), true));
    }

    @Test
    void descendingInBackwardStepsAsSgdDoesAndLeavesTheGradientsAlone() {
        // x = [[1, 2], [−1, 0.5]], dy = [[0.5, −1, 2], [1, 0, −0.5]], η = 0.1:
        // xᵀ·dy = [[−0.5, −1, 2.5], [1.5, −2, 3.75]], Σdy = [1.5, −1, 1.5]; dy·Wᵀ = [[4.5, 9], [−0.5, 1]].
        Tensor x = Tensor.of(2, 2, 1, 2, -1, 0.5f);
        Tensor dy = Tensor.of(2, 3, 0.5f, -1, 2, 1, 0, -0.5f);
        Dense stepping = handMade();
        stepping.descendInBackward(0.1);
        stepping.forward(x, true);
        Tensor dx = stepping.backward(dy);

        float[] expectedW = {1.05f, 2.1f, 2.75f, 3.85f, 5.2f, 5.625f};
        for (int i = 0; i < expectedW.length; i++) {
            assertEquals(expectedW[i], stepping.weights().value().get(i), 1e-6, "W[" + i + "]");
            assertEquals(0.0, stepping.weights().gradient().get(i), "dW[" + i + "] untouched");
        }
        float[] expectedB = {0.5f - 0.1f * 1.5f, -1f - 0.1f * -1f, 2f - 0.1f * 1.5f};
        for (int j = 0; j < 3; j++) {
            assertEquals(expectedB[j], (float) stepping.bias().value().get(j), "b[" + j + "]");
            assertEquals(0.0, stepping.bias().gradient().get(j), "db[" + j + "] untouched");
        }
        // The input gradient uses the weights the forward used, not the stepped ones.
        float[] expectedDx = {4.5f, 9f, -0.5f, 1f};
        for (int i = 0; i < expectedDx.length; i++) {
            assertEquals(expectedDx[i], dx.get(i), 1e-6, "dx[" + i + "]");
        }

        // The same as accumulating gradients and taking Sgd's step.
        Dense plain = handMade();
        Sgd sgd = new Sgd();
        sgd.initialize(plain.parameters());
        plain.forward(x, true);
        plain.backward(dy);
        sgd.step(0.1);
        for (int i = 0; i < 6; i++) {
            assertEquals(
                    plain.weights().value().get(i), stepping.weights().value().get(i), 1e-6);
        }
        for (int j = 0; j < 3; j++) {
            assertEquals(plain.bias().value().get(j), stepping.bias().value().get(j));
        }
    }

    @Test
    void skippingTheInputGradientLeavesTheParameterGradientsAsTheyWere() {
        Dense skipping = handMade();
        assertTrue(skipping instanceof SkipsInputGradient);
        skipping.skipInputGradient();
        skipping.forward(Tensor.of(2, 2, 1, 2, -1, 0.5f), true);
        assertNull(skipping.backward(Tensor.of(2, 3, 1, 0, -1, 2, 1, 0)));
        // The numbers of backwardMatchesHandComputedNumbers.
        float[] dW = {-1, -1, -1, 3, 0.5f, -2};
        for (int i = 0; i < dW.length; i++) {
            assertEquals(dW[i], skipping.weights().gradient().get(i), 1e-6, "dW[" + i + "]");
        }
        float[] db = {3, 1, -1};
        for (int j = 0; j < db.length; j++) {
            assertEquals(db[j], skipping.bias().gradient().get(j), 1e-6, "db[" + j + "]");
        }
    }

    /**
     * A zero output gradient (a step layer's) leaves what the products would have left: the gradients (or, descending
     * in backward, W and b) as they were, and a zero input gradient.
     */
    @Test
    void aZeroOutputGradientLeavesParametersAndGradientsAsTheProductsWould() {
        Tensor x = Tensor.of(2, 2, 1, 2, -1, 0.5f);
        Tensor zero = Tensor.of(2, 3, 0, 0, -0f, 0, 0, 0);
        Dense accumulating = handMade();
        accumulating.forward(x, true);
        accumulating.backward(Tensor.of(2, 3, 1, 0, -1, 2, 1, 0));
        Tensor gradientBefore = accumulating.weights().gradient().copy();
        Tensor biasGradientBefore = accumulating.bias().gradient().copy();
        Tensor dx = accumulating.backward(zero);
        assertEquals(4, dx.size());
        for (int i = 0; i < dx.size(); i++) {
            assertEquals(0.0, dx.get(i), "dx[" + i + "]");
        }
        for (int i = 0; i < 6; i++) {
            assertEquals(
                    gradientBefore.get(i), accumulating.weights().gradient().get(i), "dW[" + i + "]");
        }
        for (int j = 0; j < 3; j++) {
            assertEquals(
                    biasGradientBefore.get(j), accumulating.bias().gradient().get(j), "db[" + j + "]");
        }

        Dense stepping = handMade();
        stepping.descendInBackward(0.1);
        stepping.skipInputGradient();
        stepping.forward(x, true);
        assertNull(stepping.backward(zero));
        Dense untouched = handMade();
        for (int i = 0; i < 6; i++) {
            assertEquals(
                    untouched.weights().value().get(i),
                    stepping.weights().value().get(i),
                    "W[" + i + "]");
        }
        for (int j = 0; j < 3; j++) {
            assertEquals(
                    untouched.bias().value().get(j), stepping.bias().value().get(j), "b[" + j + "]");
        }
    }

    @Test
    void aGradientIsZeroOnlyWhenEveryEntryIsPlusOrMinusZero() {
        float[] values = new float[1000];
        assertTrue(Dense.isZero(values, values.length));
        values[700] = -0f;
        assertTrue(Dense.isZero(values, values.length));
        values[999] = Float.MIN_VALUE;
        assertFalse(Dense.isZero(values, values.length));
        assertTrue(Dense.isZero(values, 999), "entries past n are not looked at");
        values[999] = 0;
        values[3] = Float.NaN;
        assertFalse(Dense.isZero(values, values.length));
        values[3] = -1e-30f;
        assertFalse(Dense.isZero(values, values.length));
    }

    @Test
    void onlyAFloatLayerCanDescendInBackward() {
        DescendsInBackward float32 = handMade();
        assertTrue(float32.canDescendInBackward());
        DescendsInBackward float64 =
                new Dense(2, 3, true, new ZerosInitializer(), Precision.FLOAT64, new SplittableRandom(1));
        assertFalse(float64.canDescendInBackward());
    }

    @Test
    void biasGradientsAreColumnSumsAddedRowAfterRowOnOneCoreOrTwo() {
        // Row counts with and without a remainder of four, widths below and above the split; the bias gradient
        // must have exactly the bits of adding one row at a time, whichever core sums which columns.
        try (CoreGroup pair = new CoreGroup(2)) {
            for (boolean onPair : new boolean[] {false, true}) {
                CoreGroup.useOnThisThread(onPair ? pair : null);
                for (int rows : new int[] {1, 3, 4, 7, 96, 128}) {
                    for (int cols : new int[] {10, 64, 100, 512}) {
                        assertColumnSumsBitExact(rows, cols, onPair);
                    }
                }
            }
        } finally {
            CoreGroup.useOnThisThread(null);
        }
    }

    private static void assertColumnSumsBitExact(int rows, int cols, boolean onPair) {
        SplittableRandom random = new SplittableRandom(rows * 1000L + cols);
        Dense dense = new Dense(3, cols, true, new ZerosInitializer(), Precision.FLOAT32, random);
        float[] dy = new float[rows * cols];
        for (int i = 0; i < dy.length; i++) {
            // Magnitudes from 2^-21 to 2^18, so that adding in another order changes the bits.
            dy[i] = (float) ((random.nextDouble() - 0.5) * Math.scalb(1.0, random.nextInt(-20, 20)));
        }
        float[] start = new float[cols];
        for (int j = 0; j < cols; j++) {
            start[j] = (float) random.nextDouble();
            dense.bias().gradient().set(j, start[j]);
        }
        dense.forward(Tensor.zeros(Precision.FLOAT32, rows, 3), true);
        dense.backward(Tensor.of(rows, cols, dy));
        for (int j = 0; j < cols; j++) {
            float expected = start[j];
            for (int r = 0; r < rows; r++) {
                expected += dy[r * cols + j];
            }
            float actual = (float) dense.bias().gradient().get(j);
            if (Float.floatToRawIntBits(expected) != Float.floatToRawIntBits(actual)) {
                assertEquals(expected, actual, rows + "×" + cols + (onPair ? " on the pair" : "") + ", db[" + j + "]");
            }
        }
    }
}
