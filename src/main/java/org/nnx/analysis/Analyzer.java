package org.nnx.analysis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.nnx.dsl.Diagnostic;
import org.nnx.dsl.Diagnostic.Severity;
import org.nnx.dsl.ast.Definition;
import org.nnx.dsl.ast.NnxFile;
import org.nnx.model.ExperimentPlan;
import org.nnx.model.ObjectivePlan;
import org.nnx.model.ObjectiveRun;
import org.nnx.model.RunPlan;
import org.nnx.model.SweptValues;
import org.nnx.model.search.SearchPlan;
import org.nnx.registry.ComponentRegistry;
import org.nnx.registry.DatasetLoader;

/**
 * Checks parsed files against the language and the registry, and plans what they define. The steps:
 * read imports; check each definition as written; merge {@code extends}; expand sweeps; check every run's
 * variant; plan. All problems of all files are collected in one pass, sorted by position; nothing is
 * planned while any remains, so a mistake never costs a training run.
 */
public final class Analyzer {

    /** The plans of the files' own definitions, or the problems that prevent them. */
    /**
     * @param warnings what is worth knowing but stops nothing, such as a run that will take hours
     * @param order the names of the files' own experiments and objectives, in the order they are written (file by
     *              file): the order a tour of several files runs in
     * @param unusable where the files name a component that cannot be used, when every run fails for it: nothing
     *                 of the files can train, which {@code nnx check} calls an error (uses that fail only some runs
     *                 are among the warnings)
     */
    public record Result(
            List<ExperimentPlan> plans,
            List<ObjectivePlan> objectives,
            List<Diagnostic> diagnostics,
            List<String> order,
            List<Diagnostic> warnings,
            List<Diagnostic> unusable) {
        public Result {
            plans = List.copyOf(plans);
            objectives = List.copyOf(objectives);
            diagnostics = List.copyOf(diagnostics);
            order = List.copyOf(order);
            warnings = List.copyOf(warnings);
            unusable = List.copyOf(unusable);
        }

        public Result(List<ExperimentPlan> plans, List<ObjectivePlan> objectives, List<Diagnostic> diagnostics) {
            this(plans, objectives, diagnostics, List.of(), List.of(), List.of());
        }

        public boolean ok() {
            return diagnostics.isEmpty();
        }
    }

    private final List<DefinitionCheck> experimentChecks;

    private static final List<DefinitionCheck> OBJECTIVE_CHECKS = List.of(
            new KnownStatements(), new RequiredStatements(), new ObjectiveFormula(), new StepsNeedALearningRate());

    private final AnalysisContext context;

    public Analyzer(ComponentRegistry registry, DatasetLoader datasets) {
        this(registry, datasets, Runtime.getRuntime().maxMemory());
    }

    /** @param memoryBytes the memory a run may take, data included: the heap's limit */
    Analyzer(ComponentRegistry registry, DatasetLoader datasets, long memoryBytes) {
        this.context = new AnalysisContext(registry, datasets);
        this.experimentChecks = List.of(
                new KnownStatements(),
                new RequiredStatements(),
                new ModelLayers(),
                new ModelFitsDataset(),
                new PluginLayersConform(),
                new ValidationLeavesTrainingSamples(),
                new RunFitsMemory(memoryBytes),
                new NumericalGradientCost(),
                new ValidationMetricsNeedValidation());
    }

    public Result analyze(List<NnxFile> files) {
        return analyze(files, Optional.empty());
    }

    /**
     * The files' plans, checking only the variant that makes run {@code index} of experiment {@code experiment}:
     * what a process that trains that one run needs, which reads no other run's data. The other runs are planned
     * unchecked, so that the run keeps its index and name.
     */
    public Result analyzeRun(List<NnxFile> files, String experiment, int index) {
        return analyze(files, Optional.of(new OneRun(experiment, index)));
    }

    /** The run whose variant alone is checked. */
    private record OneRun(String experiment, int index) {}

    private Result analyze(List<NnxFile> files, Optional<OneRun> only) {
        Diagnostics diagnostics = new Diagnostics();
        List<NnxFile> imported = Imports.resolve(files, diagnostics);

        Map<String, Definition> byName = new HashMap<>();
        Map<Definition, Path> directories = new HashMap<>();
        List<Definition> own = new ArrayList<>();
        for (NnxFile file : concat(files, imported)) {
            Path directory = baseDirectory(file);
            for (Definition definition : file.definitions()) {
                Definition earlier = byName.putIfAbsent(definition.name().name(), definition);
                if (earlier != null) {
                    diagnostics.error(
                            definition.name().location(),
                            "'" + definition.name().name() + "' is defined twice; first at "
                                    + earlier.name().location());
                    continue;
                }
                directories.put(definition, directory);
                NoDuplicateStatements.check(new DefinitionView(definition, directory), diagnostics);
                if (files.contains(file)) {
                    own.add(definition);
                }
            }
        }

        List<Diagnostic> uses = new ArrayList<>();
        Inheritance inheritance = new Inheritance(byName, diagnostics);
        PlanBuilder builder = new PlanBuilder(context);
        List<ExperimentPlan> plans = new ArrayList<>();
        List<ObjectivePlan> objectives = new ArrayList<>();
        for (Definition definition : own) {
            Path directory = directories.get(definition);
            var effective = inheritance.effective(definition);
            if (effective.isEmpty()) {
                continue;
            }
            Optional<SearchPlan> search = definition.kind() == Definition.Kind.EXPERIMENT
                    ? SearchStatements.read(effective.get(), diagnostics)
                    : Optional.of(SearchPlan.GRID);
            if (search.isEmpty()) {
                continue;
            }
            List<Sweeps.Variant> variants = Sweeps.expand(effective.get(), search.get(), diagnostics);
            List<DefinitionCheck> checks =
                    definition.kind() == Definition.Kind.EXPERIMENT ? experimentChecks : OBJECTIVE_CHECKS;
            int before = diagnostics.count();
            List<BoundDefinition> bound = new ArrayList<>();
            List<String> failures = new ArrayList<>();
            long firstRun = 0;
            for (Sweeps.Variant variant : variants) {
                int unbound = diagnostics.count();
                int usable = diagnostics.unusableCount();
                BoundDefinition run =
                        BoundDefinition.bind(new DefinitionView(variant.definition(), directory), context, diagnostics);
                String failure = failure(definition, diagnostics.unusableSince(usable), diagnostics, uses);
                long runs = definition.kind() == Definition.Kind.EXPERIMENT && diagnostics.count() == unbound
                        ? PlanBuilder.repeat(run)
                        : 1;
                // A run that names what cannot be used fails without training: nothing else of it is checked.
                if (failure.isEmpty() && (only.isEmpty() || isOnly(only.get(), definition, firstRun, runs))) {
                    checks.forEach(check -> check.check(run, context, diagnostics));
                }
                firstRun += runs;
                bound.add(run);
                failures.add(failure);
            }
            if (diagnostics.count() > before || variants.isEmpty()) {
                continue;
            }
            String name = definition.name().name();
            Path source = definition.location().file().path();
            String description = bound.get(0)
                    .values("description")
                    .filter(a -> a.has("text"))
                    .map(a -> a.string("text"))
                    .orElse("");
            if (definition.kind() == Definition.Kind.EXPERIMENT) {
                long total = bound.stream().mapToLong(PlanBuilder::repeat).sum();
                if (total > Sweeps.MAX_RUNS) {
                    diagnostics.error(
                            definition.name().location(),
                            "experiment '" + name + "' makes " + total + " runs with its repeats; at most "
                                    + Sweeps.MAX_RUNS);
                    continue;
                }
                if (search.get().kind() == SearchPlan.Kind.HALVING && total > variants.size()) {
                    diagnostics.error(
                            definition.name().location(),
                            "search halving trains each trial once; experiment '" + name + "' cannot also 'repeat'");
                    continue;
                }
                List<RunPlan> runs = new ArrayList<>();
                for (int i = 0; i < variants.size(); i++) {
                    SweptValues varying = SweptValues.of(variants.get(i).varying());
                    List<RunPlan> configuration = failures.get(i).isEmpty()
                            ? builder.experimentRuns(bound.get(i), varying)
                            : PlanBuilder.failingRuns(bound.get(i), varying, failures.get(i));
                    runs.addAll(search.get().isGrid() ? configuration : Trials.numbered(i + 1, configuration));
                }
                plans.add(new ExperimentPlan(
                        name, description, source, runs, DefinitionPrinter.print(effective.get()), search.get()));
            } else {
                List<ObjectiveRun> runs = new ArrayList<>();
                for (int i = 0; i < variants.size(); i++) {
                    runs.add(builder.objectiveRun(
                            bound.get(i), SweptValues.of(variants.get(i).varying())));
                }
                String formula = ExpressionText.of(new DefinitionView(effective.get(), directory)
                        .setting("minimize")
                        .orElseThrow()
                        .arguments()
                        .get(0)
                        .value());
                objectives.add(new ObjectivePlan(name, description, source, formula, runs));
            }
        }
        if (!diagnostics.isEmpty()) {
            return new Result(List.of(), List.of(), diagnostics.sorted());
        }
        boolean nothingTrains = !plans.isEmpty()
                && objectives.isEmpty()
                && plans.stream().allMatch(plan -> plan.runs().stream().allMatch(RunPlan::fails));
        List<Diagnostic> unusable = uses.stream().distinct().sorted().toList();
        List<Diagnostic> warnings = new ArrayList<>(diagnostics.warnings());
        if (!nothingTrains) {
            unusable.forEach(use -> warnings.add(new Diagnostic(use.location(), use.message(), Severity.WARNING)));
        }
        return new Result(
                plans,
                objectives,
                List.of(),
                own.stream().map(d -> d.name().name()).toList(),
                warnings.stream().sorted().toList(),
                nothingTrains ? unusable : List.of());
    }

    /**
     * Why the runs of a variant fail, from where it names components that cannot be used (kept in {@code uses});
     * empty when it names none. An objective has no runs to fail: such a use is an error of its file.
     */
    private static String failure(
            Definition definition,
            List<Diagnostics.UnusableUse> found,
            Diagnostics diagnostics,
            List<Diagnostic> uses) {
        if (found.isEmpty()) {
            return "";
        }
        if (definition.kind() != Definition.Kind.EXPERIMENT) {
            found.forEach(use -> diagnostics.error(
                    use.diagnostic().location(), use.diagnostic().message()));
            return "";
        }
        found.forEach(use -> uses.add(use.diagnostic()));
        return found.get(0).reason();
    }

    /**
     * Every word the files and the files they import write, dotted names whole: every name of a component they
     * use is among them. A file that cannot be imported adds none; the analysis reports it.
     */
    public static Set<String> names(List<NnxFile> files) {
        Set<String> names = new HashSet<>();
        for (NnxFile file : concat(files, Imports.resolve(files, new Diagnostics()))) {
            names.addAll(Arrays.asList(file.source().text().split("[^A-Za-z0-9_.]+")));
        }
        return names;
    }

    private static boolean isOnly(OneRun only, Definition definition, long firstRun, long runs) {
        return definition.kind() == Definition.Kind.EXPERIMENT
                && definition.name().name().equals(only.experiment())
                && only.index() >= firstRun
                && only.index() < firstRun + runs;
    }

    private static List<NnxFile> concat(List<NnxFile> a, List<NnxFile> b) {
        List<NnxFile> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static Path baseDirectory(NnxFile file) {
        Path parent = file.source().path().toAbsolutePath().getParent();
        return parent == null ? Path.of("").toAbsolutePath() : parent;
    }
}
