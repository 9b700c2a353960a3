package org.nnx.spi;

import org.nnx.tensor.Tensor;

/**
 * A trainable tensor and the gradient of the loss with respect to it. Layers add into {@link #gradient()}
 * during backward (gradients accumulate); the trainer zeroes it before each step.
 *
 * @param name    the parameter's name within its layer, {@code W} or {@code b}
 * @param value   the values the optimizer updates in place
 * @param gradient same shape as {@code value}
 * @param decays  whether {@code weight_decay} applies (weights yes, biases no)
 */
public record Parameter(String name, Tensor value, Tensor gradient, boolean decays) {
    public Parameter {
        if (value.rows() != gradient.rows() || value.cols() != gradient.cols()) {
            throw new IllegalArgumentException("gradient " + gradient.shape() + " for value " + value.shape());
        }
    }

    /** A parameter with a zero gradient of the same shape and precision. */
    public static Parameter of(String name, Tensor value, boolean decays) {
        return new Parameter(name, value, Tensor.zeros(value.precision(), value.rows(), value.cols()), decays);
    }
}
