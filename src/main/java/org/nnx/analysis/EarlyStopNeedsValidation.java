package org.nnx.analysis;

/** {@code early_stop} on a validation metric needs a validation set to measure it on. */
final class EarlyStopNeedsValidation implements DefinitionCheck {
    @Override
    public void check(BoundDefinition definition, AnalysisContext context, Diagnostics diagnostics) {
        var earlyStop = definition.view().setting("early_stop");
        var arguments = definition.values("early_stop");
        if (earlyStop.isEmpty() || arguments.isEmpty()) {
            return;
        }
        String metric = arguments.get().string("metric");
        double validation =
                definition.values("validation").map(a -> a.number("fraction")).orElse(0.0);
        if (metric.startsWith("val_") && validation == 0) {
            diagnostics.error(
                    earlyStop.get().name().location(),
                    "early_stop watches '" + metric
                            + "', which needs a validation set: add 'validation 0.1' or watch another metric");
        }
    }
}
