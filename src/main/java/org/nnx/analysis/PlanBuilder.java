package org.nnx.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.nnx.spi.ComponentCall;
import org.nnx.model.EarlyStop;
import org.nnx.model.GradientMode;
import org.nnx.model.ObjectiveRun;
import org.nnx.model.RunConfig;
import org.nnx.model.RunPlan;
import org.nnx.model.Sampling;
import org.nnx.model.TrainingLength;
import org.nnx.spi.Arguments;
import org.nnx.spi.ComponentCall;

/** Turns one variant of a definition that passed every check into its runs. */
final class PlanBuilder {
    private final AnalysisContext context;

    PlanBuilder(AnalysisContext context) {
        this.context = context;
    }

    /** The runs of one configuration: one, or {@code repeat N} with seeds seed, seed+1, …. */
    List<RunPlan> experimentRuns(DefinitionView experiment, Map<String, String> varying) {
        RunConfig config = config(experiment);
        int repeat = (int) values(experiment, "repeat").integer("count");
        String configuration = varying.isEmpty() ? experiment.name() : runName(varying);
        if (repeat == 1) {
            return List.of(new RunPlan(configuration, varying, config, configuration));
        }
        List<RunPlan> runs = new ArrayList<>();
        for (int k = 0; k < repeat; k++) {
            long seed = config.seed() + k;
            Map<String, String> withSeed = new LinkedHashMap<>(varying);
            withSeed.put("seed", Long.toString(seed));
            runs.add(new RunPlan(runName(withSeed), withSeed, withSeed(config, seed), configuration));
        }
        return runs;
    }

    ObjectiveRun objectiveRun(DefinitionView objective, Map<String, String> varying) {
        Diagnostics none = new Diagnostics();
        return new ObjectiveRun(varying.isEmpty() ? objective.name() : runName(varying), varying,
                Formulas.minimize(objective.setting("minimize").orElseThrow(), none).orElseThrow(),
                Formulas.start(objective.setting("start").orElseThrow(), none).orElseThrow(),
                values(objective, "learning_rate").number("rate"),
                values(objective, "steps").integer("count"),
                gradient(objective));
    }

    static String runName(Map<String, String> varying) {
        return varying.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }

    private RunConfig config(DefinitionView experiment) {
        // Every value below was validated by the checks; a failure here is a bug in a check.
        Diagnostics none = new Diagnostics();
        ComponentCall dataset = Resolution.component(experiment, "dataset", context, none).orElseThrow();
        ComponentCall loss = Resolution.component(experiment, "loss", context, none).orElseThrow();
        ComponentCall optimizer = Resolution.component(experiment, "optimizer", context, none)
                .orElse(new ComponentCall("sgd", Arguments.EMPTY));
        List<ComponentCall> layers = new ArrayList<>(Resolution.layers(experiment, context, none).orElseThrow());
        // cross_entropy applies softmax itself: a final softmax layer is fused into it, not applied twice.
        if (context.registry().loss(loss.name()).appliesSoftmax() && layers.size() > 1
                && layers.get(layers.size() - 1).name().equals("softmax")) {
            layers.remove(layers.size() - 1);
        }
        TrainingLength length = experiment.setting(Statements.EPOCHS).isPresent()
                ? TrainingLength.epochs(values(experiment, Statements.EPOCHS).integer("count"))
                : TrainingLength.iterations(values(experiment, Statements.ITERATIONS).integer("count"));
        EarlyStop earlyStop = experiment.setting("early_stop").isPresent()
                ? new EarlyStop((int) values(experiment, "early_stop").integer("patience"),
                        values(experiment, "early_stop").string("metric"))
                : EarlyStop.OFF;
        return new RunConfig(
                dataset, layers, loss, optimizer,
                values(experiment, "learning_rate").number("rate"),
                (int) values(experiment, "batch_size").integer("size"),
                length,
                Sampling.valueOf(values(experiment, "sampling").string("mode").toUpperCase()),
                values(experiment, "seed").integer("seed"),
                experiment.setting("evaluate_every").isPresent()
                        ? values(experiment, "evaluate_every").integer("iterations") : 0,
                values(experiment, "weight_decay").number("lambda"),
                values(experiment, "validation").number("fraction"),
                earlyStop,
                gradient(experiment));
    }

    private GradientMode gradient(DefinitionView definition) {
        return Resolution.component(definition, "gradient", context, new Diagnostics())
                .map(call -> switch (call.name()) {
                    case "numerical" -> new GradientMode(GradientMode.Kind.NUMERICAL, call.arguments().number("h"),
                            GradientMode.DEFAULT_TOLERANCE);
                    case "check" -> new GradientMode(GradientMode.Kind.CHECK, GradientMode.DEFAULT_H,
                            call.arguments().number("tolerance"));
                    default -> GradientMode.BACKPROP;
                })
                .orElse(GradientMode.BACKPROP);
    }

    private static RunConfig withSeed(RunConfig c, long seed) {
        return new RunConfig(c.dataset(), c.layers(), c.loss(), c.optimizer(), c.learningRate(), c.batchSize(),
                c.length(), c.sampling(), seed, c.evaluateEvery(), c.weightDecay(), c.validation(), c.earlyStop(),
                c.gradient());
    }

    private Arguments values(DefinitionView definition, String statement) {
        return Resolution.values(definition, statement, context, new Diagnostics()).orElseThrow();
    }
}
