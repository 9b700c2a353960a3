package org.nnx.train;

import org.nnx.tensor.Tensor;

/**
 * How a training step gets ∂L/∂W ({@code gradient backprop} or {@code gradient numerical}): computes one
 * batch's mean loss and leaves its gradient in every parameter's {@link org.nnx.spi.Parameter#gradient()},
 * replacing what was there. {@link #close()} releases any threads.
 */
interface BatchGradient extends AutoCloseable {

    /** The mean loss of the batch {@code x} with one-hot {@code targets}, the network in training mode. */
    double compute(Tensor x, Tensor targets);

    @Override
    default void close() {
    }

    /**
     * Backpropagation whose backward also steps the weights ({@link Network#descendInBackward}): the gradients
     * are neither read nor zeroed.
     */
    static BatchGradient descending(Network network, org.nnx.spi.Loss loss) {
        return (x, targets) -> {
            double value = loss.forward(network.forward(x, true), targets);
            network.backward(loss.backward());
            return value;
        };
    }

    /** Backpropagation: one forward, one backward. */
    static BatchGradient backprop(Network network, org.nnx.spi.Loss loss) {
        return (x, targets) -> {
            network.zeroGradients();
            double value = loss.forward(network.forward(x, true), targets);
            network.backward(loss.backward());
            return value;
        };
    }
}
