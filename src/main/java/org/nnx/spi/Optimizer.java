package org.nnx.spi;

import java.util.List;

/**
 * Updates parameters from their gradients. Life cycle: {@link #initialize} once with the network's
 * parameters (allocating any per-parameter state), then {@link #step} once per mini-batch after the
 * gradients of that batch have been accumulated.
 */
public interface Optimizer {

    void initialize(List<Parameter> parameters);

    /** One update of every parameter given to {@link #initialize}, with step size {@code learningRate}. */
    void step(double learningRate);
}
