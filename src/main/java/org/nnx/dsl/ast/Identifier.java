package org.nnx.dsl.ast;

import org.nnx.dsl.SourceLocation;

/** A name as written, with its place. */
public record Identifier(SourceLocation location, String name) implements Node {
    @Override
    public String toString() {
        return name;
    }
}
