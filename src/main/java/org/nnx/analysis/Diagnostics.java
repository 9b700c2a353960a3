package org.nnx.analysis;

import java.util.ArrayList;
import java.util.List;
import org.nnx.dsl.Diagnostic;
import org.nnx.dsl.SourceLocation;

/** Collects the problems found in one pass; a check reports every problem it sees, not only the first. */
public final class Diagnostics {
    private final List<Diagnostic> found = new ArrayList<>();

    public void error(SourceLocation location, String message) {
        found.add(new Diagnostic(location, message));
    }

    public void addAll(List<Diagnostic> diagnostics) {
        found.addAll(diagnostics);
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public int count() {
        return found.size();
    }

    /** All problems sorted by file and position, each once. */
    public List<Diagnostic> sorted() {
        return found.stream().distinct().sorted().toList();
    }
}
