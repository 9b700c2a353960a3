package org.nnx.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nnx.train.TestPlans.DATASETS;
import static org.nnx.train.TestPlans.REGISTRY;
import static org.nnx.train.TestPlans.plan;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.nnx.model.ExperimentPlan;
import org.nnx.model.RunPlan;

/**
 * A search stopped after some checkpoints and resumed from what it left (the trials that ended, the others'
 * last checkpoints) ends as the search that was never stopped: the same trials pruned at the same rungs, for
 * the same reasons, with the same rows. Trials that ended are not trained again.
 */
class SearchResumeTest {
    /** Seven trials of four epochs, ruled on after one and two. */
    private static final String HALVING = SearchRunTest.search(
                    "    search halving(trials = 7, min = 1 epoch, factor = 2)")
            .replace("epochs 9", "epochs 4")
            .replace("log_uniform(1e-4, 3)", "log_uniform(0.01, 0.5)");

    /** What a stopped search left, as {@code --resume} reads it from the experiment's folder. */
    private static final class Left implements Resumption, TrainingListener {
        final Map<String, Checkpoint> checkpoints = new HashMap<>();
        final Map<String, RunResult> ended = new HashMap<>();
        final AtomicInteger checkpointCount = new AtomicInteger();
        /** Requested after {@code stopAfter} checkpoints, as Ctrl-C would be. */
        final StopSignal stop = new StopSignal();

        final int stopAfter;

        Left(int stopAfter) {
            this.stopAfter = stopAfter;
        }

        @Override
        public boolean wantsCheckpoints() {
            return true;
        }

        @Override
        public synchronized void checkpointed(RunPlan run, Checkpoint checkpoint) {
            checkpoints.put(run.name(), checkpoint);
            if (checkpointCount.incrementAndGet() == stopAfter) {
                stop.request();
            }
        }

        @Override
        public synchronized void runFinished(RunResult result) {
            if (result.status() != RunStatus.STOPPED) {
                ended.put(result.name(), result);
            }
        }

        @Override
        public synchronized Optional<RunResult> finished(RunPlan run) {
            return Optional.ofNullable(ended.get(run.name()));
        }

        @Override
        public synchronized Optional<Checkpoint> checkpoint(RunPlan run) {
            return ended.containsKey(run.name()) ? Optional.empty() : Optional.ofNullable(checkpoints.get(run.name()));
        }
    }

    /** Counts the runs that train, as the trainer announces each. */
    private static final class Started implements TrainingListener {
        final AtomicInteger count = new AtomicInteger();

        @Override
        public void runStarted(RunPlan run, int index, int runCount, long iterations) {
            count.incrementAndGet();
        }
    }

    private static ExperimentRunner runner(StopSignal stop) {
        return new ExperimentRunner(new Trainer(REGISTRY, stop), DATASETS, stop, 2);
    }

    @Test
    void aStoppedHalvingSearchResumesToTheSameTrialsRungsAndRows() {
        ExperimentPlan plan = plan(HALVING);
        Left counted = new Left(Integer.MAX_VALUE);
        ExperimentResult whole = runner(new StopSignal()).run(plan, counted);
        int checkpoints = counted.checkpointCount.get();
        List<RunStatus> statuses = whole.runs().stream().map(RunResult::status).toList();
        assertTrue(statuses.contains(RunStatus.OK), statuses.toString());
        assertTrue(whole.runs().stream().anyMatch(r -> r.reason().startsWith("at rung 1,")), statuses.toString());
        assertTrue(whole.runs().stream().anyMatch(r -> r.reason().startsWith("at rung 2,")), statuses.toString());
        // Stopped early, midway and late: a checkpoint at each epoch's end but the last.
        for (int stopAfter : new int[] {2, checkpoints / 2, checkpoints - 1}) {
            resumeAndCompare(plan, whole, stopAfter);
        }
    }

    @Test
    void aStoppedRandomSearchResumesToTheSameRows() {
        ExperimentPlan plan = plan(
                HALVING.replace("search halving(trials = 7, min = 1 epoch, factor = 2)", "search random(trials = 4)"));
        ExperimentResult whole = runner(new StopSignal()).run(plan, TrainingListener.NONE);
        resumeAndCompare(plan, whole, 5);
    }

    private static void resumeAndCompare(ExperimentPlan plan, ExperimentResult whole, int stopAfter) {
        Left left = new Left(stopAfter);
        ExperimentResult stopped = runner(left.stop).run(plan, left);
        assertTrue(
                stopped.runs().stream().anyMatch(r -> r.status() == RunStatus.STOPPED),
                "stopped after " + stopAfter + " checkpoints");
        assertFalse(
                stopped.runs().stream()
                        .anyMatch(r -> r.status() == RunStatus.PRUNED
                                && !whole.runs()
                                        .get(plan.runs().indexOf(r.plan()))
                                        .status()
                                        .equals(RunStatus.PRUNED)),
                "no trial pruned by a ruling made after the stop");
        Started started = new Started();
        ExperimentResult resumed = runner(new StopSignal()).run(plan, started, left);
        for (int i = 0; i < plan.runs().size(); i++) {
            RunResult a = whole.runs().get(i);
            RunResult b = resumed.runs().get(i);
            String what = a.name() + " after " + stopAfter + " checkpoints";
            assertEquals(a.status(), b.status(), what);
            assertEquals(a.reason(), b.reason(), what);
            // Rows are equal when all but the time they were written are.
            assertEquals(a.metrics(), b.metrics(), what);
        }
        assertEquals(plan.runs().size() - left.ended.size(), started.count.get(), "the ended trials trained again");
    }
}
