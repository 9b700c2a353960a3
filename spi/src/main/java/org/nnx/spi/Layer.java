package org.nnx.spi;

import java.util.List;
import org.nnx.tensor.Tensor;

/**
 * One layer of a network, on mini-batches with one sample a row.
 *
 * <p>{@code forward} caches what {@code backward} needs; {@code backward} adds the gradient of the loss
 * with respect to each parameter into {@link Parameter#gradient()} and returns the gradient with respect to
 * the layer's input. The returned tensors belong to the layer and are overwritten by its next call, so a
 * training step allocates nothing once the batch size is stable. A layer runs in the precision of its
 * input: float32 in training, float64 in gradient checks.
 */
public interface Layer {

    /** The output for {@code input}; {@code training} is false while evaluating (dropout off, running stats). */
    Tensor forward(Tensor input, boolean training);

    /** The gradient with respect to the last forward's input, given the gradient with respect to its output. */
    Tensor backward(Tensor outputGradient);

    /** The trainable parameters, in a fixed order. */
    default List<Parameter> parameters() {
        return List.of();
    }
}
