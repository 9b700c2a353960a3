package org.nnx.spi;

/**
 * A layer that can leave out the gradient with respect to its input when nothing reads it.
 *
 * <p>The first layer of a network receives the data, whose gradient training never uses. Before training, nnx
 * calls {@link #skipInputGradient()} on the first layer when it implements this interface; from then on its
 * {@link #backward} still adds into its parameters' gradients as usual but may return null instead of the input
 * gradient. Layers after the first are never told, and a layer that does not implement this is unaffected.
 */
public interface SkipsInputGradient extends Layer {

    /** From now on, {@link #backward} may skip the input gradient and return null. */
    void skipInputGradient();
}
