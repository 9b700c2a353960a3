package org.nnx.nn;

import java.util.ArrayList;
import java.util.List;
import org.nnx.spi.Parameter;
import org.nnx.tensor.Tensor;

/** Helpers shared by the optimizers: hyperparameter checks and per-parameter state. */
final class OptimizerState {
    private OptimizerState() {}

    /** One zero tensor per parameter, of its shape and precision: a velocity, an accumulator, a moment. */
    static Tensor[] zerosLike(List<Parameter> parameters) {
        List<Tensor> state = new ArrayList<>(parameters.size());
        for (Parameter parameter : parameters) {
            Tensor value = parameter.value();
            state.add(Tensor.zeros(value.precision(), value.rows(), value.cols()));
        }
        return state.toArray(new Tensor[0]);
    }

    /** Fails unless {@code value} is in [0, 1): a momentum, a decay rate, a β. */
    static double fraction(String name, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1): " + value);
        }
        return value;
    }

    /** Fails unless {@code value} is finite and &gt; 0: an ε. */
    static double positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and > 0: " + value);
        }
        return value;
    }
}
