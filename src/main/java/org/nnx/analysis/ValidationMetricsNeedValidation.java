package org.nnx.analysis;

import java.util.function.UnaryOperator;

/** {@code early_stop} and {@code keep best} on a validation metric need a validation set to measure it on. */
final class ValidationMetricsNeedValidation implements DefinitionCheck {
    @Override
    public void check(BoundDefinition definition, AnalysisContext context, Diagnostics diagnostics) {
        double validation =
                definition.values("validation").map(a -> a.number("fraction")).orElse(0.0);
        if (validation > 0) {
            return;
        }
        needsValidation(
                definition,
                "early_stop",
                "metric",
                "val_",
                metric -> "early_stop watches '" + metric
                        + "', which needs a validation set: add 'validation 0.1' or watch another metric",
                diagnostics);
        needsValidation(
                definition,
                Statements.KEEP,
                "best",
                "validation_",
                metric -> "keep best = " + metric
                        + " needs a validation set: add 'validation 0.1' or keep the best by another metric",
                diagnostics);
    }

    /** Reports {@code statement} at its name when its {@code parameter} names a metric starting with {@code prefix}. */
    private static void needsValidation(
            BoundDefinition definition,
            String statement,
            String parameter,
            String prefix,
            UnaryOperator<String> message,
            Diagnostics diagnostics) {
        var setting = definition.view().setting(statement);
        var arguments = definition.values(statement);
        if (setting.isEmpty() || arguments.isEmpty()) {
            return;
        }
        String metric = arguments.get().string(parameter);
        if (metric.startsWith(prefix)) {
            diagnostics.error(setting.get().name().location(), message.apply(metric));
        }
    }
}
