package org.nnx.analysis;

import org.nnx.dsl.ast.Setting;

/** Every statement of an experiment is one the language defines; a typo gets the nearest name. */
final class KnownStatements implements ExperimentCheck {
    @Override
    public void check(Experiment experiment, AnalysisContext context, Diagnostics diagnostics) {
        for (Setting setting : experiment.settings()) {
            String name = setting.name().name();
            if (Statements.NOT_YET_SUPPORTED.contains(name)) {
                diagnostics.error(setting.name().location(), "statement '" + name + "' is not supported yet");
            } else if (Statements.find(name).isEmpty()) {
                diagnostics.error(setting.name().location(),
                        Suggestions.unknown("statement", name, Statements.knownNames()));
            }
        }
    }
}
