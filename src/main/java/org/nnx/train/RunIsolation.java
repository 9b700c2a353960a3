package org.nnx.train;

import java.util.Optional;
import org.nnx.model.ExperimentPlan;
import org.nnx.model.RunPlan;

/**
 * Runs that train outside nnx's own process: a run that uses a plugin's code trains in a worker process of its
 * own, so that a plugin which ends or crashes its process fails that run alone.
 */
public interface RunIsolation {
    /** Every run trains in nnx's own process. */
    RunIsolation NONE = new RunIsolation() {
        @Override
        public boolean isolates(RunPlan run) {
            return false;
        }

        @Override
        public RunResult train(
                ExperimentPlan plan, int index, TrainingListener listener, int cores, Optional<Checkpoint> resumeFrom) {
            throw new IllegalStateException("no run is isolated");
        }
    };

    /** Whether {@code run} trains elsewhere, by {@link #train}. */
    boolean isolates(RunPlan run);

    /**
     * Trains the plan's run {@code index} elsewhere and gives its result, telling {@code listener} what a run in
     * process tells it, {@link TrainingListener#runFinished} included.
     *
     * @param cores      the run's share of the cores: a core group of that many threads when 2 or more
     * @param resumeFrom the checkpoint to go on from, when it has one
     */
    RunResult train(
            ExperimentPlan plan, int index, TrainingListener listener, int cores, Optional<Checkpoint> resumeFrom);

    /**
     * Whether a trial of {@code search halving} that uses a plugin trains elsewhere too: at each rung it then asks
     * this process's search for its ruling ({@link #train(ExperimentPlan, int, TrainingListener, int, Optional,
     * RunGate)}). Where it cannot ask, it trains in this process.
     */
    default boolean asksAtRungs() {
        return false;
    }

    /**
     * As {@link #train(ExperimentPlan, int, TrainingListener, int, Optional)}, for a trial whose rungs {@code gate}
     * rules on here: at each, the run elsewhere waits for its ruling and goes on or ends pruned as in this process.
     */
    default RunResult train(
            ExperimentPlan plan,
            int index,
            TrainingListener listener,
            int cores,
            Optional<Checkpoint> resumeFrom,
            RunGate gate) {
        if (gate != RunGate.NONE) {
            throw new IllegalStateException("the runs trained elsewhere cannot ask for rulings");
        }
        return train(plan, index, listener, cores, resumeFrom);
    }

    /** Whether the run's data is a plugin's, which is then summarized elsewhere too: {@link #data}. */
    default boolean isolatesData(RunPlan run) {
        return false;
    }

    /**
     * The report's overview of the plan's first run's data, made in a process of its own; when that process dies,
     * an overview that says why it is unavailable.
     */
    default DataOverview data(ExperimentPlan plan) {
        throw new IllegalStateException("no run's data is summarized elsewhere");
    }
}
