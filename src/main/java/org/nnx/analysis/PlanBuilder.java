package org.nnx.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nnx.model.ComponentUse;
import org.nnx.model.ExperimentPlan;
import org.nnx.model.RunConfig;
import org.nnx.model.RunPlan;
import org.nnx.model.Sampling;
import org.nnx.model.TrainingLength;
import org.nnx.spi.Arguments;
import org.nnx.spi.ComponentCall;

/** Turns an experiment that passed every check into its plan. */
final class PlanBuilder {
    private final AnalysisContext context;

    PlanBuilder(AnalysisContext context) {
        this.context = context;
    }

    ExperimentPlan build(Experiment experiment) {
        // Every value below was validated by the checks; a failure here is a bug in a check.
        Diagnostics none = new Diagnostics();
        ComponentCall dataset = Resolution.component(experiment, "dataset", context, none).orElseThrow();
        ComponentCall loss = Resolution.component(experiment, "loss", context, none).orElseThrow();
        ComponentCall optimizer = experiment.setting("optimizer").isPresent()
                ? Resolution.component(experiment, "optimizer", context, none).orElseThrow()
                : new ComponentCall("sgd", Arguments.EMPTY);
        List<ComponentUse> written = Resolution.layers(experiment, context, none).orElseThrow().stream()
                .map(PlanBuilder::use).toList();
        List<ComponentUse> layers = new ArrayList<>(written);
        // cross_entropy applies softmax itself: a final softmax layer is fused into it, not applied twice.
        if (context.registry().loss(loss.name()).appliesSoftmax() && layers.size() > 1
                && layers.get(layers.size() - 1).name().equals("softmax")) {
            layers.remove(layers.size() - 1);
        }
        TrainingLength length = experiment.setting(Statements.EPOCHS).isPresent()
                ? TrainingLength.epochs(values(experiment, Statements.EPOCHS).integer("count"))
                : TrainingLength.iterations(values(experiment, Statements.ITERATIONS).integer("count"));
        RunConfig config = new RunConfig(
                use(dataset), layers, use(loss), use(optimizer),
                values(experiment, "learning_rate").number("rate"),
                (int) values(experiment, "batch_size").integer("size"),
                length,
                Sampling.valueOf(values(experiment, "sampling").string("mode").toUpperCase()),
                values(experiment, "seed").integer("seed"),
                experiment.setting("evaluate_every").isPresent()
                        ? values(experiment, "evaluate_every").integer("iterations") : 0,
                0, 0, org.nnx.model.EarlyStop.OFF, org.nnx.model.GradientMode.BACKPROP);
        String description = experiment.setting("description").isPresent()
                ? values(experiment, "description").string("text") : "";
        RunPlan run = new RunPlan(experiment.name(), Map.of(), config);
        String effective = new ConfigPrinter(context.registry()).print(experiment.name(), description, written, config);
        return new ExperimentPlan(experiment.name(), description, experiment.definition().location().file().path(),
                List.of(run), effective);
    }

    private Arguments values(Experiment experiment, String statement) {
        return Resolution.values(experiment, statement, context, new Diagnostics()).orElseThrow();
    }

    private static ComponentUse use(ComponentCall call) {
        return new ComponentUse(call.name(), call.arguments());
    }
}
