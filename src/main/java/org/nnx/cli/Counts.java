package org.nnx.cli;

/** Counted nouns as nnx prints them. */
final class Counts {
    private Counts() {
    }

    /** {@code 1 run}, {@code 6 runs}. */
    static String runs(int count) {
        return count + (count == 1 ? " run" : " runs");
    }
}
