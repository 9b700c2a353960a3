package org.nnx.analysis;

import org.nnx.dsl.ast.Setting;

/** Each statement's values have the right type and range; components and modes name a known one. */
final class StatementValues implements DefinitionCheck {
    @Override
    public void check(DefinitionView definition, AnalysisContext context, Diagnostics diagnostics) {
        for (Setting setting : definition.settings()) {
            Statements.find(definition.kind(), setting.name().name())
                    .ifPresent(spec -> Resolution.bind(spec, setting, context, diagnostics));
        }
    }
}
