package org.nnx.train;

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
        public RunResult train(IsolatedRun isolated, TrainingListener listener) {
            throw new IllegalStateException("no run is isolated");
        }
    };

    /** Whether {@code run} trains elsewhere, by {@link #train}. */
    boolean isolates(RunPlan run);

    /**
     * Trains the run elsewhere and gives its result, telling {@code listener} what a run in process tells it,
     * {@link TrainingListener#runFinished} included.
     */
    RunResult train(IsolatedRun isolated, TrainingListener listener);

    /**
     * Whether a trial of {@code search halving} that uses a plugin trains elsewhere too: at each rung it then asks
     * this process's search for its ruling (the gate of the {@link IsolatedRun}). Where it cannot ask, it trains in
     * this process.
     */
    default boolean asksAtRungs() {
        return false;
    }

    /** Whether the run's data is a plugin's, which is then summarized elsewhere too: {@link #data}. */
    default boolean isolatesData(RunPlan run) {
        return false;
    }

    /**
     * The report's overview of the data of the plan's run {@code index}, made in a process of its own; when that
     * process dies, an overview that says why it is unavailable.
     */
    default DataOverview data(ExperimentPlan plan, int index) {
        throw new IllegalStateException("no run's data is summarized elsewhere");
    }
}
