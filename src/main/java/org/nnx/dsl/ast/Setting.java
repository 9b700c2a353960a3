package org.nnx.dsl.ast;

import java.util.List;
import org.nnx.dsl.SourceLocation;

/**
 * {@code NAME args} or its call form {@code NAME(args)}: an experiment statement such as
 * {@code learning_rate 0.1}, or a layer such as {@code dense 50, init = he}.
 */
public record Setting(SourceLocation location, Identifier name, List<Argument> arguments, boolean callForm)
        implements Statement {
    public Setting {
        arguments = List.copyOf(arguments);
    }
}
