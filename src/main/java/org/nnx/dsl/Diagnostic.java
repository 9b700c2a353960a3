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
public record Diagnostic(SourceLocation location, String message) implements Comparable<Diagnostic> {

    /** The first line: {@code file:line:col: error: message}. */
    public String headline() {
        return location + ": error: " + message;
    }

    /** The headline, the source line and a caret under the offending text. */
    public String render() {
        String source = location.file().line(location.line());
        StringBuilder caret = new StringBuilder();
        // Keep tabs from the source so that the caret lands under the same column in any terminal.
        for (int i = 0; i < location.column() - 1 && i < source.length(); i++) {
            caret.append(source.charAt(i) == '\t' ? '\t' : ' ');
        }
        caret.append('^');
        int available = Math.max(0, source.length() - (location.column() - 1) - 1);
        caret.append("~".repeat(Math.min(location.length() - 1, available)));
        return headline() + "\n" + source + "\n" + caret;
    }

    @Override
    public int compareTo(Diagnostic other) {
        return Comparator.comparing(Diagnostic::location).thenComparing(Diagnostic::message).compare(this, other);
    }
}
