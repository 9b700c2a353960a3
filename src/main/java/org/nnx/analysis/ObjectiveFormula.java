package org.nnx.analysis;

/** An objective's formula is well formed and its start point gives every variable it uses a value. */
final class ObjectiveFormula implements DefinitionCheck {
    @Override
    public void check(DefinitionView objective, AnalysisContext context, Diagnostics diagnostics) {
        var minimize = objective.setting("minimize").flatMap(s -> Formulas.minimize(s, diagnostics));
        var start = objective.setting("start").flatMap(s -> Formulas.start(s, diagnostics));
        if (minimize.isPresent() && start.isPresent() && minimize.get().variables() > start.get().size()) {
            diagnostics.error(objective.setting("start").orElseThrow().arguments().get(0).location(),
                    "'minimize' uses x" + (minimize.get().variables() - 1) + " but 'start' has "
                            + start.get().size() + (start.get().size() == 1 ? " coordinate" : " coordinates"));
        }
    }
}
