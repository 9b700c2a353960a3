package org.nnx.analysis;

import org.nnx.dsl.ast.Argument;
import org.nnx.dsl.ast.Setting;

/** Each plain statement's values have the right type and range; components name a registered one. */
final class StatementValues implements ExperimentCheck {
    @Override
    public void check(Experiment experiment, AnalysisContext context, Diagnostics diagnostics) {
        for (Setting setting : experiment.settings()) {
            Statements.find(setting.name().name()).ifPresent(spec -> {
                if (spec.isComponent()) {
                    component(spec, setting, context, diagnostics);
                } else if (!spec.name().equals(Statements.MODEL)) {
                    context.binder().bind(spec.quoted(), setting.name().location(), setting.arguments(),
                            spec.parameters(), diagnostics);
                }
            });
        }
    }

    private static void component(StatementSpec spec, Setting setting, AnalysisContext context, Diagnostics diagnostics) {
        if (setting.arguments().isEmpty()) {
            diagnostics.error(setting.name().location(), spec.quoted() + " needs a " + spec.component().label() + " name");
            return;
        }
        Argument first = setting.arguments().get(0);
        if (first.name().isPresent()) {
            diagnostics.error(first.location(), spec.quoted() + " must start with a " + spec.component().label()
                    + " name, before any option");
            return;
        }
        context.binder().component(spec.component(), spec.quoted(), first.value(),
                setting.arguments().subList(1, setting.arguments().size()), diagnostics);
    }
}
