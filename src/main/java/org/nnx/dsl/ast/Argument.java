package org.nnx.dsl.ast;

import java.util.Optional;
import org.nnx.dsl.SourceLocation;

/** A positional argument, or a named one {@code init = he}. */
public record Argument(SourceLocation location, Optional<Identifier> name, Expression value) implements Node {}
