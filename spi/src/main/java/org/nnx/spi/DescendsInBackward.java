package org.nnx.spi;

/**
 * A layer that can take the plain gradient-descent step {@code W ← W − η·dW} on its own parameters inside
 * {@link #backward}, instead of adding {@code dW} into {@link Parameter#gradient()} for an optimizer to step
 * later. That saves the passes over the gradients that zeroing them and stepping them would take.
 *
 * <p>nnx asks for it only when the optimizer is a {@link PlainGradientDescent}, no {@code weight_decay} is set and
 * the gradients come from backprop, and only if every layer with parameters implements this interface and answers
 * {@link #canDescendInBackward()} with true; then it calls {@link #descendInBackward} once on each of them, before
 * the first training step, and neither zeroes nor reads the gradients afterwards.
 */
public interface DescendsInBackward extends Layer {

    /** Whether this layer, as built (for instance in its precision), can take the step in backward. */
    boolean canDescendInBackward();

    /**
     * From now on, every training backward steps each of this layer's parameters by {@code −learningRate} times
     * the batch's gradient and leaves {@link Parameter#gradient()} untouched. The gradient it returns for its
     * input must still be the one at the parameters the forward used, before the step.
     */
    void descendInBackward(double learningRate);
}
