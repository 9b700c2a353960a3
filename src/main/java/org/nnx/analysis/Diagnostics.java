package org.nnx.analysis;

import java.util.ArrayList;
import java.util.List;
import org.nnx.dsl.Diagnostic;
import org.nnx.dsl.SourceLocation;

/** Collects the problems found in one pass; a check reports every problem it sees, not only the first. */
public final class Diagnostics {
    private final List<Diagnostic> found = new ArrayList<>();
    private final List<Diagnostic> warnings = new ArrayList<>();
    private final List<UnusableUse> unusable = new ArrayList<>();

    /** Where a file names a component that cannot be used, and why it cannot. */
    record UnusableUse(Diagnostic diagnostic, String reason) {}

    public void error(SourceLocation location, String message) {
        found.add(new Diagnostic(location, message));
    }

    /** Something worth knowing that does not stop nnx: kept apart from the errors. */
    public void warning(SourceLocation location, String message) {
        warnings.add(new Diagnostic(location, message, Diagnostic.Severity.WARNING));
    }

    /**
     * A use of a component that cannot be used ({@code layer 'ending' cannot be used: ending.jar: …}): no error of
     * the file, but the runs that make it fail, with {@code reason}.
     */
    void unusable(SourceLocation location, String message, String reason) {
        unusable.add(new UnusableUse(new Diagnostic(location, message), reason));
    }

    /** How many uses of components that cannot be used were found so far. */
    int unusableCount() {
        return unusable.size();
    }

    /** The uses found since the {@code from}-th, each once. */
    List<UnusableUse> unusableSince(int from) {
        return unusable.subList(from, unusable.size()).stream().distinct().toList();
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
