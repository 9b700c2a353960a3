package org.nnx.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nnx.nn.LayerSequence.assertPasses;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.nnx.check.GradientCheck;
import org.nnx.tensor.Precision;
import org.nnx.tensor.Tensor;

/** The layers on images against central differences, in float64. */
class ConvolutionGradientTest {
    private final GradientCheck check = new GradientCheck();

    @Test
    void conv2dSquare() {
        SplittableRandom random = new SplittableRandom(1);
        Conv2d conv = conv(2, 5, 5, 3, new Window(3, 3, 1, 1, 0, 0), random);
        GradientCheck.Result result = check.check(conv, TestTensors.gaussian(random, 2, 2 * 5 * 5), random);
        assertEquals(List.of("W", "b"), List.copyOf(result.parameterErrors().keySet()));
        assertPasses(result);
    }

    @Test
    void conv2dWithStridePaddingAndNonSquareSizes() {
        SplittableRandom random = new SplittableRandom(2);
        Conv2d conv = conv(3, 6, 7, 2, new Window(3, 2, 2, 3, 1, 2), random);
        assertPasses(check.check(conv, TestTensors.gaussian(random, 3, 3 * 6 * 7), random));
    }

    @Test
    void conv2dWithoutBias() {
        SplittableRandom random = new SplittableRandom(3);
        Conv2d conv = new Conv2d(
                1, 4, 4, 2, new Window(2, 2, 1, 1, 0, 0), false, new HeInitializer(), Precision.FLOAT64, random);
        GradientCheck.Result result = check.check(conv, TestTensors.gaussian(random, 2, 16), random);
        assertEquals(List.of("W"), List.copyOf(result.parameterErrors().keySet()));
        assertPasses(result);
    }

    @Test
    void conv2dInChunksOfSamples() {
        SplittableRandom random = new SplittableRandom(4);
        // 1×300×300 with a 5×5 filter: 25 · 296² patch values a sample, so 3 samples a chunk; 7 make 3 chunks.
        Conv2d conv = conv(1, 300, 300, 1, new Window(5, 5, 1, 1, 0, 0), random);
        Tensor input = TestTensors.gaussian(random, 7, 300 * 300);
        Tensor whole = conv.forward(input, true).copy();
        Conv2d reference = conv(1, 300, 300, 1, new Window(5, 5, 1, 1, 0, 0), new SplittableRandom(4));
        for (int s = 0; s < 7; s++) {
            Tensor part = Tensor.zeros(Precision.FLOAT64, 1, 300 * 300);
            System.arraycopy(input.doubles(), s * 300 * 300, part.doubles(), 0, 300 * 300);
            Tensor expected = reference.forward(part, true);
            for (int j = 0; j < expected.cols(); j += 997) {
                assertEquals(expected.get(j), whole.get(s, j), 1e-12);
            }
        }
    }

    @Test
    void maxPoolWithoutTies() {
        SplittableRandom random = new SplittableRandom(5);
        MaxPool2d pool = new MaxPool2d(2, 4, 5, Window.of(2, 2, 2, 2));
        assertPasses(check.check(pool, distinct(random, 3, 2 * 4 * 5), random));
    }

    @Test
    void maxPoolOverlappingNonSquare() {
        SplittableRandom random = new SplittableRandom(6);
        MaxPool2d pool = new MaxPool2d(1, 5, 6, Window.of(3, 2, 1, 2));
        assertPasses(check.check(pool, distinct(random, 2, 30), random));
    }

    /**
     * At a tie the maximum has no derivative; the first tied entry in the window (row by row) takes the whole
     * gradient, which is the one-sided derivative from above of that entry, and the others get none.
     */
    @Test
    void maxPoolTiesSendTheGradientToTheFirst() {
        MaxPool2d pool = new MaxPool2d(1, 2, 4, Window.of(2, 2, 2, 2));
        Tensor input = Tensor.wrap(1, 8, new double[] {1, 3, 5, 5, 3, 2, 5, 0});
        Tensor output = pool.forward(input, true);
        assertEquals(3.0, output.get(0));
        assertEquals(5.0, output.get(1));
        Tensor gradient = pool.backward(Tensor.wrap(1, 2, new double[] {0.5, 2.0}));
        assertEquals(List.of(0.0, 0.5, 2.0, 0.0, 0.0, 0.0, 0.0, 0.0), values(gradient));
    }

    /** Training's float path agrees with the float64 one, argmax included, ties and NaN too. */
    @Test
    void maxPoolFloatPathMatchesTheGeneralOne() {
        SplittableRandom random = new SplittableRandom(13);
        Window window = Window.of(3, 2, 2, 1);
        Tensor doubles = Tensor.zeros(Precision.FLOAT64, 4, 2 * 7 * 6);
        for (int i = 0; i < doubles.size(); i++) {
            doubles.set(i, (float) Math.round(random.nextGaussian() * 3));
        }
        doubles.set(17, Double.NaN);
        Tensor floats = doubles.to(Precision.FLOAT32);
        MaxPool2d general = new MaxPool2d(2, 7, 6, window);
        MaxPool2d fast = new MaxPool2d(2, 7, 6, window);
        Tensor expected = general.forward(doubles, true);
        Tensor actual = fast.forward(floats, true);
        Tensor dy = TestTensors.gaussian(random, 4, expected.cols());
        Tensor expectedDx = general.backward(dy);
        Tensor actualDx = fast.backward(dy.to(Precision.FLOAT32));
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), actual.get(i), "output " + i);
        }
        for (int i = 0; i < expectedDx.size(); i++) {
            // Overlapping windows add several gradients into one pixel: float32 sums against float64 ones.
            assertEquals(expectedDx.get(i), actualDx.get(i), 1e-5, "gradient " + i);
        }
    }

    /** The 2×2 stride-2 float path picks what the general one picks: ties, NaN and the sign of a zero maximum. */
    @Test
    void maxPoolTwoByTwoFloatPathMatchesTheGeneralOne() {
        SplittableRandom random = new SplittableRandom(14);
        Window window = Window.of(2, 2, 2, 2);
        Tensor doubles = Tensor.zeros(Precision.FLOAT64, 3, 2 * 6 * 8);
        for (int i = 0; i < doubles.size(); i++) {
            long value = Math.round(random.nextGaussian());
            doubles.set(i, value == 0 && random.nextBoolean() ? -0.0 : value);
        }
        doubles.set(20, Double.NaN);
        doubles.set(36, Double.NaN);
        Tensor floats = doubles.to(Precision.FLOAT32);
        MaxPool2d general = new MaxPool2d(2, 6, 8, window);
        MaxPool2d fast = new MaxPool2d(2, 6, 8, window);
        Tensor expected = general.forward(doubles, true);
        Tensor actual = fast.forward(floats, true);
        Tensor dy = TestTensors.gaussian(random, 3, expected.cols());
        Tensor expectedDx = general.backward(dy);
        Tensor actualDx = fast.backward(dy.to(Precision.FLOAT32));
        int negativeZeros = 0;
        for (int i = 0; i < expected.size(); i++) {
            float want = (float) expected.get(i);
            assertEquals(Float.floatToIntBits(want), Float.floatToIntBits((float) actual.get(i)), "output " + i);
            negativeZeros += Float.floatToRawIntBits(want) == Float.floatToRawIntBits(-0f) ? 1 : 0;
        }
        assertTrue(negativeZeros > 0, "some window's maximum is −0");
        for (int i = 0; i < expectedDx.size(); i++) {
            assertEquals((float) expectedDx.get(i), (float) actualDx.get(i), "gradient " + i);
        }
    }

    @Test
    void avgPool() {
        SplittableRandom random = new SplittableRandom(7);
        AvgPool2d pool = new AvgPool2d(2, 4, 6, Window.of(2, 3, 2, 3));
        assertPasses(check.check(pool, TestTensors.gaussian(random, 3, 48), random));
    }

    @Test
    void avgPoolOverlapping() {
        SplittableRandom random = new SplittableRandom(8);
        AvgPool2d pool = new AvgPool2d(1, 5, 5, Window.of(3, 3, 1, 1));
        assertPasses(check.check(pool, TestTensors.gaussian(random, 2, 25), random));
    }

    /** Ties do not matter to an average: every pixel of the window gets the same share. */
    @Test
    void avgPoolTiesShareEvenly() {
        AvgPool2d pool = new AvgPool2d(1, 2, 2, Window.of(2, 2, 2, 2));
        Tensor input = Tensor.wrap(1, 4, new double[] {2, 2, 2, 2});
        assertEquals(2.0, pool.forward(input, true).get(0));
        assertEquals(List.of(0.25, 0.25, 0.25, 0.25), values(pool.backward(Tensor.wrap(1, 1, new double[] {1}))));
    }

    @Test
    void globalAvgPool() {
        SplittableRandom random = new SplittableRandom(9);
        assertPasses(check.check(new GlobalAvgPool(3, 6), TestTensors.gaussian(random, 2, 18), random));
    }

    @Test
    void flatten() {
        SplittableRandom random = new SplittableRandom(10);
        assertPasses(check.check(new Flatten(), TestTensors.gaussian(random, 2, 12), random));
    }

    @Test
    void batchNormPerChannel() {
        SplittableRandom random = new SplittableRandom(11);
        ChannelBatchNorm norm = new ChannelBatchNorm(2, 6, 0.9, 1e-5, Precision.FLOAT64);
        for (int j = 0; j < 2; j++) {
            norm.perChannel().gamma().value().set(j, 1 + random.nextGaussian());
            norm.perChannel().beta().value().set(j, random.nextGaussian());
        }
        assertPasses(check.check(norm, TestTensors.gaussian(random, 3, 12), random));
    }

    @Test
    void convPoolDenseUnderALoss() {
        SplittableRandom random = new SplittableRandom(12);
        Conv2d conv = conv(1, 6, 6, 2, new Window(3, 3, 1, 1, 1, 1), random);
        MaxPool2d pool = new MaxPool2d(2, 6, 6, Window.of(2, 2, 2, 2));
        Dense dense = new Dense(2 * 3 * 3, 3, true, new XavierInitializer(), Precision.FLOAT64, random);
        LayerSequence network = new LayerSequence(conv, new Relu(), pool, dense);
        assertPasses(check.check(
                network,
                TestTensors.gaussian(random, 2, 36),
                new SoftmaxCrossEntropy(),
                TestTensors.oneHot(random, 2, 3)));
    }

    private static Conv2d conv(
            int channels, int height, int width, int filters, Window window, SplittableRandom random) {
        Conv2d conv = new Conv2d(
                channels, height, width, filters, window, true, new HeInitializer(), Precision.FLOAT64, random);
        for (int f = 0; f < filters; f++) {
            conv.bias().value().set(f, random.nextGaussian());
        }
        return conv;
    }

    /** Gaussian values at least 1e-3 apart, so that no pooling window holds a tie within the check's step. */
    private static Tensor distinct(SplittableRandom random, int rows, int cols) {
        Tensor t = Tensor.zeros(Precision.FLOAT64, rows, cols);
        for (int i = 0; i < t.size(); i++) {
            t.set(i, i * 1e-2 + random.nextDouble() * 1e-3);
        }
        for (int i = t.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            double swap = t.get(i);
            t.set(i, t.get(j));
            t.set(j, swap);
        }
        return t;
    }

    private static List<Double> values(Tensor t) {
        return IntStream.range(0, t.size()).mapToObj(t::get).toList();
    }
}
