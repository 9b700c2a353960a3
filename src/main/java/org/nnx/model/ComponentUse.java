package org.nnx.model;

import java.util.Objects;
import org.nnx.spi.Arguments;

/** A registered component by name with its checked arguments, defaults filled in: {@code dense 50}. */
public record ComponentUse(String name, Arguments arguments) {
    public ComponentUse {
        Objects.requireNonNull(name, "name");
        arguments = arguments == null ? Arguments.EMPTY : arguments;
    }

    @Override
    public String toString() {
        return arguments.isEmpty() ? name : name + " " + arguments;
    }
}
