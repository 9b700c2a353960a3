package org.nnx.spi;

import java.util.List;
import java.util.Map;
import org.nnx.tensor.Tensor;

/**
 * Updates parameters from their gradients. Life cycle: {@link #initialize} once with the network's
 * parameters (allocating any per-parameter state), then {@link #step} once per mini-batch after the
 * gradients of that batch have been accumulated.
 */
public interface Optimizer {

    void initialize(List<Parameter> parameters);

    /** One update of every parameter given to {@link #initialize}, with step size {@code learningRate}. */
    void step(double learningRate);

    /**
     * What the optimizer has learnt between steps, by name, for a checkpoint: velocities, moments, a step count.
     * An optimizer that keeps state must give all of it here, or a run resumed from a checkpoint takes other
     * steps than one never interrupted. Copies or live tensors; empty for plain gradient descent.
     */
    default Map<String, Tensor> state() {
        return Map.of();
    }

    /**
     * Takes back the state {@link #state()} gave, after {@link #initialize} with the same parameters.
     *
     * @throws IllegalArgumentException naming a tensor that is missing or of another shape
     */
    default void restoreState(Map<String, Tensor> saved) {
        for (Map.Entry<String, Tensor> entry : state().entrySet()) {
            Tensor value = saved.get(entry.getKey());
            if (value == null) {
                throw new IllegalArgumentException("no optimizer state '" + entry.getKey() + "'");
            }
            entry.getValue().copyFrom(value);
        }
    }
}
