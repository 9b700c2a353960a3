package org.nnx.dsl.ast;

import java.util.List;
import java.util.Optional;
import org.nnx.dsl.SourceLocation;

/** {@code experiment NAME extends PARENT { … }} or {@code objective NAME { … }}. */
public record Definition(
        SourceLocation location, Kind kind, Identifier name, Optional<Identifier> parent, List<Statement> statements)
        implements Node {

    public enum Kind {
        EXPERIMENT,
        OBJECTIVE;

        public String keyword() {
            return name().toLowerCase();
        }
    }

    public Definition {
        statements = List.copyOf(statements);
    }
}
