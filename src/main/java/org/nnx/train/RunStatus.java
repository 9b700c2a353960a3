package org.nnx.train;

/** How a run ended. */
public enum RunStatus {
    /** Trained to the end. */
    OK,
    /** The loss became NaN, infinite or too large; a result, not a failure. */
    DIVERGED,
    /** Interrupted by the user; the metrics so far are kept. */
    STOPPED,
    /** An error ended the run; the reason says which. */
    FAILED;

    /** As written in summary.csv: {@code ok}, {@code diverged}, … */
    public String label() {
        return name().toLowerCase();
    }
}
