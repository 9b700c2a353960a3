package org.nnx.train;

import org.nnx.model.RunPlan;

/** Hears how training goes, for progress display. Called on the training thread; keep it cheap. */
public interface TrainingListener {

    TrainingListener NONE = new TrainingListener() {
    };

    default void runStarted(RunPlan run, int index, int runCount, long iterations) {
    }

    /** After each iteration; {@code samplesPerSecond} counts training time only. */
    default void iterationDone(long iteration, double loss, double samplesPerSecond) {
    }

    default void evaluated(MetricsRow row) {
    }

    default void runFinished(RunResult result) {
    }
}
