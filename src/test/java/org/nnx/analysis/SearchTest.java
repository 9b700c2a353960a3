package org.nnx.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nnx.analysis.Analysis.analyze;
import static org.nnx.analysis.Analysis.errors;
import static org.nnx.analysis.Analysis.experiment;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnx.model.ExperimentPlan;
import org.nnx.model.RunPlan;
import org.nnx.model.search.Budget;
import org.nnx.model.search.Halving;
import org.nnx.model.search.SearchPlan;

/** The search statement: trials drawn from distributions and sets, halving's rungs, the budget, and mistakes. */
class SearchTest {

    private static ExperimentPlan plan(String text) {
        Analyzer.Result result = analyze(text);
        assertEquals(List.of(), errors(result));
        return result.plans().get(0);
    }

    private static String searched(String search) {
        return experiment("s", search + "\n    batch_size 16 | 32 | 64\n    seed 5")
                .replace("learning_rate 0.1", "learning_rate log_uniform(1e-4, 1)")
                .replace("dense 20", "dense int_uniform(8, 12)");
    }

    @Test
    void randomSearchDrawsItsTrialsFromEachDistribution() {
        ExperimentPlan plan = plan(searched("    search random(trials = 40)"));
        assertEquals(SearchPlan.Kind.RANDOM, plan.search().kind());
        assertEquals(40, plan.runs().size());
        assertEquals(List.of("dense[1]", "learning_rate", "batch_size"), plan.sweptSettings());
        for (int i = 0; i < plan.runs().size(); i++) {
            RunPlan run = plan.runs().get(i);
            assertTrue(run.name().startsWith("trial=" + (i + 1) + ",dense[1]="), run.name());
            double rate = run.config().learningRate();
            assertTrue(rate >= 1e-4 && rate <= 1, "rate " + rate);
            assertEquals(Double.parseDouble(run.varying().get("learning_rate")), rate);
            assertTrue(List.of(16, 32, 64).contains(run.config().batchSize()));
            long units = run.config().layers().get(0).arguments().integer("units");
            assertTrue(units >= 8 && units <= 12, "units " + units);
        }
        // Log spacing: about half the draws below 1e-2, the middle of the range's decades.
        long low = plan.runs().stream()
                .filter(r -> r.config().learningRate() < 1e-2)
                .count();
        assertTrue(low >= 10 && low <= 30, "below 1e-2: " + low);
    }

    @Test
    void theSameFileAndSeedDrawTheSameTrialsAndAnotherSeedOthers() {
        List<String> once = names(plan(searched("    search sobol(trials = 8)")));
        assertEquals(once, names(plan(searched("    search sobol(trials = 8)"))));
        List<String> other = names(plan(searched("    search sobol(trials = 8)").replace("seed 5", "seed 6")));
        assertTrue(!once.equals(other));
        assertTrue(!once.equals(names(plan(searched("    search random(trials = 8)")))));
    }

    @Test
    void drawsFromSetsAloneRepeatNoCombinationUntilEachHasBeenDrawn() {
        String sets = experiment("s", "    search random(trials = 15)\n    batch_size 16 | 32 | 64\n    seed 5")
                .replace("learning_rate 0.1", "learning_rate 0.1 | 0.01")
                .replace("dense 20", "dense 8 | 16");
        List<String> configurations = plan(sets).runs().stream()
                .map(run -> run.name().substring(run.name().indexOf(',') + 1))
                .toList();
        // 12 combinations: the first 12 trials draw each once, the last 3 start over and differ again.
        assertEquals(12, configurations.subList(0, 12).stream().distinct().count());
        assertEquals(3, configurations.subList(12, 15).stream().distinct().count());
        // Halving draws its trials the same way; a distribution among the settings keeps independent draws.
        List<String> halving = plan(sets.replace(
                                "search random(trials = 15)",
                                "search halving(trials = 15, min = 1 epoch, factor = 3, metric = train_accuracy)")
                        .replace("epochs 1", "epochs 3"))
                .runs()
                .stream()
                .map(run -> run.name().substring(run.name().indexOf(',') + 1))
                .toList();
        assertEquals(configurations, halving);
        assertEquals(
                List.of("trial=1,dense[1]=8,learning_rate=0.1,batch_size=32"),
                plan(sets).runs().stream().map(RunPlan::name).limit(1).toList());
    }

    private static List<String> names(ExperimentPlan plan) {
        return plan.runs().stream().map(RunPlan::name).toList();
    }

    @Test
    void halvingKeepsItsRungsAndTheBudget() {
        ExperimentPlan plan =
                plan(searched("    search halving(trials = 9, min = 1 epoch, factor = 3, metric = val_loss)\n"
                                + "    budget 30 epochs\n    validation 0.1")
                        .replace("epochs 1", "epochs 9"));
        assertEquals(9, plan.runs().size());
        assertEquals(new Halving(1, 3, "val_loss", 9), plan.search().halving().orElseThrow());
        assertEquals(List.of(1L, 3L), plan.search().halving().orElseThrow().rungs());
        assertEquals(Budget.ofEpochs(30), plan.search().budget());
    }

    @Test
    void theFormatterKeepsANumberAndItsUnitApart() {
        String text = searched("    search halving(trials = 9, min = 1 epoch)\n    budget 10 minutes");
        String formatted =
                org.nnx.dsl.Formatter.format(new org.nnx.dsl.SourceFile(java.nio.file.Path.of("t.nnx"), text));
        assertTrue(formatted.contains("    search halving(trials = 9, min = 1 epoch)\n"), formatted);
        assertTrue(formatted.contains("    budget 10 minutes\n"), formatted);
    }

    @Test
    void aGridMayHaveATimeBudget() {
        ExperimentPlan plan = plan(experiment("g", "    budget 90 seconds\n    batch_size 16 | 32"));
        assertEquals(SearchPlan.Kind.GRID, plan.search().kind());
        assertEquals(Duration.ofSeconds(90), plan.search().budget().time());
        assertEquals(2, plan.runs().size());
        assertEquals("batch_size=16", plan.runs().get(0).name());
    }

    private static List<String> errorsOf(String text) {
        return errors(analyze(text));
    }

    @Test
    void aGridCannotListADistribution() {
        assertEquals(
                List.of("test.nnx:9:19: error: uniform(0.01, 1) draws its values, which search grid cannot list;"
                        + " write search random(trials = N), sobol(trials = N) or halving(trials = N), or list the"
                        + " values"),
                errorsOf(experiment("g", "").replace("learning_rate 0.1", "learning_rate uniform(0.01, 1)")));
    }

    @Test
    void mistakesInDistributionsAreLocated() {
        assertEquals(
                List.of("test.nnx:9:19: error: log_uniform needs positive bounds, got 0 and 1"),
                errorsOf(searched("    search random(trials = 4)")
                        .replace("log_uniform(1e-4, 1)", "log_uniform(0, 1)")));
        assertEquals(
                List.of("test.nnx:9:19: error: uniform's low must be below its high, got 1 and 0.5"),
                errorsOf(searched("    search random(trials = 4)").replace("log_uniform(1e-4, 1)", "uniform(1, 0.5)")));
        assertEquals(
                List.of("test.nnx:4:15: error: int_uniform takes whole numbers, got 8.5 and 12"),
                errorsOf(searched("    search random(trials = 4)").replace("int_uniform(8,", "int_uniform(8.5,")));
        assertEquals(
                List.of("test.nnx:12:20: error: a set of values cannot hold choice(16, 32), which draws values of its"
                        + " own"),
                errorsOf(experiment("c", "    search random(trials = 2)\n    batch_size 8 | choice(16, 32)")));
    }

    @Test
    void mistakesInTheSearchAreLocated() {
        assertEquals(
                List.of("test.nnx:11:12: error: search random needs its number of trials: random(trials = N)"),
                errorsOf(searched("    search random")));
        assertEquals(
                List.of("test.nnx:11:12: error: unknown search 'sobel'; did you mean 'sobol'?"),
                errorsOf(searched("    search sobel(trials = 3)")));
        assertEquals(
                List.of("test.nnx:11:28: error: search random's trials must be a whole number in [1, 10000], got 0"),
                errorsOf(searched("    search random(trials = 0)")));
        assertEquals(
                List.of("test.nnx:11:32: error: unknown option 'factr' of search halving; did you mean 'factor'?"),
                errorsOf(searched("    search halving(trials = 3, factr = 2)\n    validation 0.1")));
        assertEquals(
                List.of("test.nnx:11:12: error: search halving ranks trials by val_accuracy, which needs"
                        + " 'validation'; add validation 0.1 or rank by train_accuracy"),
                errorsOf(searched("    search halving(trials = 3)")));
        assertEquals(
                List.of("test.nnx:11:32: error: search halving's min of 2 epochs is more than the 1 epochs its"
                        + " trials train at most"),
                errorsOf(searched("    search halving(trials = 3, min = 2 epochs)\n    validation 0.1")));
        assertEquals(
                List.of("test.nnx:1:12: error: search random has nothing to search: no setting of experiment 'n'"
                        + " has a set of values or a distribution"),
                errorsOf(experiment("n", "    search random(trials = 3)")));
    }

    @Test
    void mistakesInTheBudgetAreLocated() {
        assertEquals(
                List.of("test.nnx:11:15: error: unknown unit 'minuts' of 'budget'; a budget is counted in epochs,"
                        + " seconds, minutes or hours; did you mean 'minutes'?"),
                errorsOf(experiment("b", "    budget 10 minuts")));
        assertEquals(
                List.of("test.nnx:11:12: error: 'budget' takes an amount and a unit: budget 200 epochs, budget 10"
                        + " minutes; got 10"),
                errorsOf(experiment("b", "    budget 10")));
        assertEquals(
                List.of("test.nnx:11:12: error: a budget of epochs is a whole number, got 2.5"),
                errorsOf(experiment("b", "    budget 2.5 epochs")));
    }
}
