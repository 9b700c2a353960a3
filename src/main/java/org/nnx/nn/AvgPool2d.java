package org.nnx.nn;

import org.nnx.tensor.Tensor;

/**
 * Average pooling over each channel of images of {@code channels × height × width}, one image a row: each output
 * is the mean of its window's pixels, and backward spreads its gradient evenly over them. Padding, when given,
 * counts as zeros in the mean (PyTorch's {@code count_include_pad}).
 */
public final class AvgPool2d extends Pooling {
    private final double scale;

    public AvgPool2d(int channels, int height, int width, Window window) {
        super(channels, height, width, window);
        this.scale = 1.0 / (window.height() * window.width());
    }

    @Override
    public Tensor forward(Tensor input, boolean training) {
        startForward("avg_pool", input);
        int samples = input.rows();
        int i = 0;
        for (int s = 0; s < samples; s++) {
            for (int c = 0; c < channels; c++) {
                int plane = s * inputCols + c * height * width;
                for (int oy = 0; oy < outHeight; oy++) {
                    for (int ox = 0; ox < outWidth; ox++, i++) {
                        double sum = 0;
                        int y0 = oy * window.strideHeight() - window.padHeight();
                        int x0 = ox * window.strideWidth() - window.padWidth();
                        for (int y = Math.max(0, y0); y < Math.min(height, y0 + window.height()); y++) {
                            for (int x = Math.max(0, x0); x < Math.min(width, x0 + window.width()); x++) {
                                sum += input.get(plane + y * width + x);
                            }
                        }
                        output.set(i, sum * scale);
                    }
                }
            }
        }
        return output;
    }

    @Override
    public Tensor backward(Tensor outputGradient) {
        startBackward(outputGradient);
        int samples = output.rows();
        int i = 0;
        for (int s = 0; s < samples; s++) {
            for (int c = 0; c < channels; c++) {
                int plane = s * inputCols + c * height * width;
                for (int oy = 0; oy < outHeight; oy++) {
                    for (int ox = 0; ox < outWidth; ox++, i++) {
                        double share = outputGradient.get(i) * scale;
                        int y0 = oy * window.strideHeight() - window.padHeight();
                        int x0 = ox * window.strideWidth() - window.padWidth();
                        for (int y = Math.max(0, y0); y < Math.min(height, y0 + window.height()); y++) {
                            for (int x = Math.max(0, x0); x < Math.min(width, x0 + window.width()); x++) {
                                inputGradient.add(plane + y * width + x, share);
                            }
                        }
                    }
                }
            }
        }
        return inputGradient;
    }
}
