package org.nnx.train;

/**
 * A request to stop training early (Ctrl-C). The training loop polls it between iterations, so a stop
 * keeps every metric computed so far and the report is still written.
 */
public final class StopSignal {
    private volatile boolean requested;

    public void request() {
        requested = true;
    }

    public boolean requested() {
        return requested;
    }
}
