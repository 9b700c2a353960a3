package org.nnx.cli;

/** Counted nouns as nnx prints them. */
final class Counts {
    private Counts() {}

    /** {@code 1 run}, {@code 6 runs}. */
    static String runs(int count) {
        return of(count, "run");
    }

    /** {@code 1 file}, {@code 2 files}: the noun with an s unless there is one. */
    static String of(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
