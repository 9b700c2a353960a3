package org.nnx.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import org.nnx.analysis.Analyzer;
import org.nnx.dsl.Diagnostic;
import org.nnx.dsl.NnxParser;
import org.nnx.dsl.ast.NnxFile;
import org.nnx.plugin.PluginException;
import org.nnx.plugin.Registries.LoadedPlugins;
import org.nnx.plugin.UnloadedJars;
import org.nnx.registry.ComponentKind;
import org.nnx.registry.ComponentRegistry;
import org.nnx.registry.DatasetLoader;
import org.nnx.registry.PluginOrigin;

/**
 * Reads, parses and checks {@code .nnx} files into {@link Plans}. Every problem of every file is reported,
 * sorted, before nnx gives up; nothing is trained for a file with an error.
 */
final class FileAnalysis {
    /** Input past this size takes seconds to check: nnx says so first. */
    static final long LARGE_INPUT_BYTES = 256 << 10;

    private static long size(Path path) {
        try {
            return Files.isRegularFile(path) ? Files.size(path) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** A diagnostic that a plugin jar not loaded may be the answer to. */
    private static final Pattern UNKNOWN_COMPONENT =
            Pattern.compile("unknown (layer|loss|optimizer|initializer|dataset) '");

    /** Past this many, more errors only bury the first ones; the rest are counted. */
    static final int SHOWN_ERRORS = 100;

    private final ComponentRegistry registry;
    private final DatasetLoader datasets;
    private final Terminal terminal;

    private final UnloadedJars unloadedJars;

    /** The plugin folders and lock to check files in a process of their own first with; empty to check here. */
    private final Optional<ApartCheck> apart;

    /** Whether a file none of whose runs can train, for what it names cannot be used, is an error. */
    private final boolean nothingTrainsIsAnError;

    /** The plugin folders nnx loaded jars from and {@code plugins.lock}, for a process that checks files apart. */
    private record ApartCheck(List<Path> folders, Path lockFile) {}

    FileAnalysis(ComponentRegistry registry, DatasetLoader datasets, Terminal terminal) {
        this(registry, datasets, terminal, new UnloadedJars(List.of(), List.of()), List.of(), Optional.empty(), false);
    }

    /** Checks against the loaded plugins; a file that names something unknown hears of jars near it not loaded. */
    FileAnalysis(LoadedPlugins plugins, DatasetLoader datasets, Terminal terminal) {
        this(
                plugins.registry(),
                datasets,
                terminal,
                new UnloadedJars(
                        plugins.directories(),
                        plugins.jars().stream().map(jar -> Path.of(jar.path())).toList()),
                plugins.directories(),
                Optional.empty(),
                false);
    }

    private final List<Path> pluginFolders;

    private FileAnalysis(
            ComponentRegistry registry,
            DatasetLoader datasets,
            Terminal terminal,
            UnloadedJars jars,
            List<Path> pluginFolders,
            Optional<ApartCheck> apart,
            boolean nothingTrainsIsAnError) {
        this.registry = registry;
        this.datasets = datasets;
        this.terminal = terminal;
        this.unloadedJars = jars;
        this.pluginFolders = pluginFolders;
        this.apart = apart;
        this.nothingTrainsIsAnError = nothingTrainsIsAnError;
    }

    /**
     * This analysis, which first checks files that name contributions of plugin jars in a process of its own
     * ({@link AnalysisProbe}), loading jars under {@code lockFile}: how nnx's own command checks them, where a
     * plugin that ends its process must not end nnx.
     */
    FileAnalysis checkingApartFirst(Path lockFile) {
        return new FileAnalysis(
                registry,
                datasets,
                terminal,
                unloadedJars,
                pluginFolders,
                Optional.of(new ApartCheck(pluginFolders, lockFile)),
                nothingTrainsIsAnError);
    }

    /** This analysis, for which a file none of whose runs can train is an error: what {@code nnx check} says. */
    FileAnalysis nothingTrainingIsAnError() {
        return new FileAnalysis(registry, datasets, terminal, unloadedJars, pluginFolders, apart, true);
    }

    /** This analysis without the code of the jars in {@code reasons}: what names them cannot be used, for that reason. */
    FileAnalysis withUnusable(Map<String, String> reasons) {
        if (reasons.isEmpty()) {
            return this;
        }
        return new FileAnalysis(
                registry.withUnusable(reasons, List.of()),
                datasets,
                terminal,
                unloadedJars,
                pluginFolders,
                apart,
                nothingTrainsIsAnError);
    }

    /** @throws CommandFailure (status 2) after reporting why a file cannot be read or is wrong */
    Plans analyze(List<Path> paths) {
        return analyze(paths, Analyzer::analyze);
    }

    /**
     * The file's plans, checking only what run {@code index} of {@code experiment} needs (its own data): how a
     * process that trains one run checks the file again.
     *
     * @throws CommandFailure (status 2) after reporting why the file cannot be read or that run is wrong
     */
    Plans analyzeRun(Path file, String experiment, int index) {
        return analyze(List.of(file), (analyzer, files) -> analyzer.analyzeRun(files, experiment, index));
    }

    private Plans analyze(List<Path> paths, BiFunction<Analyzer, List<NnxFile>, Analyzer.Result> how) {
        long bytes = paths.stream().mapToLong(FileAnalysis::size).sum();
        if (bytes > LARGE_INPUT_BYTES) {
            // Seconds of parsing and checking ahead: say what is happening rather than sit silent.
            terminal.out().println("checking " + Counts.of(paths.size(), "file") + " (" + (bytes >> 10) + " KB)…");
        }
        List<NnxFile> files = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        boolean unreadable = false;
        for (Path path : paths) {
            unreadable |= !parse(path, files, diagnostics);
        }
        if (unreadable || !diagnostics.isEmpty()) {
            throw report(diagnostics);
        }
        Map<String, String> unusable = new LinkedHashMap<>();
        if (apart.isPresent()) {
            Set<String> used = jarsNamed(files);
            if (!used.isEmpty()) {
                unusable.putAll(AnalysisProbe.unusableJars(
                        paths, used, apart.get().lockFile(), apart.get().folders(), terminal.err()));
            }
        }
        Analyzer.Result analysis;
        while (true) {
            try {
                analysis = how.apply(new Analyzer(withUnusable(unusable).registry, datasets), files);
                break;
            } catch (PluginException e) {
                Optional<String> jar = e.unusableJar().filter(j -> !unusable.containsKey(j));
                if (jar.isEmpty()) {
                    // A plugin's code threw while the file was checked (say, its layer's outputSize).
                    throw new CommandFailure(ExitStatus.BAD_INPUT, e.getMessage());
                }
                // A jar whose plugins cannot be made fails the runs that use it: the file is checked without it.
                unusable.put(jar.get(), e.reason());
            }
        }
        if (!analysis.diagnostics().isEmpty()) {
            throw report(analysis.diagnostics());
        }
        if (nothingTrainsIsAnError && !analysis.unusable().isEmpty()) {
            throw report(analysis.unusable());
        }
        List<Diagnostic> warnings = new ArrayList<>(analysis.warnings());
        analysis.unusable()
                .forEach(use ->
                        warnings.add(new Diagnostic(use.location(), use.message(), Diagnostic.Severity.WARNING)));
        warnings.stream().sorted().forEach(warning -> terminal.err().println(Terminal.printable(warning.render())));
        return new Plans(analysis.plans(), analysis.objectives(), analysis.order());
    }

    /** The plugin jars of which the files (and those they import) may name a contribution, by file name. */
    private Set<String> jarsNamed(List<NnxFile> files) {
        Set<String> names = Analyzer.names(files);
        Set<String> jars = new TreeSet<>();
        for (ComponentKind kind : ComponentKind.values()) {
            registry.resolvable(kind).forEach((name, component) -> {
                PluginOrigin origin = registry.origin(component);
                if (!origin.builtIn() && names.contains(name)) {
                    jars.add(origin.jar());
                }
            });
        }
        return jars;
    }

    /** Adds the file's syntax tree and diagnostics; false, reported, when it cannot be read. */
    private boolean parse(Path path, List<NnxFile> files, List<Diagnostic> diagnostics) {
        try {
            if (Files.isDirectory(path)) {
                terminal.error(path + " is a directory, not an .nnx file");
                return false;
            }
            NnxParser.Result parsed = NnxParser.parse(path, path);
            parsed.file().ifPresent(files::add);
            diagnostics.addAll(parsed.diagnostics());
            return true;
        } catch (NoSuchFileException e) {
            terminal.error(path + ": no such file");
        } catch (IOException e) {
            terminal.error(path + ": cannot read: " + e.getMessage());
        }
        return false;
    }

    /** The first {@value #SHOWN_ERRORS} problems in file order, then how many there are in all. */
    private CommandFailure report(List<Diagnostic> diagnostics) {
        diagnostics.stream()
                .sorted()
                .limit(SHOWN_ERRORS)
                .forEach(d -> terminal.err().println(Terminal.printable(d.render())));
        if (diagnostics.size() > SHOWN_ERRORS) {
            terminal.err().println("… and " + (diagnostics.size() - SHOWN_ERRORS) + " more");
        }
        diagnostics.stream()
                .filter(d -> UNKNOWN_COMPONENT.matcher(d.message()).lookingAt())
                .map(d -> d.location().file().path())
                .distinct()
                .flatMap(file -> unloadedJars.near(file).stream())
                .distinct()
                .forEach(note -> terminal.err().println("nnx: note: " + Terminal.printable(note)));
        if (!diagnostics.isEmpty()) {
            terminal.err().println(diagnostics.size() + (diagnostics.size() == 1 ? " error" : " errors"));
        }
        return CommandFailure.reported(ExitStatus.BAD_INPUT);
    }
}
