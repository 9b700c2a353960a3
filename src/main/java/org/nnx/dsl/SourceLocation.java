package org.nnx.dsl;

import java.util.Comparator;

/**
 * Where a piece of syntax stands: its file, 1-based line and column, and its length in characters on
 * that line (at least 1), for the caret line under it.
 */
public record SourceLocation(SourceFile file, int line, int column, int length) implements Comparable<SourceLocation> {

    private static final Comparator<SourceLocation> ORDER = Comparator.comparing(
                    (SourceLocation l) -> l.file.path().toString())
            .thenComparingInt(SourceLocation::line)
            .thenComparingInt(SourceLocation::column);

    public SourceLocation {
        length = Math.max(1, length);
    }

    /** {@code experiments/foo.nnx:7:9} */
    @Override
    public String toString() {
        return file.path() + ":" + line + ":" + column;
    }

    @Override
    public int compareTo(SourceLocation other) {
        return ORDER.compare(this, other);
    }
}
