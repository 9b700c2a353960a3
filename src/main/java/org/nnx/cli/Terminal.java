package org.nnx.cli;

import java.io.PrintStream;

/**
 * Where nnx speaks to the user: results on stdout, every error and warning on stderr in one form,
 * {@code nnx: error: ...} and {@code nnx: warning: ...}.
 *
 * @param out         results, listings, progress
 * @param err         errors, warnings and a file's diagnostics
 * @param interactive whether stdout is a terminal, where progress is one line redrawn in place
 */
record Terminal(PrintStream out, PrintStream err, boolean interactive) {
    void error(String message) {
        err.println("nnx: error: " + message);
    }

    void warning(String message) {
        err.println("nnx: warning: " + message);
    }
}
