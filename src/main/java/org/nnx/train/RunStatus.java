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
    FAILED,
    /** A search stopped it at a rung, its metric not among the best; the reason says where. */
    PRUNED,
    /** A search's budget was spent before it could start. */
    SKIPPED;

    /** As written in summary.csv: {@code ok}, {@code diverged}, … */
    public String label() {
        return name().toLowerCase();
    }
}
