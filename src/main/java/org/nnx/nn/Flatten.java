package org.nnx.nn;

import org.nnx.spi.Layer;
import org.nnx.tensor.Tensor;

/**
 * Images to flat features. A batch already holds each image as one row, channel after channel, so the values
 * pass through unchanged in both directions; only the shape the layers after it see changes.
 */
public final class Flatten implements Layer {
    @Override
    public Tensor forward(Tensor input, boolean training) {
        return input;
    }

    @Override
    public Tensor backward(Tensor outputGradient) {
        return outputGradient;
    }
}
