package org.nnx.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnx.tensor.Precision;
import org.nnx.tensor.Tensor;

/** conv2d's im2col forward against the definition written as six nested loops, on random shapes. */
class Conv2dReferenceTest {

    @Test
    void forwardMatchesSixLoopsOnRandomShapes() {
        SplittableRandom shapes = new SplittableRandom(2026);
        for (int trial = 0; trial < 40; trial++) {
            int channels = 1 + shapes.nextInt(3);
            int height = 1 + shapes.nextInt(9);
            int width = 1 + shapes.nextInt(9);
            int padH = shapes.nextInt(3);
            int padW = shapes.nextInt(3);
            int kh = 1 + shapes.nextInt(height + 2 * padH);
            int kw = 1 + shapes.nextInt(width + 2 * padW);
            Window window = new Window(kh, kw, 1 + shapes.nextInt(3), 1 + shapes.nextInt(3), padH, padW);
            int filters = 1 + shapes.nextInt(4);
            int samples = 1 + shapes.nextInt(3);
            SplittableRandom random = new SplittableRandom(trial);
            Conv2d conv = new Conv2d(
                    channels, height, width, filters, window, true, new HeInitializer(), Precision.FLOAT64, random);
            for (int f = 0; f < filters; f++) {
                conv.bias().value().set(f, random.nextGaussian());
            }
            Tensor input = TestTensors.gaussian(random, samples, channels * height * width);
            double[] expected = sixLoops(conv, input, channels, height, width, filters, window);
            double[] actual = conv.forward(input, false).doubles();
            assertEquals(expected.length, actual.length, "trial " + trial);
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], actual[i], 1e-12, "trial " + trial + ", output " + i);
            }
        }
    }

    @Test
    void float32RerunsAreBitIdentical() {
        Window window = new Window(3, 3, 1, 1, 1, 1);
        float[] first = train(window);
        float[] second = train(window);
        assertArrayEquals(first, second);
    }

    /** Forward and backward of a float32 conv twice from the same seed: outputs and gradients, concatenated. */
    private static float[] train(Window window) {
        SplittableRandom random = new SplittableRandom(5);
        Conv2d conv = new Conv2d(3, 12, 12, 8, window, true, new HeInitializer(), Precision.FLOAT32, random);
        Tensor input = Tensor.zeros(40, 3 * 144);
        for (int i = 0; i < input.size(); i++) {
            input.set(i, random.nextGaussian());
        }
        Tensor output = conv.forward(input, true);
        Tensor dy = Tensor.zeros(40, output.cols());
        for (int i = 0; i < dy.size(); i++) {
            dy.set(i, random.nextGaussian());
        }
        Tensor dx = conv.backward(dy);
        float[] all =
                new float[output.size() + dx.size() + conv.weights().gradient().size()];
        System.arraycopy(output.floats(), 0, all, 0, output.size());
        System.arraycopy(dx.floats(), 0, all, output.size(), dx.size());
        System.arraycopy(
                conv.weights().gradient().floats(),
                0,
                all,
                output.size() + dx.size(),
                conv.weights().gradient().size());
        return all;
    }

    /** {@code y[s][f][oy][ox] = b[f] + Σ_c Σ_dy Σ_dx W[f][c][dy][dx] · x[s][c][oy·sh − ph + dy][ox·sw − pw + dx]}. */
    private static double[] sixLoops(
            Conv2d conv, Tensor input, int channels, int height, int width, int filters, Window window) {
        int outH = (height + 2 * window.padHeight() - window.height()) / window.strideHeight() + 1;
        int outW = (width + 2 * window.padWidth() - window.width()) / window.strideWidth() + 1;
        Tensor w = conv.weights().value();
        double[] y = new double[input.rows() * filters * outH * outW];
        int i = 0;
        for (int s = 0; s < input.rows(); s++) {
            for (int f = 0; f < filters; f++) {
                for (int oy = 0; oy < outH; oy++) {
                    for (int ox = 0; ox < outW; ox++) {
                        double sum = conv.bias().value().get(f);
                        for (int c = 0; c < channels; c++) {
                            for (int dy = 0; dy < window.height(); dy++) {
                                for (int dx = 0; dx < window.width(); dx++) {
                                    int yy = oy * window.strideHeight() - window.padHeight() + dy;
                                    int xx = ox * window.strideWidth() - window.padWidth() + dx;
                                    if (yy < 0 || yy >= height || xx < 0 || xx >= width) {
                                        continue;
                                    }
                                    double weight = w.get(f, (c * window.height() + dy) * window.width() + dx);
                                    sum += weight * input.get(s, (c * height + yy) * width + xx);
                                }
                            }
                        }
                        y[i++] = sum;
                    }
                }
            }
        }
        return y;
    }
}
