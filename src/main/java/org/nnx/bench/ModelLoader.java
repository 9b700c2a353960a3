package org.nnx.bench;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nnx.analysis.Analyzer;
import org.nnx.dsl.Diagnostic;
import org.nnx.dsl.NnxParser;
import org.nnx.dsl.ast.NnxFile;
import org.nnx.registry.ComponentRegistry;
import org.nnx.registry.DatasetLoader;

/**
 * Reads reference models' files as {@code nnx run} reads them, with nnx's own parser and analyzer, their
 * datasets read from {@code --data} ({@link DatasetFolder}). The analyzer loads each dataset through
 * {@code datasets}, which keeps it for the runs.
 */
final class ModelLoader {
    private final ComponentRegistry registry;
    private final DatasetLoader datasets;
    private final DatasetFolder folder;

    ModelLoader(ComponentRegistry registry, DatasetLoader datasets, Path data) {
        this.registry = registry;
        this.datasets = datasets;
        this.folder = new DatasetFolder(registry, data);
    }

    /** The models in order; the first file that fails stops it. */
    List<BenchModel> load(List<ReferenceModel> models) throws ModelFileException {
        List<BenchModel> loaded = new ArrayList<>();
        for (ReferenceModel model : models) {
            loaded.add(load(model));
        }
        return loaded;
    }

    BenchModel load(ReferenceModel model) throws ModelFileException {
        NnxFile file = parse(model.file());
        Analyzer.Result analysis = new Analyzer(registry, datasets).analyze(List.of(folder.applyTo(file)));
        if (!analysis.ok()) {
            throw problems(analysis.diagnostics());
        }
        int runs =
                analysis.plans().stream().mapToInt(plan -> plan.runs().size()).sum();
        if (analysis.plans().size() != 1 || runs != 1 || !analysis.objectives().isEmpty()) {
            throw new ModelFileException("nnx: error: " + model.file() + ": a benchmark's model is one experiment"
                    + " of one run; this file makes " + (runs == 1 ? "1 run" : runs + " runs")
                    + (analysis.objectives().isEmpty() ? "" : " and has objectives"));
        }
        return new BenchModel(model, analysis.plans().get(0));
    }

    private static NnxFile parse(Path path) throws ModelFileException {
        NnxParser.Result parsed;
        try {
            parsed = NnxParser.parse(path, path);
        } catch (NoSuchFileException e) {
            throw new ModelFileException("nnx: error: " + path + ": no such file");
        } catch (IOException e) {
            throw new ModelFileException("nnx: error: " + path + ": cannot read: " + e.getMessage());
        }
        if (!parsed.diagnostics().isEmpty()) {
            throw problems(parsed.diagnostics());
        }
        return parsed.file().orElseThrow();
    }

    /** Each problem as {@code nnx check} heads it: file, line, column and what. */
    private static ModelFileException problems(List<Diagnostic> diagnostics) {
        return new ModelFileException(
                diagnostics.stream().sorted().map(Diagnostic::headline).toList());
    }
}
