package org.nnx.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import org.nnx.dsl.SourceLocation;
import org.nnx.dsl.ast.Argument;
import org.nnx.dsl.ast.Definition;
import org.nnx.dsl.ast.Expression;
import org.nnx.dsl.ast.Identifier;
import org.nnx.dsl.ast.Setting;
import org.nnx.dsl.ast.Statement;
import org.nnx.model.EarlyStop;
import org.nnx.model.GradientArrows;
import org.nnx.model.GradientMode;
import org.nnx.model.ObjectiveRun;
import org.nnx.model.RunConfig;
import org.nnx.model.RunPlan;
import org.nnx.model.Sampling;
import org.nnx.model.SweptValues;
import org.nnx.model.TrainingLength;
import org.nnx.spi.Arguments;
import org.nnx.spi.ComponentCall;

/**
 * Turns one variant of a definition that passed every check into its runs, from the values it was bound
 * to: nothing is bound or checked again here.
 */
final class PlanBuilder {
    private final AnalysisContext context;

    PlanBuilder(AnalysisContext context) {
        this.context = context;
    }

    /** The runs of one configuration: one, or {@code repeat N} with seeds seed, seed+1, …. */
    List<RunPlan> experimentRuns(BoundDefinition experiment, SweptValues varying) {
        RunConfig config = config(experiment);
        long memory = RunSizing.of(experiment, context)
                .map(s -> s.estimate().totalBytes())
                .orElse(0L);
        return runs(experiment, varying, config, config::withSeed, memory, "");
    }

    /**
     * The runs of a configuration that names a component that cannot be used: named as {@link #experimentRuns}
     * names them, each failing with {@code reason}, none with a config to train.
     */
    static List<RunPlan> failingRuns(BoundDefinition experiment, SweptValues varying, String reason) {
        return runs(experiment, varying, null, seed -> null, 0, reason);
    }

    private static List<RunPlan> runs(
            BoundDefinition experiment,
            SweptValues varying,
            RunConfig config,
            LongFunction<RunConfig> seeded,
            long memory,
            String failure) {
        long repeat = experiment.values("repeat").map(a -> a.integer("count")).orElse(1L);
        String configuration = varying.isEmpty() ? experiment.view().name() : varying.runName();
        Definition written = experiment.view().definition();
        if (repeat == 1) {
            return List.of(new RunPlan(
                    configuration, varying, config, configuration, DefinitionPrinter.print(written), memory, failure));
        }
        List<RunPlan> runs = new ArrayList<>();
        for (int k = 0; k < repeat; k++) {
            long seed = experiment.seed() + k;
            SweptValues withSeed = varying.with(SweptValues.SEED, Long.toString(seed));
            runs.add(new RunPlan(
                    withSeed.runName(),
                    withSeed,
                    seeded.apply(seed),
                    configuration,
                    DefinitionPrinter.print(withSeed(written, seed)),
                    memory,
                    failure));
        }
        return runs;
    }

    ObjectiveRun objectiveRun(BoundDefinition objective, SweptValues varying) {
        return new ObjectiveRun(
                varying.isEmpty() ? objective.view().name() : varying.runName(),
                varying,
                objective.minimize().orElseThrow(),
                objective.start().orElse(List.of()),
                objective.values("learning_rate").map(a -> a.number("rate")).orElse(Double.NaN),
                objective.required("steps").integer("count"),
                gradient(objective),
                objective.required("divergence").number("factor"),
                GradientArrows.valueOf(
                        objective.required("arrows").string("length").toUpperCase()));
    }

    /** How many runs {@code repeat} makes of this configuration. */
    static long repeat(BoundDefinition experiment) {
        return experiment.required("repeat").integer("count");
    }

    private RunConfig config(BoundDefinition experiment) {
        ComponentCall loss = experiment.component("loss").orElseThrow();
        List<ComponentCall> layers = new ArrayList<>(experiment.layers().orElseThrow());
        // cross_entropy applies softmax itself: a final softmax layer is fused into it, not applied twice.
        if (context.registry().loss(loss.name()).appliesSoftmax()
                && layers.size() > 1
                && layers.get(layers.size() - 1).name().equals("softmax")) {
            layers.remove(layers.size() - 1);
        }
        RunConfig.Builder config = RunConfig.builder()
                .dataset(experiment.component("dataset").orElseThrow())
                .layers(layers)
                .loss(loss)
                .optimizer(experiment.component("optimizer").orElse(new ComponentCall("sgd", Arguments.EMPTY)))
                .learningRate(experiment.required("learning_rate").number("rate"))
                .batchSize((int) experiment.required("batch_size").integer("size"))
                .length(experiment
                        .values(Statements.EPOCHS)
                        .map(epochs -> TrainingLength.epochs(epochs.integer("count")))
                        .orElseGet(() -> TrainingLength.iterations(
                                experiment.required(Statements.ITERATIONS).integer("count"))))
                .sampling(Sampling.valueOf(
                        experiment.required("sampling").string("mode").toUpperCase()))
                .seed(experiment.required("seed").integer("seed"))
                .evaluateEvery(experiment
                        .values("evaluate_every")
                        .map(a -> a.integer("iterations"))
                        .orElse(0L))
                .checkpointEvery(experiment
                        .values(Statements.CHECKPOINT_EVERY)
                        .map(a -> a.integer("iterations"))
                        .orElse(0L))
                .weightDecay(experiment.required("weight_decay").number("lambda"))
                .validation(experiment.required("validation").number("fraction"))
                .earlyStop(experiment
                        .values("early_stop")
                        .map(a -> new EarlyStop((int) a.integer("patience"), a.string("metric")))
                        .orElse(EarlyStop.OFF))
                .gradient(gradient(experiment))
                .keepBest(experiment
                        .values(Statements.KEEP)
                        .map(a -> a.string("best"))
                        .orElse(""));
        return config.build();
    }

    private static GradientMode gradient(BoundDefinition definition) {
        return definition
                .component("gradient")
                .map(call -> switch (call.name()) {
                    case "numerical" ->
                        new GradientMode(
                                GradientMode.Kind.NUMERICAL,
                                call.arguments().number("h"),
                                GradientMode.DEFAULT_TOLERANCE);
                    case "check" ->
                        new GradientMode(
                                GradientMode.Kind.CHECK,
                                GradientMode.DEFAULT_H,
                                call.arguments().number("tolerance"));
                    default -> GradientMode.BACKPROP;
                })
                .orElse(GradientMode.BACKPROP);
    }

    /** {@code definition} with its {@code seed} statement set to {@code seed}, added last when absent. */
    static Definition withSeed(Definition definition, long seed) {
        List<Statement> statements = new ArrayList<>();
        boolean replaced = false;
        for (Statement statement : definition.statements()) {
            if (!replaced
                    && statement instanceof Setting setting
                    && setting.name().name().equals("seed")) {
                statements.add(seedStatement(setting.location(), seed));
                replaced = true;
            } else {
                statements.add(statement);
            }
        }
        if (!replaced) {
            statements.add(seedStatement(definition.location(), seed));
        }
        return new Definition(
                definition.location(), definition.kind(), definition.name(), definition.parent(), statements);
    }

    private static Setting seedStatement(SourceLocation location, long seed) {
        String text = Long.toString(seed);
        return new Setting(
                location,
                new Identifier(location, "seed"),
                List.of(new Argument(location, Optional.empty(), new Expression.NumberLiteral(location, text, seed))),
                false);
    }
}
