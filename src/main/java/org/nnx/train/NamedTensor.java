package org.nnx.train;

import java.util.Objects;
import org.nnx.tensor.Tensor;

/**
 * One tensor of a trained network by its name in a saved model: {@code layers.<i>.<name>}, {@code i} the
 * layer's position from 0 and {@code name} the parameter's ({@code W}, {@code b}, {@code gamma}) or the state's
 * ({@code running_mean}).
 */
public record NamedTensor(String name, Tensor values) {
    public NamedTensor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(values, "values");
    }

    /** The name of tensor {@code name} of layer {@code layer}. */
    public static String nameOf(int layer, String name) {
        return "layers." + layer + "." + name;
    }
}
