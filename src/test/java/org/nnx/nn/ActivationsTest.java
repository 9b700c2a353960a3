package org.nnx.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnx.spi.Layer;
import org.nnx.tensor.Precision;
import org.nnx.tensor.Tensor;

class ActivationsTest {

    @Test
    void forwardValues() {
        Tensor x = Tensor.of(1, 4, -2, 0, 0.5f, 3);
        assertValues(
                new Sigmoid().forward(x, true),
                1 / (1 + Math.exp(2)),
                0.5,
                1 / (1 + Math.exp(-0.5)),
                1 / (1 + Math.exp(-3)));
        assertValues(new Relu().forward(x, true), 0, 0, 0.5, 3);
        assertValues(new Tanh().forward(x, true), Math.tanh(-2), 0, Math.tanh(0.5), Math.tanh(3));
        assertValues(new Step().forward(x, true), 0, 0, 1, 1);
        assertValues(new LeakyRelu(0.1).forward(x, true), -0.2, 0, 0.5, 3);
    }

    @Test
    void stepGradientIsExactlyZero() {
        Step step = new Step();
        SplittableRandom random = new SplittableRandom(1);
        Tensor x = TestTensors.gaussian(random, 4, 5);
        step.forward(x, true);
        Tensor gradient = step.backward(TestTensors.gaussian(random, 4, 5));
        for (int i = 0; i < gradient.size(); i++) {
            assertEquals(0.0, gradient.get(i));
        }
        // Also when the caller scribbled on the tensor it got last time.
        gradient.fill(7);
        step.forward(x, true);
        Tensor again = step.backward(TestTensors.gaussian(random, 4, 5));
        for (int i = 0; i < again.size(); i++) {
            assertEquals(0.0, again.get(i));
        }
    }

    @Test
    void reluFloatBackwardPassesGradientExactlyWherePositiveAndPlusZeroElsewhere() {
        // Inputs from the smallest subnormal to the largest float, and zeros and negatives, whose output is +0.
        float[] inputs = {
            Float.MIN_VALUE,
            1e-40f,
            Float.MIN_NORMAL,
            1e-30f,
            0.5f,
            3f,
            1e30f,
            Float.MAX_VALUE,
            0f,
            -0f,
            -1f,
            -Float.MAX_VALUE
        };
        float[] gradients = {-1.5f, 2.25f, -3e-20f, 7f, -0.125f, 1e30f, -2f, 5f, -4f, -1e-30f, 3f, -Float.MAX_VALUE};
        Relu relu = new Relu();
        relu.forward(Tensor.of(1, inputs.length, inputs), true);
        Tensor dx = relu.backward(Tensor.of(1, gradients.length, gradients));
        for (int i = 0; i < inputs.length; i++) {
            float expected = inputs[i] > 0 ? gradients[i] : 0f;
            // Bit for bit: the +0 of the double path, never the −0 of a negative gradient times 0.
            assertEquals(
                    Float.floatToRawIntBits(expected),
                    Float.floatToRawIntBits(dx.floats()[i]),
                    "input " + inputs[i] + ", gradient " + gradients[i]);
        }
    }

    @Test
    void sigmoidSaturatesWithoutNaN() {
        assertValues(new Sigmoid().forward(Tensor.of(1, 2, -1000, 1000), true), 0, 1);
    }

    @Test
    void softmaxRowsSumToOneAndSurviveHugeScores() {
        Tensor y = new Softmax().forward(Tensor.of(2, 3, 1, 2, 3, 1e4f, 0, -1e4f), true);
        assertEquals(1.0, y.get(0) + y.get(1) + y.get(2), 1e-6);
        assertEquals(Math.exp(1) / (Math.exp(1) + Math.exp(2) + Math.exp(3)), y.get(0), 1e-6);
        assertValues(rowOf(y, 1), 1, 0, 0);
    }

    @Test
    void everyActivationReusesItsTensorsInBothPrecisions() {
        for (Precision precision : Precision.values()) {
            for (Layer layer :
                    List.of(new Sigmoid(), new Relu(), new Tanh(), new Step(), new LeakyRelu(0.01), new Softmax())) {
                Tensor x = Tensor.zeros(precision, 3, 4);
                Tensor output = layer.forward(x, true);
                assertEquals(precision, output.precision());
                Tensor gradient = layer.backward(Tensor.zeros(precision, 3, 4));
                assertEquals(precision, gradient.precision());
                assertSame(output, layer.forward(x, true), layer.getClass().getSimpleName());
                assertSame(
                        gradient,
                        layer.backward(Tensor.zeros(precision, 3, 4)),
                        layer.getClass().getSimpleName());
            }
        }
    }

    private static Tensor rowOf(Tensor tensor, int row) {
        Tensor out = Tensor.zeros(Precision.FLOAT64, 1, tensor.cols());
        for (int j = 0; j < tensor.cols(); j++) {
            out.set(j, tensor.get(row, j));
        }
        return out;
    }

    private static void assertValues(Tensor actual, double... expected) {
        assertEquals(expected.length, actual.size());
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual.get(i), 1e-6, "entry " + i);
        }
    }
}
