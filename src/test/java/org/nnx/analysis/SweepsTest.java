package org.nnx.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nnx.analysis.Analysis.analyze;
import static org.nnx.analysis.Analysis.errors;
import static org.nnx.analysis.Analysis.experiment;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nnx.model.ExperimentPlan;
import org.nnx.model.RunPlan;

/** Sweeps: the cross product of every set, named by the values that vary. */
class SweepsTest {

    private static ExperimentPlan plan(String text) {
        Analyzer.Result result = analyze(text);
        assertEquals(List.of(), errors(result));
        return result.plans().get(0);
    }

    @Test
    void threeSetsGiveExactlyTheirCrossProductWithNamesAndValues() {
        ExperimentPlan plan =
                plan(experiment("grid", """
                    optimizer sgd
                    batch_size 16 | 32
                    sampling shuffle | random
                """).replace("learning_rate 0.1", "learning_rate 0.1 | 0.01 | 0.001"));
        assertEquals(List.of("learning_rate", "batch_size", "sampling"), plan.sweptSettings());
        assertEquals(12, plan.runs().size());
        List<String> names = plan.runs().stream().map(RunPlan::name).toList();
        assertEquals("learning_rate=0.1,batch_size=16,sampling=shuffle", names.get(0));
        assertEquals("learning_rate=0.1,batch_size=16,sampling=random", names.get(1));
        assertEquals("learning_rate=0.1,batch_size=32,sampling=shuffle", names.get(2));
        assertEquals("learning_rate=0.001,batch_size=32,sampling=random", names.get(11));
        assertEquals(12, names.stream().distinct().count());
        for (RunPlan run : plan.runs()) {
            Map<String, String> varying = run.varying().asMap();
            assertEquals(
                    Double.parseDouble(varying.get("learning_rate")),
                    run.config().learningRate());
            assertEquals(
                    Integer.parseInt(varying.get("batch_size")), run.config().batchSize());
            assertEquals(varying.get("sampling"), run.config().sampling().name().toLowerCase());
        }
    }

    @Test
    void setsInLayerArgumentsAndOptionsAreLabelledByWhereTheyStand() {
        ExperimentPlan plan = plan("""
                experiment layers {
                    dataset mnist, limit = 200
                    model {
                        dense 20 | 40, init = he | xavier
                        relu
                        dense 10, bias = true | false
                    }
                    loss cross_entropy
                    learning_rate 0.1
                    epochs 1
                }
                """);
        assertEquals(List.of("dense[1]", "dense[1].init", "dense[2].bias"), plan.sweptSettings());
        assertEquals(8, plan.runs().size());
        RunPlan last = plan.runs().get(7);
        assertEquals("dense[1]=40,dense[1].init=xavier,dense[2].bias=false", last.name());
        assertEquals(40L, last.config().layers().get(0).arguments().integer("units"));
        assertEquals(false, last.config().layers().get(2).arguments().bool("bias"));
    }

    @Test
    void logRangeAndRangeGiveTheContractsValues() {
        ExperimentPlan plan = plan(experiment("ranges", "    batch_size range(10, 100, 30)")
                .replace("learning_rate 0.1", "learning_rate log_range(1e-4, 1, 5)"));
        assertEquals(20, plan.runs().size());
        List<String> rates = plan.runs().stream()
                .map(r -> r.varying().get("learning_rate"))
                .distinct()
                .toList();
        assertEquals(List.of("0.0001", "0.001", "0.01", "0.1", "1"), rates);
        List<String> sizes = plan.runs().stream()
                .map(r -> r.varying().get("batch_size"))
                .distinct()
                .toList();
        assertEquals(List.of("10", "40", "70", "100"), sizes);
        assertEquals(1e-3, plan.runs().get(4).config().learningRate(), 1e-15);
    }

    @Test
    void repeatRunsEachConfigurationWithConsecutiveSeeds() {
        ExperimentPlan plan =
                plan(experiment("repeated", """
                    repeat 3
                    seed 42
                """).replace("learning_rate 0.1", "learning_rate 0.1 | 0.01"));
        assertEquals(6, plan.runs().size());
        assertEquals(
                List.of(
                        "learning_rate=0.1,seed=42",
                        "learning_rate=0.1,seed=43",
                        "learning_rate=0.1,seed=44",
                        "learning_rate=0.01,seed=42",
                        "learning_rate=0.01,seed=43",
                        "learning_rate=0.01,seed=44"),
                plan.runs().stream().map(RunPlan::name).toList());
        assertEquals(
                List.of(42L, 43L, 44L, 42L, 43L, 44L),
                plan.runs().stream().map(r -> r.config().seed()).toList());
        assertEquals("learning_rate=0.01", plan.runs().get(4).configuration());
        assertEquals(List.of("learning_rate", "seed"), plan.sweptSettings());
    }

    @Test
    void anExperimentWithoutSetsHasOneRunNamedAfterIt() {
        ExperimentPlan plan = plan(experiment("single", ""));
        assertEquals(1, plan.runs().size());
        assertEquals("single", plan.runs().get(0).name());
        assertEquals(List.of(), plan.sweptSettings());
    }

    @Test
    void anOutOfRangeValueInASetPointsAtThatValue() {
        Analyzer.Result result = analyze(experiment("bad", "    batch_size 32 | 0 | 64"));
        assertEquals(List.of("test.nnx:11:21: error: 'batch_size' must be ≥ 1, got 0"), errors(result));
    }

    @Test
    void aSweepThatYieldsNoRunIsAnError() {
        Analyzer.Result result = analyze(experiment("empty", "    batch_size range(100, 10, 30)"));
        assertEquals(List.of("test.nnx:11:16: error: the sweep range(100, 10, 30) yields no value"), errors(result));
        Analyzer.Result badLog =
                analyze(experiment("badlog", "").replace("learning_rate 0.1", "learning_rate log_range(0, 1, 3)"));
        assertEquals(List.of("test.nnx:9:19: error: log_range needs positive bounds, got 0 and 1"), errors(badLog));
    }

    @Test
    void tooManyRunsIsAnError() {
        Analyzer.Result result = analyze(experiment("huge", "    batch_size range(1, 200, 1)")
                .replace("learning_rate 0.1", "learning_rate log_range(1e-5, 1, 100)"));
        assertTrue(
                errors(result).get(0).endsWith("experiment 'huge' sweeps over more than 10000 runs"),
                errors(result).toString());
    }

    private static final String LAYER_CHOICE = """
            experiment x {
                dataset mnist, limit = 200
                model {
                    dense 20
                    sigmoid | step | leaky_relu(alpha = 0.1)
                    dense 10
                }
                loss cross_entropy
                learning_rate 0.1
                learning_rate_placeholder
                epochs 1
            }
            """;

    @Test
    void aModelLineCanBeOneOfSeveralLayersAndEachRunTakesOne() {
        ExperimentPlan plan = plan(LAYER_CHOICE.replace("    learning_rate_placeholder\n", ""));
        assertEquals(List.of("layer[2]"), plan.sweptSettings());
        assertEquals(
                List.of("layer[2]=sigmoid", "layer[2]=step", "layer[2]=leaky_relu(alpha = 0.1)"),
                plan.runs().stream().map(RunPlan::name).toList());
        assertEquals(
                List.of("dense", "leaky_relu", "dense"),
                plan.runs().get(2).config().layers().stream().map(l -> l.name()).toList());
        assertEquals(
                0.1, plan.runs().get(2).config().layers().get(1).arguments().number("alpha"));
        assertTrue(
                plan.runs().get(1).settings().contains("        step\n"),
                plan.runs().get(1).settings());
        assertTrue(
                plan.effectiveConfig().contains("        sigmoid | step | leaky_relu(alpha = 0.1)\n"),
                plan.effectiveConfig());
    }

    @Test
    void layerChoicesAreForModelLinesAndTheirOptionsSweepNothingOfTheirOwn() {
        assertEquals(
                List.of("test.nnx:10:5: error: 'sgd | adam' chooses between whole lines, which only a model's "
                        + "layers can; a statement's values take a | b"),
                errors(analyze(LAYER_CHOICE.replace("    learning_rate_placeholder", "    sgd | adam"))));
        assertEquals(
                List.of("test.nnx:5:19: error: an option of 'sigmoid | leaky_relu(alpha = 0.1 | 0.2)' cannot sweep "
                        + "values of its own; make each value an option of its own"),
                errors(analyze(LAYER_CHOICE
                        .replace("    learning_rate_placeholder\n", "")
                        .replace(
                                "sigmoid | step | leaky_relu(alpha = 0.1)",
                                "sigmoid | leaky_relu(alpha = 0.1 | 0.2)"))));
    }
}
