package org.nnx.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.nnx.registry.ComponentKind;
import org.nnx.spi.ParameterSpec;
import org.nnx.spi.Range;

/** The statements of an experiment, with their types, ranges and defaults (the contract's table). */
final class Statements {
    static final String MODEL = "model";
    static final String EPOCHS = "epochs";
    static final String ITERATIONS = "iterations";

    /** In the contract but not implemented by this version; naming one is a "not supported yet" error. */
    static final Set<String> NOT_YET_SUPPORTED = Set.of(
            "validation", "weight_decay", "gradient", "early_stop", "repeat");

    private static final Map<String, StatementSpec> EXPERIMENT = new LinkedHashMap<>();

    static {
        add(StatementSpec.value("description", ParameterSpec.string("text", null, "shown in the report"), false));
        add(StatementSpec.component("dataset", ComponentKind.DATASET, true, "the data to train on"));
        add(new StatementSpec(MODEL, null, List.of(), true, "the layers, input to output"));
        add(StatementSpec.component("loss", ComponentKind.LOSS, true, "what training minimizes"));
        add(StatementSpec.component("optimizer", ComponentKind.OPTIMIZER, false, "how parameters are updated"));
        add(StatementSpec.value("learning_rate",
                ParameterSpec.requiredNumber("rate", "the step size η").in(Range.above(0)), true));
        add(StatementSpec.value("batch_size",
                ParameterSpec.integer("size", 100, "samples per mini-batch").in(Range.atLeast(1)), false));
        add(StatementSpec.value(EPOCHS,
                ParameterSpec.requiredInteger("count", "passes over the training set").in(Range.atLeast(1)), false));
        add(StatementSpec.value(ITERATIONS,
                ParameterSpec.requiredInteger("count", "mini-batch steps").in(Range.atLeast(1)), false));
        add(StatementSpec.value("sampling", ParameterSpec.choice("mode", "shuffle", List.of("shuffle", "random"),
                "shuffle: a fresh permutation each epoch; random: each batch drawn with replacement"), false));
        add(StatementSpec.value("seed",
                ParameterSpec.integer("seed", 0, "the one source of randomness").in(Range.atLeast(0)), false));
        add(StatementSpec.value("evaluate_every",
                ParameterSpec.requiredInteger("iterations", "iterations between evaluations").in(Range.atLeast(1)),
                false));
    }

    private Statements() {
    }

    private static void add(StatementSpec spec) {
        EXPERIMENT.put(spec.name(), spec);
    }

    static Optional<StatementSpec> find(String name) {
        return Optional.ofNullable(EXPERIMENT.get(name));
    }

    static List<StatementSpec> all() {
        return List.copyOf(EXPERIMENT.values());
    }

    /** Every statement name a user may write, including those still to come, for did-you-mean. */
    static Set<String> knownNames() {
        Set<String> names = new java.util.TreeSet<>(EXPERIMENT.keySet());
        names.addAll(NOT_YET_SUPPORTED);
        return names;
    }
}
