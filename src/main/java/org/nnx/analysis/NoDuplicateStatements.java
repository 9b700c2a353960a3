package org.nnx.analysis;

import java.util.HashMap;
import java.util.Map;
import org.nnx.dsl.ast.Statement;

/**
 * A statement is written at most once per definition; a second one would silently win or lose. Runs on
 * definitions as written, before {@code extends} merges them and before anything is bound.
 */
final class NoDuplicateStatements {
    private NoDuplicateStatements() {}

    static void check(DefinitionView definition, Diagnostics diagnostics) {
        Map<String, Statement> first = new HashMap<>();
        for (Statement statement : definition.statements()) {
            String name = DefinitionView.nameOf(statement);
            Statement earlier = first.putIfAbsent(name, statement);
            if (earlier != null) {
                diagnostics.error(
                        statement.location(),
                        "'" + name + "' is set twice; first at line "
                                + earlier.location().line());
            }
        }
    }
}
