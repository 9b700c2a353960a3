package org.nnx.cli;

import java.io.PrintStream;

/**
 * Where nnx speaks to the user: results on stdout, every error and warning on stderr in one form,
 * {@code nnx: error: ...} and {@code nnx: warning: ...}. Text that comes from files (names, values, paths) may
 * hold control characters; what nnx prints of it never drives the terminal.
 */
final class Terminal {
    private final PrintStream out;
    private final PrintStream err;
    private final boolean interactive;
    private volatile boolean debug;

    /**
     * @param out         results, listings, progress
     * @param err         errors, warnings and a file's diagnostics
     * @param interactive whether stdout is a terminal, where progress is one line redrawn in place
     */
    Terminal(PrintStream out, PrintStream err, boolean interactive) {
        this.out = out;
        this.err = err;
        this.interactive = interactive;
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    boolean interactive() {
        return interactive;
    }

    /** Whether stack traces are shown ({@code --debug} or {@code NNX_DEBUG=1}). */
    boolean debug() {
        return debug;
    }

    void debug(boolean on) {
        debug = on;
    }

    void error(String message) {
        err.println("nnx: error: " + printable(message));
    }

    void warning(String message) {
        err.println("nnx: warning: " + printable(message));
    }

    /** A stack trace, when {@code --debug} asks for them. */
    void trace(String trace) {
        if (debug && !trace.isEmpty()) {
            err.print(printable(trace));
        }
    }

    /**
     * {@code text} with every control character but line breaks and tabs shown as {@code ?}: an escape sequence in
     * a swept file name must not recolour, move or clear the terminal.
     */
    static String printable(String text) {
        StringBuilder shown = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = (c < 0x20 && c != '\n' && c != '\t') || c == 0x7F || (c >= 0x80 && c < 0xA0);
            if (control) {
                if (shown == null) {
                    shown = new StringBuilder(text.length()).append(text, 0, i);
                }
                shown.append('?');
            } else if (shown != null) {
                shown.append(c);
            }
        }
        return shown == null ? text : shown.toString();
    }
}
