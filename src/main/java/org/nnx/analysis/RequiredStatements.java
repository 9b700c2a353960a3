package org.nnx.analysis;

import org.nnx.dsl.ast.Statement;

/** The statements without a default are present, and the training length is given exactly once. */
final class RequiredStatements implements ExperimentCheck {
    @Override
    public void check(Experiment experiment, AnalysisContext context, Diagnostics diagnostics) {
        var where = experiment.definition().name().location();
        for (StatementSpec spec : Statements.all()) {
            if (spec.required() && experiment.statements().stream()
                    .noneMatch(s -> Experiment.nameOf(s).equals(spec.name()))) {
                diagnostics.error(where, "experiment '" + experiment.name() + "' has no '" + spec.name()
                        + "' statement (" + spec.doc() + ")");
            }
        }
        var epochs = experiment.setting(Statements.EPOCHS);
        var iterations = experiment.setting(Statements.ITERATIONS);
        if (epochs.isEmpty() && iterations.isEmpty()) {
            diagnostics.error(where, "experiment '" + experiment.name()
                    + "' has neither 'epochs' nor 'iterations'; give one");
        } else if (epochs.isPresent() && iterations.isPresent()) {
            Statement later = epochs.get().location().compareTo(iterations.get().location()) > 0
                    ? epochs.get() : iterations.get();
            diagnostics.error(later.location(), "'epochs' and 'iterations' cannot both be set; keep one");
        }
    }
}
