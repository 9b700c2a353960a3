package org.nnx.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnx.model.ExperimentPlan;
import org.nnx.model.RunPlan;

/** Each run's own configuration as text, made by analysis so that the report never reads the language. */
class RunSettingsTest {

    private static List<String> changedLines(String base, String run) {
        List<String> baseLines = List.of(base.split("\n"));
        List<String> runLines = List.of(run.split("\n"));
        List<String> changed = new ArrayList<>();
        baseLines.stream().filter(line -> !runLines.contains(line)).forEach(line -> changed.add("-" + line));
        runLines.stream().filter(line -> !baseLines.contains(line)).forEach(line -> changed.add("+" + line));
        return changed;
    }

    @Test
    void everyRunCarriesItsOwnSettingsWithItsValuesInPlace() {
        ExperimentPlan plan = Analysis.analyze("""
                experiment x {
                    dataset mnist, limit = 200
                    model {
                        dense 10 | 20
                        relu
                        dense 10
                    }
                    loss cross_entropy
                    optimizer momentum(momentum = 0.5 | 0.9)
                    learning_rate 0.1
                    epochs 1
                }
                """).plans().get(0);
        assertEquals(4, plan.runs().size());
        RunPlan run = plan.runs().get(3);
        assertEquals("dense[1]=20,optimizer.momentum=0.9", run.name());
        assertEquals(
                List.of(
                        "-        dense 10 | 20",
                        "-    optimizer momentum(momentum = 0.5 | 0.9)",
                        "+        dense 20",
                        "+    optimizer momentum(momentum = 0.9)"),
                changedLines(plan.effectiveConfig(), run.settings()));
    }

    @Test
    void aRepeatsSettingsNameItsOwnSeed() {
        ExperimentPlan plan = Analysis.analyze(Analysis.experiment("x", "    repeat 3\n    seed 7"))
                .plans()
                .get(0);
        assertEquals(
                List.of("x", "seed=7", "seed=8", "seed=9"),
                List.of(
                        "x",
                        plan.runs().get(0).name(),
                        plan.runs().get(1).name(),
                        plan.runs().get(2).name()));
        assertEquals(
                List.of("-    seed 7", "+    seed 9"),
                changedLines(plan.effectiveConfig(), plan.runs().get(2).settings()));
        assertTrue(plan.runs().get(0).settings().contains("    seed 7\n"));
    }

    @Test
    void aRepeatWithoutASeedStatementGetsOne() {
        ExperimentPlan plan = Analysis.analyze(Analysis.experiment("x", "    repeat 2"))
                .plans()
                .get(0);
        assertEquals(
                List.of("-    seed 0  // default", "+    seed 1"),
                changedLines(plan.effectiveConfig(), plan.runs().get(1).settings()));
    }

    @Test
    void checkpointEveryReachesTheRunsConfigurationAndDefaultsToNone() {
        RunPlan every = Analysis.analyze(Analysis.experiment("x", "    checkpoint_every 25"))
                .plans()
                .get(0)
                .runs()
                .get(0);
        RunPlan none = Analysis.analyze(Analysis.experiment("x", ""))
                .plans()
                .get(0)
                .runs()
                .get(0);
        assertEquals(25, every.config().checkpointEvery());
        assertEquals(0, none.config().checkpointEvery());
    }
}
