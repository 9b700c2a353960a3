package org.nnx.nn;

import org.nnx.tensor.Tensor;

/**
 * Max pooling over each channel of images of {@code channels × height × width}, one image a row. Forward
 * saves where each maximum came from; backward sends each output's gradient there and nowhere else. Of tied
 * maxima the first in the window (row by row) takes the gradient, as in PyTorch; NaN counts as the maximum.
 */
public final class MaxPool2d extends Pooling {
    /** For each output value of the last forward, the index of its maximum within its sample's row. */
    private int[] argmax;

    public MaxPool2d(int channels, int height, int width, Window window) {
        super(channels, height, width, window);
    }

    @Override
    public Tensor forward(Tensor input, boolean training) {
        startForward("max_pool", input);
        int samples = input.rows();
        int outCols = outputSize();
        if (argmax == null || argmax.length != samples * outCols) {
            argmax = new int[samples * outCols];
        }
        if (input.isFloat() && window.padHeight() == 0 && window.padWidth() == 0) {
            forwardFloat(input.floats(), output.floats(), samples);
            return output;
        }
        int i = 0;
        for (int s = 0; s < samples; s++) {
            int base = s * inputCols;
            for (int c = 0; c < channels; c++) {
                int plane = base + c * height * width;
                for (int oy = 0; oy < outHeight; oy++) {
                    int y0 = oy * window.strideHeight() - window.padHeight();
                    for (int ox = 0; ox < outWidth; ox++, i++) {
                        int x0 = ox * window.strideWidth() - window.padWidth();
                        int best = -1;
                        double bestValue = Double.NEGATIVE_INFINITY;
                        for (int dy = 0; dy < window.height(); dy++) {
                            int y = y0 + dy;
                            if (y < 0 || y >= height) {
                                continue;
                            }
                            for (int dx = 0; dx < window.width(); dx++) {
                                int x = x0 + dx;
                                if (x < 0 || x >= width) {
                                    continue;
                                }
                                int at = plane + y * width + x;
                                double value = input.isFloat() ? input.floats()[at] : input.doubles()[at];
                                if (best < 0
                                        || value > bestValue
                                        || (Double.isNaN(value) && !Double.isNaN(bestValue))) {
                                    best = at;
                                    bestValue = value;
                                }
                            }
                        }
                        argmax[i] = best - base;
                        if (output.isFloat()) {
                            output.floats()[i] = (float) bestValue;
                        } else {
                            output.doubles()[i] = bestValue;
                        }
                    }
                }
            }
        }
        return output;
    }

    /**
     * Training's forward without padding, on the float arrays themselves: the generic accessors and the NaN
     * test cost more than the comparisons. A NaN anywhere in a window still wins it, as in the general path.
     */
    private void forwardFloat(float[] x, float[] y, int samples) {
        if (window.equals(Window.of(2, 2, 2, 2))) {
            forwardTwoByTwo(x, y, samples);
            return;
        }
        int kh = window.height();
        int kw = window.width();
        int sh = window.strideHeight();
        int sw = window.strideWidth();
        int i = 0;
        for (int s = 0; s < samples; s++) {
            int base = s * inputCols;
            for (int c = 0; c < channels; c++) {
                int plane = base + c * height * width;
                for (int oy = 0; oy < outHeight; oy++) {
                    int top = plane + oy * sh * width;
                    for (int ox = 0; ox < outWidth; ox++, i++) {
                        int best = top + ox * sw;
                        float bestValue = x[best];
                        for (int dy = 0; dy < kh; dy++) {
                            int row = top + dy * width + ox * sw;
                            for (int dx = 0; dx < kw; dx++) {
                                float value = x[row + dx];
                                // value > best, or value is NaN and best is not. Without a branch: which of a
                                // window's values is largest is a coin toss the CPU cannot predict.
                                boolean wins = value > bestValue | (value != value & bestValue == bestValue);
                                best = wins ? row + dx : best;
                                bestValue = wins ? value : bestValue;
                            }
                        }
                        argmax[i] = best - base;
                        y[i] = bestValue;
                    }
                }
            }
        }
    }

    /**
     * The common 2×2 pool of stride 2: the same choices as {@link #forwardFloat}'s loops, made without a branch.
     * The window's maximum comes from {@code Math.max}, and its place is the first of the window's values equal to
     * it or NaN (a NaN maximum means the window holds one), found as the lowest bit of a mask. The output is read
     * back from that place, so that of +0 and −0 the first one's sign is kept.
     */
    private void forwardTwoByTwo(float[] x, float[] y, int samples) {
        int i = 0;
        int planes = samples * channels;
        for (int plane = 0; plane < planes; plane++) {
            int sample = plane / channels;
            int base = sample * inputCols;
            int start = base + (plane - sample * channels) * height * width;
            for (int oy = 0; oy < outHeight; oy++) {
                int top = start + 2 * oy * width;
                int bottom = top + width;
                for (int ox = 0; ox < outWidth; ox++, i++) {
                    int at = top + 2 * ox;
                    float a = x[at];
                    float b = x[at + 1];
                    float c = x[bottom + 2 * ox];
                    float d = x[bottom + 2 * ox + 1];
                    float max = Math.max(Math.max(a, b), Math.max(c, d));
                    int first = Integer.numberOfTrailingZeros((a == max | a != a ? 1 : 0)
                            | (b == max | b != b ? 2 : 0)
                            | (c == max | c != c ? 4 : 0)
                            | 8);
                    int best = at + (first & 1) + (first >> 1) * width;
                    argmax[i] = best - base;
                    y[i] = x[best];
                }
            }
        }
    }

    @Override
    public Tensor backward(Tensor outputGradient) {
        startBackward(outputGradient);
        int samples = output.rows();
        int outCols = output.cols();
        if (inputGradient.isFloat() && outputGradient.isFloat()) {
            float[] dx = inputGradient.floats();
            float[] dy = outputGradient.floats();
            for (int s = 0; s < samples; s++) {
                int in = s * inputCols;
                int out = s * outCols;
                for (int j = 0; j < outCols; j++) {
                    dx[in + argmax[out + j]] += dy[out + j];
                }
            }
            return inputGradient;
        }
        for (int s = 0; s < samples; s++) {
            int in = s * inputCols;
            int out = s * outCols;
            for (int j = 0; j < outCols; j++) {
                inputGradient.add(in + argmax[out + j], outputGradient.get(out + j));
            }
        }
        return inputGradient;
    }
}
