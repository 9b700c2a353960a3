package org.nnx.analysis;

/** {@code early_stop} on a validation metric needs a validation set to measure it on. */
final class EarlyStopNeedsValidation implements DefinitionCheck {
    @Override
    public void check(DefinitionView definition, AnalysisContext context, Diagnostics diagnostics) {
        var earlyStop = definition.setting("early_stop");
        var arguments = Resolution.values(definition, "early_stop", context, new Diagnostics());
        if (earlyStop.isEmpty() || arguments.isEmpty()) {
            return;
        }
        String metric = arguments.get().string("metric");
        double validation = Resolution.values(definition, "validation", context, new Diagnostics())
                .map(a -> a.number("fraction")).orElse(0.0);
        if (metric.startsWith("val_") && validation == 0) {
            diagnostics.error(earlyStop.get().name().location(), "early_stop watches '" + metric
                    + "', which needs a validation set: add 'validation 0.1' or watch another metric");
        }
    }
}
