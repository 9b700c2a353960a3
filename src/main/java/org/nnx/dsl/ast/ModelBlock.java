package org.nnx.dsl.ast;

import java.util.List;
import org.nnx.dsl.SourceLocation;

/** {@code model { … }}: the layers, one a line, input to output. */
public record ModelBlock(SourceLocation location, List<Statement> layers) implements Statement {
    public ModelBlock {
        layers = List.copyOf(layers);
    }
}
