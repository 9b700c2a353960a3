package org.nnx.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nnx.tensor.CoreGroup;
import org.nnx.tensor.Precision;
import org.nnx.tensor.Tensor;

/**
 * Training's float32 convolution (im2col by runs of pixels, its loops cut over a core group) against the float64
 * one, whose loops are plain: the same output, input gradient, weight and bias gradients within float32's
 * rounding, for strides of one (runs) and two (the pixel map), with and without padding. On a core group the
 * float32 numbers are the very bits of one thread.
 */
class Conv2dFloatPathTest {
    @ParameterizedTest
    @CsvSource({"3, 3, 1, 1, 1, 1", "5, 5, 1, 1, 0, 0", "3, 2, 2, 2, 1, 0", "2, 3, 1, 2, 0, 2"})
    void float32MatchesFloat64OnOneThreadAndOnACoreGroup(int kh, int kw, int sh, int sw, int ph, int pw) {
        Window window = new Window(kh, kw, sh, sw, ph, pw);
        Result wide = pass(Precision.FLOAT64, window, 0);
        Result single = pass(Precision.FLOAT32, window, 0);
        assertClose(wide.output, single.output, "output");
        assertClose(wide.inputGradient, single.inputGradient, "input gradient");
        assertClose(wide.weightGradient, single.weightGradient, "weight gradient");
        assertClose(wide.biasGradient, single.biasGradient, "bias gradient");
        for (int cores : new int[] {2, 3}) {
            Result split = pass(Precision.FLOAT32, window, cores);
            assertArrayEquals(single.output, split.output, "output on " + cores + " cores");
            assertArrayEquals(single.inputGradient, split.inputGradient, "input gradient on " + cores + " cores");
            assertArrayEquals(single.weightGradient, split.weightGradient);
            assertArrayEquals(single.biasGradient, split.biasGradient);
        }
    }

    private record Result(double[] output, double[] inputGradient, double[] weightGradient, double[] biasGradient) {}

    private static Result pass(Precision precision, Window window, int cores) {
        SplittableRandom random = new SplittableRandom(21);
        int channels = 3;
        int height = 13;
        int width = 11;
        Conv2d conv = new Conv2d(channels, height, width, 5, window, true, new HeInitializer(), precision, random);
        for (int f = 0; f < 5; f++) {
            conv.bias().value().set(f, random.nextGaussian());
        }
        Tensor input = Tensor.zeros(precision, 30, channels * height * width);
        for (int i = 0; i < input.size(); i++) {
            input.set(i, random.nextGaussian());
        }
        Tensor dy = Tensor.zeros(precision, 30, conv.outputSize());
        for (int i = 0; i < dy.size(); i++) {
            dy.set(i, random.nextGaussian());
        }
        CoreGroup group = cores > 1 ? new CoreGroup(cores) : null;
        try {
            CoreGroup.useOnThisThread(group);
            Tensor output = conv.forward(input, true);
            Tensor dx = conv.backward(dy);
            return new Result(
                    values(output),
                    values(dx),
                    values(conv.weights().gradient()),
                    values(conv.bias().gradient()));
        } finally {
            CoreGroup.useOnThisThread(null);
            if (group != null) {
                group.close();
            }
        }
    }

    private static double[] values(Tensor tensor) {
        double[] values = new double[tensor.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = tensor.get(i);
        }
        return values;
    }

    private static void assertClose(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-4 * Math.max(1, Math.abs(expected[i])), what + " " + i);
        }
    }
}
