package org.nnx.cli;

/** The exit statuses of {@code nnx}, as the language contract fixes them. */
final class ExitStatus {
    /** Every run ran (a diverged run is a result, not a failure). */
    static final int OK = 0;
    /** A run failed. */
    static final int RUN_FAILED = 1;
    /** Bad input or usage: nothing was trained. */
    static final int BAD_INPUT = 2;
    /** Interrupted by Ctrl-C; what was computed is kept. 128 + SIGINT, as shells report it. */
    static final int INTERRUPTED = 130;

    private ExitStatus() {}
}
