package org.nnx.nn;

import org.nnx.spi.Layer;
import org.nnx.tensor.Tensor;

/**
 * What the window pooling layers share: images of {@code channels × height × width}, one image a row, pooled
 * channel by channel through one {@link Window}; and the checks of an image layer's input and output gradient,
 * which {@link Conv2d} and {@link GlobalAvgPool} make too.
 */
abstract class Pooling implements Layer {
    final int channels;
    final int height;
    final int width;
    final Window window;
    final int outHeight;
    final int outWidth;

    Tensor output;
    Tensor inputGradient;
    /** The columns of the last forward's input. */
    int inputCols;

    Pooling(int channels, int height, int width, Window window) {
        window.checkFits("pool", height, width);
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.window = window;
        this.outHeight = window.outputHeight(height);
        this.outWidth = window.outputWidth(width);
    }

    public int outputSize() {
        return channels * outHeight * outWidth;
    }

    /** Checks a forward's input, sizes its output and remembers the input's width; returns the output. */
    final Tensor startForward(String layer, Tensor input) {
        checkInput(layer, input, channels, height, width);
        output = Tensor.reuseOrAllocate(output, input.precision(), input.rows(), outputSize());
        inputCols = input.cols();
        return output;
    }

    /** Checks a backward's gradient against the last forward and returns the input gradient, zeroed. */
    final Tensor startBackward(Tensor outputGradient) {
        if (output == null) {
            throw new IllegalStateException("backward before forward");
        }
        checkGradient(outputGradient, output.rows(), output.cols());
        inputGradient = Tensor.reuseOrAllocate(inputGradient, output.precision(), output.rows(), inputCols);
        inputGradient.fill(0);
        return inputGradient;
    }

    static void checkInput(String layer, Tensor input, int channels, int height, int width) {
        int features = channels * height * width;
        if (input.cols() != features) {
            throw new IllegalArgumentException(layer + " expects " + channels + "×" + height + "×" + width + " = "
                    + features + " inputs, got " + input.shape());
        }
    }

    static void checkGradient(Tensor outputGradient, int samples, int outputSize) {
        if (outputGradient.rows() != samples || outputGradient.cols() != outputSize) {
            throw new IllegalArgumentException(
                    "output gradient " + outputGradient.shape() + " for output " + samples + "×" + outputSize);
        }
    }
}
