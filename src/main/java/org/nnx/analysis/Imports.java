package org.nnx.analysis;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nnx.dsl.NnxParser;
import org.nnx.dsl.SourceFileException;
import org.nnx.dsl.ast.Import;
import org.nnx.dsl.ast.NnxFile;

/**
 * Reads the files that {@code import} names, transitively, each once. An imported file's definitions can
 * be extended but are not run. Paths are relative to the importing file; a missing or unreadable file,
 * a file that does not parse, and an import cycle are located errors at the {@code import}.
 */
final class Imports {
    private final Map<Path, NnxFile> loaded = new LinkedHashMap<>();
    private final Map<Path, Boolean> failed = new HashMap<>();
    private final Diagnostics diagnostics;

    private Imports(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** The files imported by {@code roots}, directly or not, excluding the roots themselves. */
    static List<NnxFile> resolve(List<NnxFile> roots, Diagnostics diagnostics) {
        Imports imports = new Imports(diagnostics);
        for (NnxFile root : roots) {
            imports.loaded.put(key(root.source().path()), root);
        }
        for (NnxFile root : roots) {
            Deque<Path> chain = new ArrayDeque<>();
            chain.push(key(root.source().path()));
            imports.follow(root, chain);
        }
        List<NnxFile> imported = new ArrayList<>(imports.loaded.values());
        imported.removeAll(roots);
        return imported;
    }

    private void follow(NnxFile file, Deque<Path> chain) {
        for (Import anImport : file.imports()) {
            Path shown = shownPath(file, anImport.path());
            Path key = key(shown);
            if (chain.contains(key)) {
                List<String> cycle = new ArrayList<>();
                chain.descendingIterator()
                        .forEachRemaining(p -> cycle.add(p.getFileName().toString()));
                cycle.add(shown.getFileName().toString());
                diagnostics.error(anImport.location(), "import cycle: " + String.join(" → ", cycle));
                continue;
            }
            NnxFile imported = loaded.get(key);
            if (imported == null) {
                if (failed.containsKey(key)) {
                    continue;
                }
                imported = read(anImport, shown);
                if (imported == null) {
                    failed.put(key, true);
                    continue;
                }
                loaded.put(key, imported);
            }
            chain.push(key);
            follow(imported, chain);
            chain.pop();
        }
    }

    private NnxFile read(Import anImport, Path shown) {
        String quoted = "\"" + anImport.path() + "\"";
        try {
            NnxParser.Result parsed = NnxParser.parse(shown, shown);
            diagnostics.addAll(parsed.diagnostics());
            return parsed.file().orElse(null);
        } catch (SourceFileException e) {
            diagnostics.error(anImport.location(), "cannot import " + quoted + ": " + e.getMessage());
        } catch (NoSuchFileException e) {
            diagnostics.error(anImport.location(), "cannot import " + quoted + ": " + shown + " does not exist");
        } catch (IOException | RuntimeException e) {
            diagnostics.error(anImport.location(), "cannot import " + quoted + ": " + e.getMessage());
        }
        return null;
    }

    /** The imported path as diagnostics show it: relative to the importing file's folder. */
    private static Path shownPath(NnxFile importer, String path) {
        Path parent = importer.source().path().getParent();
        return (parent == null ? Path.of(path) : parent.resolve(path)).normalize();
    }

    private static Path key(Path path) {
        return path.toAbsolutePath().normalize();
    }
}
