package org.nnx.nn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** Live per-parameter tensors by name, {@code <prefix>.<p>} for parameter {@code p}, for a checkpoint. */
    static Map<String, Tensor> named(String prefix, Tensor[] tensors, Map<String, Tensor> into) {
        for (int p = 0; p < tensors.length; p++) {
            into.put(prefix + "." + p, tensors[p]);
        }
        return into;
    }

    /** A fresh map in order, for {@link #named}. */
    static Map<String, Tensor> ordered() {
        return new LinkedHashMap<>();
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
