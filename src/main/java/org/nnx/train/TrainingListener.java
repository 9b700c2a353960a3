package org.nnx.train;

import org.nnx.model.RunPlan;

/**
 * Hears how training goes, for progress display and for writing results as they come. Called on the training
 * thread; keep it cheap. When runs train side by side, their starts and ends reach the listener one at a time,
 * and {@link #recorded} is called by each run's own thread, for its own run, at the same time as others.
 */
public interface TrainingListener {

    TrainingListener NONE = new TrainingListener() {};

    default void runStarted(RunPlan run, int index, int runCount, long iterations) {}

    /** After each iteration; {@code samplesPerSecond} counts training time only. */
    default void iterationDone(long iteration, double loss, double samplesPerSecond) {}

    default void evaluated(MetricsRow row) {}

    /** Each metrics row of {@code run} as the run records it, in order, on the run's own thread. */
    default void recorded(RunPlan run, MetricsRow row) {}

    /**
     * A checkpoint of {@code run}, at the end of an epoch and every {@code checkpoint_every} iterations, but never
     * after its last iteration, on the run's own thread: what {@code nnx run --resume} goes on from after a crash.
     */
    default void checkpointed(RunPlan run, Checkpoint checkpoint) {}

    /** Whether {@link #checkpointed} is wanted: taking a checkpoint copies the network, so only when someone keeps it. */
    default boolean wantsCheckpoints() {
        return false;
    }

    /**
     * The trained values of a run that ended ok, diverged or stopped, on the run's own thread, just before
     * {@link #runFinished} of the same run; a failed run has none.
     */
    default void modelTrained(RunPlan run, TrainedModel model) {}

    /**
     * With {@code keep best}: the values of {@code run}'s best evaluation, whose metrics row is {@code at}, right
     * after {@link #modelTrained}; not called when no evaluation had a value to compare.
     */
    default void bestKept(RunPlan run, TrainedModel model, MetricsRow at) {}

    /** How the trained network of {@code run} classifies the test set, right after {@link #modelTrained}. */
    default void tested(RunPlan run, TestOutcome outcome) {}

    /** The table of the run's layers and its learned filters, right after {@link #tested}. */
    default void modelDescribed(RunPlan run, ModelDescription description) {}

    default void runFinished(RunResult result) {}

    /** Both listeners, {@code first} then {@code second}, at every event. */
    static TrainingListener both(TrainingListener first, TrainingListener second) {
        return new TrainingListener() {
            @Override
            public void runStarted(RunPlan run, int index, int runCount, long iterations) {
                first.runStarted(run, index, runCount, iterations);
                second.runStarted(run, index, runCount, iterations);
            }

            @Override
            public void iterationDone(long iteration, double loss, double samplesPerSecond) {
                first.iterationDone(iteration, loss, samplesPerSecond);
                second.iterationDone(iteration, loss, samplesPerSecond);
            }

            @Override
            public void evaluated(MetricsRow row) {
                first.evaluated(row);
                second.evaluated(row);
            }

            @Override
            public void recorded(RunPlan run, MetricsRow row) {
                first.recorded(run, row);
                second.recorded(run, row);
            }

            @Override
            public void checkpointed(RunPlan run, Checkpoint checkpoint) {
                first.checkpointed(run, checkpoint);
                second.checkpointed(run, checkpoint);
            }

            @Override
            public boolean wantsCheckpoints() {
                return first.wantsCheckpoints() || second.wantsCheckpoints();
            }

            @Override
            public void modelTrained(RunPlan run, TrainedModel model) {
                first.modelTrained(run, model);
                second.modelTrained(run, model);
            }

            @Override
            public void bestKept(RunPlan run, TrainedModel model, MetricsRow at) {
                first.bestKept(run, model, at);
                second.bestKept(run, model, at);
            }

            @Override
            public void tested(RunPlan run, TestOutcome outcome) {
                first.tested(run, outcome);
                second.tested(run, outcome);
            }

            @Override
            public void modelDescribed(RunPlan run, ModelDescription description) {
                first.modelDescribed(run, description);
                second.modelDescribed(run, description);
            }

            @Override
            public void runFinished(RunResult result) {
                first.runFinished(result);
                second.runFinished(result);
            }
        };
    }
}
