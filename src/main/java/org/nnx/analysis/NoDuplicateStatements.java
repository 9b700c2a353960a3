package org.nnx.analysis;

import java.util.HashMap;
import java.util.Map;
import org.nnx.dsl.ast.Statement;

/** A statement is written at most once per experiment; a second one would silently win or lose. */
final class NoDuplicateStatements implements ExperimentCheck {
    @Override
    public void check(Experiment experiment, AnalysisContext context, Diagnostics diagnostics) {
        Map<String, Statement> first = new HashMap<>();
        for (Statement statement : experiment.statements()) {
            String name = Experiment.nameOf(statement);
            Statement earlier = first.putIfAbsent(name, statement);
            if (earlier != null) {
                diagnostics.error(statement.location(), "'" + name + "' is set twice; first at line "
                        + earlier.location().line());
            }
        }
    }
}
