package org.nnx.analysis;

import java.util.List;
import java.util.Map;
import org.nnx.registry.ComponentKind;
import org.nnx.spi.ParameterSpec;

/**
 * One statement a definition may contain, in one of these forms:
 * <ul>
 *   <li>{@link Form#VALUES}: {@code parameters} are its values in positional order ({@code batch_size 100});</li>
 *   <li>{@link Form#COMPONENT} ({@code dataset}, {@code loss}, {@code optimizer}): its first value names a
 *       registered component of {@code component}'s kind, options follow;</li>
 *   <li>{@link Form#MODE} ({@code gradient}): its value names one of {@code modes}, each with its options;</li>
 *   <li>{@link Form#BLOCK} ({@code model});</li>
 *   <li>{@link Form#FORMULA} ({@code minimize}, {@code start}): an expression of variables or a point,
 *       checked by the objective's own checks;</li>
 *   <li>{@link Form#SEARCH} ({@code search}, {@code budget}): how the runs are chosen, read by
 *       {@link SearchStatements}.</li>
 * </ul>
 *
 * @param required whether every definition of its kind must have it
 */
record StatementSpec(
        String name,
        Form form,
        ComponentKind component,
        Map<String, List<ParameterSpec>> modes,
        List<ParameterSpec> parameters,
        boolean required,
        String doc) {

    enum Form {
        VALUES,
        COMPONENT,
        MODE,
        BLOCK,
        FORMULA,
        SEARCH
    }

    StatementSpec {
        modes = modes == null ? Map.of() : Map.copyOf(modes);
        parameters = List.copyOf(parameters);
    }

    static StatementSpec value(String name, ParameterSpec value, boolean required) {
        return new StatementSpec(name, Form.VALUES, null, null, List.of(value), required, value.doc());
    }

    static StatementSpec values(String name, boolean required, String doc, ParameterSpec... values) {
        return new StatementSpec(name, Form.VALUES, null, null, List.of(values), required, doc);
    }

    static StatementSpec component(String name, ComponentKind kind, boolean required, String doc) {
        return new StatementSpec(name, Form.COMPONENT, kind, null, List.of(), required, doc);
    }

    static StatementSpec modes(String name, Map<String, List<ParameterSpec>> modes, String doc) {
        return new StatementSpec(name, Form.MODE, null, modes, List.of(), false, doc);
    }

    static StatementSpec block(String name, String doc) {
        return new StatementSpec(name, Form.BLOCK, null, null, List.of(), true, doc);
    }

    static StatementSpec formula(String name, String doc) {
        return formula(name, true, doc);
    }

    static StatementSpec formula(String name, boolean required, String doc) {
        return new StatementSpec(name, Form.FORMULA, null, null, List.of(), required, doc);
    }

    static StatementSpec search(String name, String doc) {
        return new StatementSpec(name, Form.SEARCH, null, null, List.of(), false, doc);
    }

    /** How messages name the statement: {@code 'learning_rate'}. */
    String quoted() {
        return "'" + name + "'";
    }
}
