package org.nnx.dsl;

import java.util.Comparator;

/**
 * One problem in a file, found before anything runs. Printed as
 * <pre>
 * experiments/foo.nnx:7:9: error: unknown layer 'sigmod'; did you mean 'sigmoid'?
 *         sigmod
 *         ^~~~~~
 * </pre>
 */
public record Diagnostic(SourceLocation location, String message, Severity severity) implements Comparable<Diagnostic> {

    /** An error stops nnx before anything trains; a warning only says something worth knowing. */
    public enum Severity {
        ERROR,
        WARNING;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** An error. */
    public Diagnostic(SourceLocation location, String message) {
        this(location, message, Severity.ERROR);
    }

    /** The first line: {@code file:line:col: error: message}, or {@code warning:}. */
    public String headline() {
        return location + ": " + severity.label() + ": " + message;
    }

    /** Lines longer than this are shown as a window around the column. */
    private static final int MAX_SHOWN = 120;

    /**
     * The headline, the source line and a caret under the offending text. Columns count code points, as
     * the lexer does; control characters are shown as '?' so that nothing in the file drives the terminal.
     */
    public String render() {
        int[] line = location.file().line(location.line()).codePoints().toArray();
        int column = Math.min(location.column() - 1, line.length);
        int from = 0;
        int to = line.length;
        if (line.length > MAX_SHOWN) {
            from = Math.max(0, Math.min(column - MAX_SHOWN / 2, line.length - MAX_SHOWN));
            to = Math.min(line.length, from + MAX_SHOWN);
        }
        StringBuilder shown = new StringBuilder(from > 0 ? "…" : "");
        StringBuilder caret = new StringBuilder(from > 0 ? " " : "");
        for (int i = from; i < to; i++) {
            int c = line[i];
            shown.appendCodePoint(c == '\t' || c >= 0x20 && c != 0x7F && !(c >= 0x80 && c < 0xA0) ? c : '?');
            if (i < column) {
                // Keep tabs so that the caret lands under the same column in any terminal.
                caret.append(c == '\t' ? '\t' : ' ');
            }
        }
        if (to < line.length) {
            shown.append('…');
        }
        caret.append('^');
        int available = Math.max(0, to - column - 1);
        caret.append("~".repeat(Math.min(location.length() - 1, available)));
        return headline() + "\n" + shown + "\n" + caret;
    }

    @Override
    public int compareTo(Diagnostic other) {
        return Comparator.comparing(Diagnostic::location)
                .thenComparing(Diagnostic::message)
                .compare(this, other);
    }
}
