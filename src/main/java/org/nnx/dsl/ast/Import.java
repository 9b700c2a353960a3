package org.nnx.dsl.ast;

import org.nnx.dsl.SourceLocation;

/** {@code import "common.nnx"}: the path as written, relative to the importing file. */
public record Import(SourceLocation location, String path) implements Node {}
