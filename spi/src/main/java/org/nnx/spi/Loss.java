package org.nnx.spi;

import org.nnx.tensor.Tensor;

/**
 * A loss: how badly a batch of network outputs fits its targets, a per-sample loss averaged over the batch.
 * {@code forward} caches what {@code backward} needs.
 */
public interface Loss {

    /** The mean loss of the batch; {@code targets} is one-hot, one row per sample. */
    double forward(Tensor output, Tensor targets);

    /** The gradient of the last forward's mean loss with respect to its output; owned by the loss. */
    Tensor backward();
}
