package org.nnx.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nnx.train.TestPlans.DATASETS;
import static org.nnx.train.TestPlans.REGISTRY;
import static org.nnx.train.TestPlans.plan;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnx.model.ExperimentPlan;

/** Searches as they run: halving's pruned trials, the same decisions on one thread or two, and budgets. */
class SearchRunTest {
    private static ExperimentResult run(ExperimentPlan plan, int runsAtOnce) {
        StopSignal stop = new StopSignal();
        return new ExperimentRunner(new Trainer(REGISTRY, stop), DATASETS, stop, runsAtOnce)
                .run(plan, TrainingListener.NONE);
    }

    static String search(String search) {
        return """
                experiment s {
                    dataset mnist, limit = 300
                    validation 0.2
                    model {
                        dense 16
                        relu
                        dense 10
                    }
                    loss cross_entropy
                    learning_rate log_uniform(1e-4, 3)
                    batch_size 40
                    epochs 9
                    seed 3
                %s
                }
                """.formatted(search);
    }

    /** The epochs a run trained: its last row's. */
    private static double epochs(RunResult run) {
        return run.metrics().isEmpty()
                ? 0
                : run.metrics().get(run.metrics().size() - 1).epoch();
    }

    @Test
    void halvingPrunesAtRungsAndDecidesTheSameOnOneThreadOrTwo() {
        ExperimentPlan plan = plan(search("    search halving(trials = 9, min = 1 epoch, factor = 3)"));
        ExperimentResult alone = run(plan, 1);
        ExperimentResult sideBySide = run(plan, 2);
        int pruned = 0;
        for (int i = 0; i < 9; i++) {
            RunResult a = alone.runs().get(i);
            RunResult b = sideBySide.runs().get(i);
            assertEquals(a.status(), b.status(), a.name());
            assertEquals(a.metrics(), b.metrics(), a.name());
            assertEquals(a.reason(), b.reason());
            if (a.status() == RunStatus.PRUNED) {
                pruned++;
                assertTrue(a.reason().startsWith("at rung "), a.reason());
                double epochs = epochs(a);
                assertTrue(epochs == 1 || epochs == 3, "stopped at a rung: " + epochs);
                assertTrue(a.metrics().get(a.metrics().size() - 1).evaluated(), "evaluated where it stopped");
            } else {
                assertEquals(9, epochs(a), 1e-9, a.name() + " " + a.status() + " " + a.reason());
            }
        }
        // Trial 1 always goes on; at most max(1, ⌊n/3⌋) of the first n go on from the first rung.
        assertEquals(RunStatus.OK, alone.runs().get(0).status());
        assertTrue(pruned >= 4, "pruned " + pruned);
        double trained =
                alone.runs().stream().mapToDouble(SearchRunTest::epochs).sum();
        assertTrue(trained <= 45, "epochs " + trained + " of the 81 a grid would train");
    }

    @Test
    void anEpochBudgetSkipsTheRunsItDoesNotCoverInOrder() {
        ExperimentPlan plan = plan(search("    budget 20 epochs")
                .replace("log_uniform(1e-4, 3)", "0.1 | 0.2 | 0.3")
                .replace("epochs 9", "epochs 8"));
        ExperimentResult result = run(plan, 2);
        assertEquals(
                List.of(RunStatus.OK, RunStatus.OK, RunStatus.SKIPPED),
                result.runs().stream().map(RunResult::status).toList());
        assertEquals(
                "the budget of 20 epochs did not cover it: the runs before it take 16 and it 8",
                result.runs().get(2).reason());
    }

    @Test
    void halvingUnderAnEpochBudgetStopsStartingTrials() {
        ExperimentPlan plan =
                plan(search("    search halving(trials = 6, min = 1 epoch, factor = 3)\n" + "    budget 12 epochs"));
        ExperimentResult result = run(plan, 2);
        double trained =
                result.runs().stream().mapToDouble(SearchRunTest::epochs).sum();
        assertTrue(trained <= 12 + 1e-9, "epochs " + trained);
        assertEquals(RunStatus.SKIPPED, result.runs().get(5).status());
    }
}
