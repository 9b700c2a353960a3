package org.nnx.spi;

import java.util.Objects;

/** A named component with its arguments, as a parameter's value: {@code gaussian(0.01)} or {@code he}. */
public record ComponentCall(String name, Arguments arguments) {
    public ComponentCall {
        Objects.requireNonNull(name, "name");
        arguments = arguments == null ? Arguments.EMPTY : arguments;
    }

    @Override
    public String toString() {
        return arguments.isEmpty() ? name : name + "(" + arguments + ")";
    }
}
