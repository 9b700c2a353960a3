package org.nnx.train;

import org.nnx.tensor.Tensor;

/**
 * How a training step gets ∂L/∂W ({@code gradient backprop} or {@code gradient numerical}): computes one
 * batch's mean loss and leaves its gradient in every parameter's {@link org.nnx.spi.Parameter#gradient()},
 * replacing what was there. {@link #close()} releases any threads.
 */
interface BatchGradient extends AutoCloseable {

    /** The mean loss of the batch {@code x} with one-hot {@code targets}, the network in training mode. */
    default double compute(Tensor x, Tensor targets) {
        return compute(x, targets, StepTimes.OFF);
    }

    /** {@link #compute(Tensor, Tensor)}, recording the time of its parts into {@code times}. */
    double compute(Tensor x, Tensor targets, StepTimes times);

    @Override
    default void close() {}

    /**
     * Says that the optimizer left every gradient zero after the last step, so the next {@link #compute} need not
     * zero them again. Only once: a step that keeps its gradients does not call it.
     */
    default void gradientsCleared() {}

    /**
     * Backpropagation whose backward also steps the weights ({@link Network#descendInBackward}): the gradients
     * are neither read nor zeroed.
     */
    static BatchGradient descending(Network network, org.nnx.spi.Loss loss) {
        return (x, targets, times) -> forwardAndBackward(network, loss, x, targets, times);
    }

    /** Backpropagation: one forward, one backward, on gradients zeroed first unless the optimizer cleared them. */
    static BatchGradient backprop(Network network, org.nnx.spi.Loss loss) {
        return new BatchGradient() {
            private boolean cleared;

            @Override
            public double compute(Tensor x, Tensor targets, StepTimes times) {
                if (!cleared) {
                    network.zeroGradients();
                }
                cleared = false;
                times.mark(StepTimes.Part.UPDATE);
                return forwardAndBackward(network, loss, x, targets, times);
            }

            @Override
            public void gradientsCleared() {
                cleared = true;
            }
        };
    }

    private static double forwardAndBackward(
            Network network, org.nnx.spi.Loss loss, Tensor x, Tensor targets, StepTimes times) {
        Tensor output = network.forward(x, true);
        times.mark(StepTimes.Part.FORWARD);
        double value = loss.forward(output, targets);
        Tensor outputGradient = loss.backward();
        times.mark(StepTimes.Part.LOSS);
        network.backward(outputGradient);
        times.mark(StepTimes.Part.BACKWARD);
        return value;
    }
}
