package org.nnx.nn;

import org.nnx.tensor.Tensor;

/** The checks the pooling layers share. */
final class Pooling {
    private Pooling() {}

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
