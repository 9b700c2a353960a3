package org.nnx.analysis;

/** An objective that takes steps needs their size; one of {@code steps 0} only evaluates its start points. */
final class StepsNeedALearningRate implements DefinitionCheck {
    @Override
    public void check(BoundDefinition objective, AnalysisContext context, Diagnostics diagnostics) {
        long steps = objective.values("steps").map(a -> a.integer("count")).orElse(0L);
        if (steps > 0 && objective.view().setting("learning_rate").isEmpty()) {
            diagnostics.error(
                    objective.view().definition().name().location(),
                    "objective '"
                            + objective.view().name() + "' takes " + steps
                            + " steps but has no 'learning_rate' (the step "
                            + "size η); give one, or 'steps 0' to evaluate f and ∇f at the start only");
        }
    }
}
