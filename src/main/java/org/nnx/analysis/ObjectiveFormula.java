package org.nnx.analysis;

/** An objective's start point gives every variable its formula uses a value. */
final class ObjectiveFormula implements DefinitionCheck {
    @Override
    public void check(BoundDefinition objective, AnalysisContext context, Diagnostics diagnostics) {
        var minimize = objective.minimize();
        var start = objective.start();
        if (minimize.isPresent()
                && start.isPresent()
                && minimize.get().variables() > start.get().size()) {
            diagnostics.error(
                    objective
                            .view()
                            .setting("start")
                            .orElseThrow()
                            .arguments()
                            .get(0)
                            .location(),
                    "'minimize' uses x" + (minimize.get().variables() - 1) + " but 'start' has "
                            + start.get().size() + (start.get().size() == 1 ? " coordinate" : " coordinates"));
        }
    }
}
