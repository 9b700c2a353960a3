package org.nnx.dsl.ast;

import org.nnx.dsl.SourceLocation;

/** A piece of a parsed {@code .nnx} file. Nodes are immutable and know where they were written. */
public interface Node {
    SourceLocation location();
}
