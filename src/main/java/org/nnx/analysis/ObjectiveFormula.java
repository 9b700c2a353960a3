package org.nnx.analysis;

import java.util.List;

/** An objective's start point gives every variable its formula uses a value. */
final class ObjectiveFormula implements DefinitionCheck {
    @Override
    public void check(BoundDefinition objective, AnalysisContext context, Diagnostics diagnostics) {
        var minimize = objective.minimize();
        if (minimize.isEmpty() || minimize.get().variables() == 0) {
            return;
        }
        var written = objective.view().setting("start");
        if (written.isEmpty()) {
            diagnostics.error(
                    objective.view().definition().name().location(),
                    "objective '" + objective.view().name()
                            + "' has no 'start' point, which 'minimize' needs: it uses x"
                            + (minimize.get().variables() - 1));
            return;
        }
        List<Double> start = objective.start().orElse(null);
        if (start != null && minimize.get().variables() > start.size()) {
            diagnostics.error(
                    written.get().arguments().get(0).location(),
                    "'minimize' uses x"
                            + (minimize.get().variables() - 1) + " but 'start' has " + start.size()
                            + (start.size() == 1 ? " coordinate" : " coordinates"));
        }
    }
}
