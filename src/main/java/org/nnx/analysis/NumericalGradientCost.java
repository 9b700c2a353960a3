package org.nnx.analysis;

import java.util.Locale;
import java.util.Optional;

/**
 * {@code gradient numerical} evaluates the loss twice for every parameter at every step: a warning says how
 * many evaluations a run makes when that is enough to take minutes, so that nobody waits unawares. {@code nnx
 * run} also times the first step and says how long the run will take.
 */
final class NumericalGradientCost implements DefinitionCheck {
    /** Past this many loss evaluations a run takes minutes or more. */
    static final double MANY_EVALUATIONS = 1e7;

    @Override
    public void check(BoundDefinition experiment, AnalysisContext context, Diagnostics diagnostics) {
        var gradient = experiment.component("gradient");
        if (gradient.isEmpty() || !gradient.get().name().equals("numerical")) {
            return;
        }
        Optional<RunSizing> sized = RunSizing.of(experiment, context);
        if (sized.isEmpty()) {
            return;
        }
        long parameters = sized.get().layers().stream()
                .mapToLong(MemoryEstimate.Layer::parameters)
                .sum();
        long steps = experiment
                .values(Statements.EPOCHS)
                .map(a -> a.integer("count")
                        * Math.max(
                                1,
                                (sized.get().dataset().train().size()
                                                + sized.get().batchSize()
                                                - 1)
                                        / sized.get().batchSize()))
                .or(() -> experiment.values(Statements.ITERATIONS).map(a -> a.integer("count")))
                .orElse(0L);
        double evaluations = 2.0 * parameters * steps;
        if (evaluations > MANY_EVALUATIONS) {
            diagnostics.warning(
                    experiment.view().setting("gradient").orElseThrow().location(),
                    String.format(
                            Locale.ROOT,
                            "gradient numerical evaluates the loss twice a parameter a step: %,d parameters "
                                    + "and %,d steps make %.3g evaluations, which takes minutes or hours ('nnx run' times the "
                                    + "first step and says how long); 'gradient check' compares with backprop on a few "
                                    + "samples instead",
                            parameters,
                            steps,
                            evaluations));
        }
    }
}
