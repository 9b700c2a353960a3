package org.nnx.nn;

import org.nnx.spi.Layer;
import org.nnx.tensor.Tensor;

/** The mean of each channel of images of {@code channels × area} pixels: one value a channel. */
public final class GlobalAvgPool implements Layer {
    private final int channels;
    private final int area;

    private Tensor output;
    private Tensor inputGradient;

    public GlobalAvgPool(int channels, int area) {
        this.channels = channels;
        this.area = area;
    }

    @Override
    public Tensor forward(Tensor input, boolean training) {
        if (input.cols() != channels * area) {
            throw new IllegalArgumentException(
                    "global_avg_pool expects " + channels + " channels of " + area + " pixels, got " + input.shape());
        }
        int samples = input.rows();
        output = Tensor.reuseOrAllocate(output, input.precision(), samples, channels);
        for (int s = 0; s < samples; s++) {
            for (int c = 0; c < channels; c++) {
                int from = (s * channels + c) * area;
                double sum = 0;
                for (int p = 0; p < area; p++) {
                    sum += input.get(from + p);
                }
                output.set(s * channels + c, sum / area);
            }
        }
        return output;
    }

    @Override
    public Tensor backward(Tensor outputGradient) {
        if (output == null) {
            throw new IllegalStateException("backward before forward");
        }
        Pooling.checkGradient(outputGradient, output.rows(), channels);
        inputGradient = Tensor.reuseOrAllocate(inputGradient, output.precision(), output.rows(), channels * area);
        for (int i = 0; i < output.size(); i++) {
            double share = outputGradient.get(i) / area;
            for (int p = 0; p < area; p++) {
                inputGradient.set(i * area + p, share);
            }
        }
        return inputGradient;
    }
}
