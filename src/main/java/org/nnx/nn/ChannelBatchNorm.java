package org.nnx.nn;

import java.util.List;
import java.util.Map;
import org.nnx.spi.Freezable;
import org.nnx.spi.LayerState;
import org.nnx.spi.Parameter;
import org.nnx.tensor.Precision;
import org.nnx.tensor.Tensor;

/**
 * Batch normalization of images per channel (PyTorch's {@code BatchNorm2d}): every pixel of a channel, over
 * the whole batch, shares one mean and variance, one γ and one β. It runs {@link BatchNorm} on the batch's
 * pixels as rows of {@code channels} values, so the two agree on every rule: the statistics, the running
 * averages, freezing.
 */
public final class ChannelBatchNorm implements Freezable, LayerState {
    private final int channels;
    private final int area;
    private final BatchNorm perChannel;

    private Tensor pixels;
    private Tensor pixelGradient;
    private Tensor output;
    private Tensor inputGradient;

    public ChannelBatchNorm(int channels, int area, double momentum, double epsilon, Precision precision) {
        this.channels = channels;
        this.area = area;
        this.perChannel = new BatchNorm(channels, momentum, epsilon, precision);
    }

    /** The per-channel normalization, with one γ, one β and one running mean and variance a channel. */
    public BatchNorm perChannel() {
        return perChannel;
    }

    @Override
    public List<Parameter> parameters() {
        return perChannel.parameters();
    }

    /** The running mean and variance a channel, which a saved model and a checkpoint keep. */
    @Override
    public Map<String, Tensor> state() {
        return perChannel.state();
    }

    @Override
    public Tensor forward(Tensor input, boolean training) {
        if (input.cols() != channels * area) {
            throw new IllegalArgumentException(
                    "batch_norm expects " + channels + " channels of " + area + " pixels, got " + input.shape());
        }
        int samples = input.rows();
        pixels = Tensor.reuseOrAllocate(pixels, input.precision(), samples * area, channels);
        toPixelRows(input, pixels);
        Tensor normalized = perChannel.forward(pixels, training);
        output = Tensor.reuseOrAllocate(output, input.precision(), samples, channels * area);
        fromPixelRows(normalized, output);
        return output;
    }

    @Override
    public Tensor backward(Tensor outputGradient) {
        if (output == null) {
            throw new IllegalStateException("backward before forward");
        }
        pixelGradient = Tensor.reuseOrAllocate(
                pixelGradient, outputGradient.precision(), outputGradient.rows() * area, channels);
        toPixelRows(outputGradient, pixelGradient);
        Tensor gradient = perChannel.backward(pixelGradient);
        inputGradient = Tensor.reuseOrAllocate(
                inputGradient, outputGradient.precision(), outputGradient.rows(), channels * area);
        fromPixelRows(gradient, inputGradient);
        return inputGradient;
    }

    @Override
    public void freeze(boolean frozen) {
        perChannel.freeze(frozen);
    }

    @Override
    public void copyFrozenState(Freezable source) {
        if (!(source instanceof ChannelBatchNorm other)) {
            throw new IllegalArgumentException("cannot copy batch_norm state from " + source);
        }
        perChannel.copyFrozenState(other.perChannel);
    }

    /** {@code images} (a sample a row, channel after channel) to {@code rows}: a pixel a row, a channel a column. */
    private void toPixelRows(Tensor images, Tensor rows) {
        int samples = images.rows();
        for (int s = 0; s < samples; s++) {
            for (int c = 0; c < channels; c++) {
                int from = (s * channels + c) * area;
                for (int p = 0; p < area; p++) {
                    rows.set((s * area + p) * channels + c, images.get(from + p));
                }
            }
        }
    }

    private void fromPixelRows(Tensor rows, Tensor images) {
        int samples = images.rows();
        for (int s = 0; s < samples; s++) {
            for (int c = 0; c < channels; c++) {
                int to = (s * channels + c) * area;
                for (int p = 0; p < area; p++) {
                    images.set(to + p, rows.get((s * area + p) * channels + c));
                }
            }
        }
    }
}
