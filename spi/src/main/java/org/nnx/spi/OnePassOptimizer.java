package org.nnx.spi;

/**
 * An optimizer that takes {@code weight_decay} and the clearing of the gradients into its own pass over each
 * parameter, instead of the trainer running a pass for each before and after its {@link #step}: on a wide layer
 * each such pass reads or writes megabytes, and the optimizer reads the same values anyway.
 *
 * <p>Optimizers that do not implement this keep the plain contract: the trainer adds {@code λ·W} into the
 * gradients of the parameters that {@link Parameter#decays() decay}, sums the penalty and zeroes the gradients
 * itself, and calls {@link #step(double)}.
 */
public interface OnePassOptimizer extends Optimizer {

    /**
     * One update of every parameter, as {@link #step(double)} takes it after the trainer has added
     * {@code weightDecay·W} into the gradient of each parameter that decays, and the same bits.
     *
     * @param clearGradients whether to leave every gradient zero afterwards, ready for the next batch's backward;
     *     otherwise each gradient is left as the step used it, {@code λ·W} included
     * @return the penalty {@code weightDecay/2 · Σ‖W‖²} over the decaying parameters at their values before the
     *     step; 0 when {@code weightDecay} is 0. Its bits do not depend on the number of cores.
     */
    double step(double learningRate, double weightDecay, boolean clearGradients);
}
