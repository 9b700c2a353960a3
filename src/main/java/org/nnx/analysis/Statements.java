package org.nnx.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.nnx.dsl.ast.Definition;
import org.nnx.model.RunConfig;
import org.nnx.registry.ComponentKind;
import org.nnx.spi.ParameterSpec;
import org.nnx.spi.ParameterType;
import org.nnx.spi.Range;

/** The statements of experiments and objectives, with their types, ranges and defaults (the contract's tables). */
final class Statements {
    static final String MODEL = "model";
    static final String EPOCHS = "epochs";
    static final String ITERATIONS = "iterations";
    static final String CHECKPOINT_EVERY = "checkpoint_every";
    static final String KEEP = "keep";
    static final List<String> EARLY_STOP_METRICS =
            List.of("val_loss", "val_accuracy", "train_loss", "train_accuracy", "test_loss", "test_accuracy");

    private static final Map<String, StatementSpec> EXPERIMENT = new LinkedHashMap<>();
    private static final Map<String, StatementSpec> OBJECTIVE = new LinkedHashMap<>();

    static {
        ParameterSpec description = ParameterSpec.string("text", null, "shown in the report");
        ParameterSpec learningRate =
                ParameterSpec.requiredNumber("rate", "the step size η").in(Range.above(0));
        ParameterSpec h = ParameterSpec.number("h", 1e-4, "the step of central differences")
                .in(Range.above(0));

        add(EXPERIMENT, StatementSpec.value("description", description, false));
        add(EXPERIMENT, StatementSpec.component("dataset", ComponentKind.DATASET, true, "the data to train on"));
        add(
                EXPERIMENT,
                StatementSpec.value(
                        "validation",
                        ParameterSpec.number("fraction", 0, "fraction of the training set held out for validation")
                                .in(Range.closedOpen(0, 1)),
                        false));
        add(EXPERIMENT, StatementSpec.block(MODEL, "the layers, input to output"));
        add(EXPERIMENT, StatementSpec.component("loss", ComponentKind.LOSS, true, "what training minimizes"));
        add(
                EXPERIMENT,
                StatementSpec.component("optimizer", ComponentKind.OPTIMIZER, false, "how parameters are updated"));
        add(EXPERIMENT, StatementSpec.value("learning_rate", learningRate, true));
        add(
                EXPERIMENT,
                StatementSpec.value(
                        "batch_size",
                        ParameterSpec.integer("size", 100, "samples per mini-batch")
                                .in(Range.closed(1, Integer.MAX_VALUE)),
                        false));
        add(
                EXPERIMENT,
                StatementSpec.value(
                        EPOCHS,
                        ParameterSpec.requiredInteger("count", "passes over the training set")
                                .in(Range.atLeast(1)),
                        false));
        add(
                EXPERIMENT,
                StatementSpec.value(
                        ITERATIONS,
                        ParameterSpec.requiredInteger("count", "mini-batch steps")
                                .in(Range.atLeast(1)),
                        false));
        add(
                EXPERIMENT,
                StatementSpec.value(
                        "sampling",
                        ParameterSpec.choice(
                                "mode",
                                "shuffle",
                                List.of("shuffle", "random"),
                                "shuffle: a fresh permutation each epoch; random: each batch drawn with replacement"),
                        false));
        add(
                EXPERIMENT,
                StatementSpec.value(
                        "weight_decay",
                        ParameterSpec.number("lambda", 0, "λ of the L2 penalty λ/2·‖W‖²")
                                .in(Range.atLeast(0)),
                        false));
        add(
                EXPERIMENT,
                StatementSpec.modes(
                        "gradient",
                        modes(
                                "backprop", List.of(),
                                "numerical", List.of(h),
                                "check",
                                        List.of(ParameterSpec.number(
                                                        "tolerance",
                                                        1e-4,
                                                        "largest relative error between backprop and central differences")
                                                .in(Range.above(0)))),
                        "how ∂L/∂W is computed: backprop, numerical(h) or check(tolerance)"));
        add(
                EXPERIMENT,
                StatementSpec.value(
                        "evaluate_every",
                        ParameterSpec.requiredInteger("iterations", "iterations between evaluations")
                                .in(Range.atLeast(1)),
                        false));
        add(
                EXPERIMENT,
                StatementSpec.values(
                        "early_stop",
                        false,
                        "stop when a metric stops improving",
                        ParameterSpec.requiredInteger("patience", "evaluations without improvement")
                                .in(Range.closed(1, Integer.MAX_VALUE)),
                        ParameterSpec.choice("metric", "val_loss", EARLY_STOP_METRICS, "the metric watched")));
        add(
                EXPERIMENT,
                StatementSpec.value(
                        CHECKPOINT_EVERY,
                        ParameterSpec.requiredInteger(
                                        "iterations", "iterations between checkpoints; one also ends every epoch")
                                .in(Range.atLeast(1)),
                        false));
        add(
                EXPERIMENT,
                StatementSpec.value(
                        KEEP,
                        new ParameterSpec(
                                "best",
                                ParameterType.CHOICE,
                                null,
                                true,
                                Range.ANY,
                                RunConfig.KEEP_BEST_METRICS,
                                "also keep the weights of the best evaluation by this metric"),
                        false));
        add(
                EXPERIMENT,
                StatementSpec.value(
                        "repeat",
                        ParameterSpec.integer("count", 1, "runs of each configuration, seeds seed, seed+1, …")
                                .in(Range.closed(1, Integer.MAX_VALUE)),
                        false));
        add(
                EXPERIMENT,
                StatementSpec.value(
                        "seed",
                        ParameterSpec.integer("seed", 0, "the one source of randomness")
                                .in(Range.atLeast(0)),
                        false));
        add(
                EXPERIMENT,
                StatementSpec.search(
                        SearchStatements.SEARCH,
                        "how runs are chosen: grid (every combination), random(trials = N), sobol(trials = N),"
                                + " halving(trials = N, min = 1 epoch, factor = 3, metric = val_accuracy)"));
        add(
                EXPERIMENT,
                StatementSpec.search(
                        SearchStatements.BUDGET, "what a search may spend: budget 200 epochs, budget 10 minutes"));

        add(OBJECTIVE, StatementSpec.value("description", description, false));
        add(OBJECTIVE, StatementSpec.formula("minimize", "the function of x0, x1, … to minimize"));
        // A formula of no variables (a loss of given outputs and targets) needs no point to start from.
        add(OBJECTIVE, StatementSpec.formula("start", false, "the starting point [x0, x1, …]"));
        // Not required: an objective of 'steps 0' only evaluates f and ∇f at its start points.
        add(OBJECTIVE, StatementSpec.value("learning_rate", learningRate, false));
        add(
                OBJECTIVE,
                StatementSpec.value(
                        "steps",
                        ParameterSpec.integer("count", 100, "gradient steps; 0 evaluates f and ∇f at the start only")
                                .in(Range.atLeast(0)),
                        false));
        add(
                OBJECTIVE,
                StatementSpec.value(
                        "divergence",
                        ParameterSpec.number(
                                        "factor",
                                        1e10,
                                        "f or the largest |x| growing past this many times its start diverges")
                                .in(Range.above(1)),
                        false));
        add(
                OBJECTIVE,
                StatementSpec.value(
                        "arrows",
                        ParameterSpec.choice(
                                "length",
                                "scaled",
                                List.of("scaled", "unit"),
                                "the landscape's arrows of −∇f: scaled: as long as |∇f|, the longest about a grid"
                                        + " cell; unit: all one length, direction only"),
                        false));
        add(
                OBJECTIVE,
                StatementSpec.modes(
                        "gradient",
                        modes("backprop", List.of(), "numerical", List.of(h)),
                        "how ∇f is computed: backprop (exact) or numerical(h)"));
    }

    private Statements() {}

    private static Map<String, List<ParameterSpec>> modes(Object... nameParameterPairs) {
        Map<String, List<ParameterSpec>> modes = new LinkedHashMap<>();
        for (int i = 0; i < nameParameterPairs.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<ParameterSpec> parameters = (List<ParameterSpec>) nameParameterPairs[i + 1];
            modes.put((String) nameParameterPairs[i], parameters);
        }
        return modes;
    }

    private static void add(Map<String, StatementSpec> table, StatementSpec spec) {
        table.put(spec.name(), spec);
    }

    private static Map<String, StatementSpec> table(Definition.Kind kind) {
        return kind == Definition.Kind.EXPERIMENT ? EXPERIMENT : OBJECTIVE;
    }

    static Optional<StatementSpec> find(Definition.Kind kind, String name) {
        return Optional.ofNullable(table(kind).get(name));
    }

    static StatementSpec get(Definition.Kind kind, String name) {
        return find(kind, name).orElseThrow();
    }

    static List<StatementSpec> all(Definition.Kind kind) {
        return List.copyOf(table(kind).values());
    }

    /** Every statement name of that kind, for did-you-mean. */
    static Set<String> names(Definition.Kind kind) {
        return new TreeSet<>(table(kind).keySet());
    }
}
