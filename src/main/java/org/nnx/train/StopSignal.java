package org.nnx.train;

/**
 * A request to stop training early (Ctrl-C). The training loop polls it between iterations, so a stop
 * keeps every metric computed so far and the report is still written.
 */
public final class StopSignal {
    private volatile boolean requested;
    private volatile boolean training;

    /** From now on a stop request is honoured between iterations; until then it ends the command at once. */
    public void trainingStarts() {
        training = true;
    }

    /** Whether a stop request can wait for the current iteration: something is training. */
    public boolean training() {
        return training;
    }

    public void request() {
        requested = true;
    }

    public boolean requested() {
        return requested;
    }
}
