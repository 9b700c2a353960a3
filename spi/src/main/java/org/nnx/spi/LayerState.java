package org.nnx.spi;

import java.util.Map;
import org.nnx.tensor.Tensor;

/**
 * What a layer holds besides its {@link Layer#parameters() parameters} that a saved model must keep to compute
 * the same outputs: batch normalization's running statistics, say. A layer without such state need not
 * implement it; one that has some and does not is saved without it.
 */
public interface LayerState {

    /** The state by name, in a fixed order, as live tensors: {@link #restoreState} writes back what it read. */
    Map<String, Tensor> state();

    /**
     * Sets the state from tensors of the shapes {@link #state()} has, by the same names.
     *
     * @throws IllegalArgumentException naming a tensor that is missing or of another shape
     */
    default void restoreState(Map<String, Tensor> saved) {
        for (Map.Entry<String, Tensor> entry : state().entrySet()) {
            Tensor value = saved.get(entry.getKey());
            if (value == null) {
                throw new IllegalArgumentException("no tensor '" + entry.getKey() + "'");
            }
            entry.getValue().copyFrom(value);
        }
    }
}
