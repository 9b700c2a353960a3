package org.nnx.analysis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nnx.dsl.Diagnostic;
import org.nnx.dsl.ast.Definition;
import org.nnx.dsl.ast.NnxFile;
import org.nnx.model.ExperimentPlan;
import org.nnx.registry.ComponentRegistry;
import org.nnx.registry.DatasetLoader;

/**
 * Checks parsed files against the language and the registry, and plans the experiments of files that
 * pass. All problems of all files are collected in one pass, sorted by position; nothing is planned
 * while any remains, so a mistake never costs a training run.
 */
public final class Analyzer {

    /** The plans, or the problems that prevent them. */
    public record Result(List<ExperimentPlan> plans, List<Diagnostic> diagnostics) {
        public Result {
            plans = List.copyOf(plans);
            diagnostics = List.copyOf(diagnostics);
        }

        public boolean ok() {
            return diagnostics.isEmpty();
        }
    }

    private static final List<ExperimentCheck> CHECKS = List.of(
            new KnownStatements(),
            new NoDuplicateStatements(),
            new RequiredStatements(),
            new StatementValues(),
            new ModelLayers(),
            new ModelFitsDataset());

    private final AnalysisContext context;

    public Analyzer(ComponentRegistry registry, DatasetLoader datasets) {
        this.context = new AnalysisContext(registry, datasets);
    }

    public Result analyze(List<NnxFile> files) {
        Diagnostics diagnostics = new Diagnostics();
        List<Experiment> experiments = new ArrayList<>();
        Map<String, Definition> byName = new HashMap<>();
        for (NnxFile file : files) {
            SupportedSyntax.check(file, diagnostics);
            Path baseDirectory = baseDirectory(file);
            for (Definition definition : file.definitions()) {
                Definition earlier = byName.putIfAbsent(definition.name().name(), definition);
                if (earlier != null) {
                    diagnostics.error(definition.name().location(), definition.kind().keyword() + " '"
                            + definition.name().name() + "' is defined twice; first at " + earlier.name().location());
                    continue;
                }
                if (definition.kind() == Definition.Kind.EXPERIMENT) {
                    experiments.add(new Experiment(definition, baseDirectory));
                }
            }
        }
        for (Experiment experiment : experiments) {
            for (ExperimentCheck check : CHECKS) {
                check.check(experiment, context, diagnostics);
            }
        }
        if (!diagnostics.isEmpty()) {
            return new Result(List.of(), diagnostics.sorted());
        }
        PlanBuilder builder = new PlanBuilder(context);
        return new Result(experiments.stream().map(builder::build).toList(), List.of());
    }

    private static Path baseDirectory(NnxFile file) {
        Path parent = file.source().path().toAbsolutePath().getParent();
        return parent == null ? Path.of("").toAbsolutePath() : parent;
    }
}
