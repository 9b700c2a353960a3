package org.nnx.analysis;

import java.util.List;
import org.nnx.registry.ComponentKind;
import org.nnx.spi.ParameterSpec;

/**
 * One statement an experiment may contain.
 *
 * @param component  for {@code dataset}, {@code loss} and {@code optimizer}: the kind of component its first
 *                   value names; null for statements that take plain values or a block
 * @param parameters the values of a plain statement, in positional order
 * @param required   whether every experiment must have it
 */
record StatementSpec(String name, ComponentKind component, List<ParameterSpec> parameters, boolean required,
                     String doc) {

    static StatementSpec value(String name, ParameterSpec value, boolean required) {
        return new StatementSpec(name, null, List.of(value), required, value.doc());
    }

    static StatementSpec component(String name, ComponentKind kind, boolean required, String doc) {
        return new StatementSpec(name, kind, List.of(), required, doc);
    }

    boolean isComponent() {
        return component != null;
    }

    /** How messages name the statement: {@code 'learning_rate'}. */
    String quoted() {
        return "'" + name + "'";
    }
}
