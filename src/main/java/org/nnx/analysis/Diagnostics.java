package org.nnx.analysis;

import java.util.ArrayList;
import java.util.List;
import org.nnx.dsl.Diagnostic;
import org.nnx.dsl.SourceLocation;

/** Collects the problems found in one pass; a check reports every problem it sees, not only the first. */
public final class Diagnostics {
    private final List<Diagnostic> found = new ArrayList<>();
    private final List<Diagnostic> warnings = new ArrayList<>();

    public void error(SourceLocation location, String message) {
        found.add(new Diagnostic(location, message));
    }

    /** Something worth knowing that does not stop nnx: kept apart from the errors. */
    public void warning(SourceLocation location, String message) {
        warnings.add(new Diagnostic(location, message, Diagnostic.Severity.WARNING));
    }

    /** The warnings, sorted by file and position, each once. */
    public List<Diagnostic> warnings() {
        return warnings.stream().distinct().sorted().toList();
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
