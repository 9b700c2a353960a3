package org.nnx.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.nnx.analysis.Analyzer;
import org.nnx.analysis.Suggestions;
import org.nnx.bench.BenchOptions;
import org.nnx.bench.Benchmark;
import org.nnx.dsl.Diagnostic;
import org.nnx.dsl.Formatter;
import org.nnx.dsl.NnxParser;
import org.nnx.dsl.ast.NnxFile;
import org.nnx.model.ExperimentPlan;
import org.nnx.model.ObjectivePlan;
import org.nnx.model.ObjectiveRun;
import org.nnx.report.ObjectiveReportWriter;
import org.nnx.train.ObjectiveResult;
import org.nnx.train.ObjectiveRunner;
import org.nnx.plugin.PluginDirectories;
import org.nnx.plugin.PluginException;
import org.nnx.plugin.PluginStartupException;
import org.nnx.plugin.Registries;
import org.nnx.plugin.Registries.LoadedPlugins;
import org.nnx.registry.ComponentRegistry;
import org.nnx.registry.DatasetLoader;
import org.nnx.report.ExperimentFiles;
import org.nnx.report.HtmlReport;
import org.nnx.report.ReportWriter;
import org.nnx.report.ReportedExperiment;
import org.nnx.spi.DatasetException;
import org.nnx.tensor.Blas;
import org.nnx.tensor.BlasSelection;
import org.nnx.train.ExperimentResult;
import org.nnx.train.ExperimentRunner;
import org.nnx.train.RunStatus;
import org.nnx.train.StopSignal;
import org.nnx.train.Trainer;

/** Parses the command line and runs a command; returns the exit status. The composition root of nnx. */
public final class Cli {
    static final String USAGE = """
            usage: nnx run FILE... [--out DIR] [--only NAME]   train every experiment and objective in the files
                   nnx check FILE...                           parse and check only; nothing is trained
                   nnx plugins [--verify]                      every name a file can use, with its parameters
                                                               and source; --verify gradient-checks every layer
                   nnx fmt FILE... [--check]                   rewrite files in the canonical layout;
                                                               --check only lists those that would change
                   nnx compare DIR... --out FILE.html          one report over experiments that ran before,
                                                               from their folders (or a folder of them)
                   nnx bench [--model small|big] [--peers] ... time the reference models' training
                   nnx help                                    this text
            run, check and plugins also load plugin jars from each --plugins DIR (besides plugins/ and
            the folders of NNX_PLUGIN_PATH)
            """;

    private final PrintStream out;
    private final PrintStream err;
    private final StopSignal stop;
    private final boolean terminal;
    private final Path defaultPluginFolder;
    /** Plugin jars opened by the command, closed when it ends. */
    private final List<LoadedPlugins> openedPlugins = new ArrayList<>();
    private final boolean chooseBlas;

    /** The command as {@code nnx} runs it: it chooses the process's BLAS backend before training. */
    public Cli(PrintStream out, PrintStream err) {
        this(out, err, Interrupts.install(), System.console() != null, PluginDirectories.DEFAULT, true);
    }

    Cli(PrintStream out, PrintStream err, StopSignal stop, boolean terminal) {
        this(out, err, stop, terminal, PluginDirectories.DEFAULT, false);
    }

    Cli(PrintStream out, PrintStream err, StopSignal stop, boolean terminal, Path defaultPluginFolder) {
        this(out, err, stop, terminal, defaultPluginFolder, false);
    }

    /**
     * @param defaultPluginFolder {@code plugins/}, or, in tests, a folder that keeps jars a developer dropped
     *                            into the project's own {@code plugins/} out of the test
     * @param chooseBlas          whether to choose the BLAS backend by {@link BlasSelection}; tests keep theirs
     */
    Cli(PrintStream out, PrintStream err, StopSignal stop, boolean terminal, Path defaultPluginFolder,
        boolean chooseBlas) {
        this.defaultPluginFolder = defaultPluginFolder;
        this.out = out;
        this.err = err;
        this.stop = stop;
        this.terminal = terminal;
        this.chooseBlas = chooseBlas;
    }

    public int run(String[] args) {
        if (args.length == 0) {
            err.print(USAGE);
            return ExitStatus.BAD_INPUT;
        }
        List<String> rest = List.of(args).subList(1, args.length);
        try {
            return switch (args[0]) {
                case "run" -> run(rest, false);
                case "check" -> run(rest, true);
                case "fmt" -> format(rest);
                case "plugins" -> plugins(rest);
                case "compare" -> compare(rest);
                case "bench" -> bench(rest);
                case "help", "--help", "-h" -> {
                    out.print(USAGE);
                    yield ExitStatus.OK;
                }
                default -> usage(Suggestions.unknown("command", args[0],
                        List.of("run", "check", "fmt", "plugins", "compare", "bench", "help")));
            };
        } catch (UsageException e) {
            return usage(e.getMessage());
        } finally {
            openedPlugins.forEach(LoadedPlugins::close);
            openedPlugins.clear();
        }
    }

    /** {@code nnx plugins [--verify] [--plugins DIR]...}. */
    private int plugins(List<String> args) {
        List<Path> directories = new ArrayList<>();
        boolean verify = false;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--verify" -> verify = true;
                case "--plugins" -> directories.add(Path.of(Options.value(args, ++i, "--plugins")));
                default -> throw new UsageException(args.get(i).startsWith("--")
                        ? Suggestions.unknown("option", args.get(i), List.of("--verify", "--plugins"))
                        : "plugins takes no files, only --verify and --plugins DIR");
            }
        }
        LoadedPlugins plugins = loadPlugins(directories);
        if (plugins == null) {
            return ExitStatus.BAD_INPUT;
        }
        PluginsCommand command = new PluginsCommand(out);
        return verify ? command.verify(plugins) : command.list(plugins);
    }

    /**
     * The built-ins and the plugin jars of {@code plugins/}, the {@code --plugins} folders and
     * {@code NNX_PLUGIN_PATH}; null after reporting why nnx cannot start with them (a name given twice).
     * A jar that cannot load is a warning, and nnx goes on without it.
     */
    private LoadedPlugins loadPlugins(List<Path> given) {
        Consumer<String> warning = message -> err.println("nnx: warning: " + message);
        try {
            List<Path> directories = PluginDirectories.resolve(defaultPluginFolder, given,
                    System.getenv(PluginDirectories.ENVIRONMENT_VARIABLE), warning);
            LoadedPlugins plugins = Registries.load(directories, warning);
            openedPlugins.add(plugins);
            return plugins;
        } catch (PluginStartupException e) {
            e.problems().forEach(problem -> err.println("nnx: error: " + problem));
            return null;
        }
    }

    private int usage(String message) {
        err.println("nnx: error: " + message);
        err.print(USAGE);
        return ExitStatus.BAD_INPUT;
    }

    /** {@code nnx fmt}: files that do not parse are reported and left alone. */
    private int format(List<String> args) {
        boolean checkOnly = args.contains("--check");
        List<String> files = args.stream().filter(a -> !a.equals("--check")).toList();
        if (files.isEmpty() || files.stream().anyMatch(f -> f.startsWith("--"))) {
            throw new UsageException(files.isEmpty() ? "no .nnx file given" : "fmt takes files and --check");
        }
        int status = ExitStatus.OK;
        for (String name : files) {
            Path path = Path.of(name);
            try {
                NnxParser.Result parsed = NnxParser.parse(path, path);
                if (!parsed.diagnostics().isEmpty()) {
                    parsed.diagnostics().forEach(d -> err.println(d.render()));
                    status = ExitStatus.BAD_INPUT;
                    continue;
                }
                String original = parsed.file().orElseThrow().source().text();
                String formatted = Formatter.format(parsed.file().orElseThrow().source());
                if (formatted.equals(original)) {
                    continue;
                }
                if (checkOnly) {
                    out.println(name);
                    status = Math.max(status, ExitStatus.RUN_FAILED);
                } else {
                    Files.writeString(path, formatted);
                    out.println("formatted " + name);
                }
            } catch (IOException e) {
                err.println("nnx: error: " + name + ": cannot read or write: " + e.getMessage());
                status = ExitStatus.BAD_INPUT;
            }
        }
        return status;
    }

    /**
     * {@code nnx compare}: reads experiment folders written by {@code nnx run} and writes one report over
     * all their runs. Nothing is trained; a folder that cannot be read is an error naming it.
     */
    private int compare(List<String> args) {
        Path outFile = null;
        List<String> folders = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--out")) {
                outFile = Path.of(Options.value(args, ++i, arg));
            } else if (arg.startsWith("--")) {
                throw new UsageException(Suggestions.unknown("option", arg, List.of("--out")));
            } else {
                folders.add(arg);
            }
        }
        if (folders.isEmpty()) {
            throw new UsageException("no experiment folder given");
        }
        if (outFile == null) {
            throw new UsageException("compare needs --out FILE.html");
        }
        List<ReportedExperiment> experiments = new ArrayList<>();
        for (String folder : folders) {
            try {
                for (Path directory : ExperimentFiles.experimentFolders(Path.of(folder))) {
                    experiments.add(ExperimentFiles.read(directory));
                }
            } catch (NoSuchFileException e) {
                err.println("nnx: error: " + e.getFile() + (e.getReason() == null ? ": no such file" : ": " + e.getReason()));
                return ExitStatus.BAD_INPUT;
            } catch (IOException e) {
                err.println("nnx: error: " + folder + ": " + e.getMessage());
                return ExitStatus.BAD_INPUT;
            }
        }
        try {
            Path parent = outFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(outFile, HtmlReport.renderComparison(experiments), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("nnx: error: cannot write " + outFile + ": " + e.getMessage());
            return ExitStatus.RUN_FAILED;
        }
        int runs = experiments.stream().mapToInt(e -> e.result().runs().size()).sum();
        out.println("compared " + experiments.size() + (experiments.size() == 1 ? " experiment, " : " experiments, ")
                + runs(runs));
        out.println("report: " + outFile);
        return ExitStatus.OK;
    }

    private int run(List<String> args, boolean checkOnly) {
        Options options = Options.parse(args, checkOnly);
        LoadedPlugins plugins = loadPlugins(options.plugins());
        if (plugins == null) {
            return ExitStatus.BAD_INPUT;
        }
        ComponentRegistry registry = plugins.registry();
        DatasetLoader datasets = new DatasetLoader(registry);

        List<NnxFile> files = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        boolean unreadable = false;
        for (String name : options.files()) {
            Path path = Path.of(name);
            try {
                if (Files.isDirectory(path)) {
                    err.println("nnx: error: " + name + " is a directory, not an .nnx file");
                    unreadable = true;
                    continue;
                }
                NnxParser.Result parsed = NnxParser.parse(path, path);
                parsed.file().ifPresent(files::add);
                diagnostics.addAll(parsed.diagnostics());
            } catch (NoSuchFileException e) {
                err.println("nnx: error: " + name + ": no such file");
                unreadable = true;
            } catch (IOException e) {
                err.println("nnx: error: " + name + ": cannot read: " + e.getMessage());
                unreadable = true;
            }
        }
        Analyzer.Result analysis = null;
        if (diagnostics.isEmpty() && !unreadable) {
            try {
                analysis = new Analyzer(registry, datasets).analyze(files);
            } catch (PluginException e) {
                // A plugin's code threw while the file was checked (say, its layer's outputSize).
                err.println("nnx: error: " + e.getMessage());
                return ExitStatus.BAD_INPUT;
            }
            diagnostics.addAll(analysis.diagnostics());
        }
        if (!diagnostics.isEmpty() || unreadable) {
            diagnostics.stream().sorted().forEach(d -> err.println(d.render()));
            if (!diagnostics.isEmpty()) {
                err.println(diagnostics.size() + (diagnostics.size() == 1 ? " error" : " errors"));
            }
            return ExitStatus.BAD_INPUT;
        }
        List<ExperimentPlan> plans = analysis.plans();
        List<ObjectivePlan> objectives = analysis.objectives();
        if (options.only() != null) {
            plans = plans.stream().filter(p -> p.name().equals(options.only())).toList();
            objectives = objectives.stream().filter(p -> p.name().equals(options.only())).toList();
            if (plans.isEmpty() && objectives.isEmpty()) {
                List<String> names = new ArrayList<>();
                analysis.plans().forEach(p -> names.add(p.name()));
                analysis.objectives().forEach(p -> names.add(p.name()));
                err.println("nnx: error: " + Suggestions.unknown("experiment", options.only(), names));
                return ExitStatus.BAD_INPUT;
            }
        }
        if (checkOnly) {
            for (ExperimentPlan plan : plans) {
                out.println(plan.name() + ": ok, " + runs(plan.runs().size()));
            }
            for (ObjectivePlan objective : objectives) {
                out.println(objective.name() + ": ok, " + runs(objective.runs().size()));
            }
            return ExitStatus.OK;
        }
        if (!chooseBlas()) {
            return ExitStatus.BAD_INPUT;
        }
        int status = train(plans, registry, datasets, options.out());
        if (status == ExitStatus.OK || status == ExitStatus.RUN_FAILED) {
            status = Math.max(status, minimize(objectives, options.out()));
        }
        return stop.requested() ? ExitStatus.INTERRUPTED : status;
    }

    private static String runs(int count) {
        return count + (count == 1 ? " run" : " runs");
    }

    private int minimize(List<ObjectivePlan> objectives, Path outDir) {
        ObjectiveRunner runner = new ObjectiveRunner(stop);
        int status = ExitStatus.OK;
        for (ObjectivePlan objective : objectives) {
            out.println("objective " + objective.name() + " (" + objective.source() + "): minimize " + objective.formula());
            List<ObjectiveResult> results = new ArrayList<>();
            for (ObjectiveRun run : objective.runs()) {
                ObjectiveResult result = runner.run(run);
                results.add(result);
                out.println("  " + ProgressDisplay.summary(result));
            }
            Path directory = outDir.resolve(ReportWriter.folderName(objective.name()));
            try {
                ObjectiveReportWriter.write(objective, results, directory);
                out.println("report: " + directory.resolve(ReportWriter.INDEX_FILE));
            } catch (IOException e) {
                err.println("nnx: error: cannot write the report to " + directory + ": " + e.getMessage());
                status = ExitStatus.RUN_FAILED;
            }
        }
        return status;
    }

    /**
     * Chooses the BLAS backend once for the process, before anything trains.
     *
     * @return false, with the reason on stderr, when {@code NNX_BLAS} asks for a backend that cannot run
     */
    private boolean chooseBlas() {
        if (!chooseBlas) {
            return true;
        }
        try {
            BlasSelection.install();
            return true;
        } catch (BlasSelection.BlasUnavailableException e) {
            err.println("nnx: error: " + e.getMessage());
            return false;
        }
    }

    private int bench(List<String> args) {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args, Benchmark.repository());
        } catch (IllegalArgumentException e) {
            err.println("nnx: error: " + e.getMessage());
            err.print("usage: " + BenchOptions.USAGE);
            return ExitStatus.BAD_INPUT;
        }
        if (!chooseBlas()) {
            return ExitStatus.BAD_INPUT;
        }
        try {
            int status = new Benchmark(out, err, Registries.builtins(), stop).run(options);
            if (stop.requested()) {
                return ExitStatus.INTERRUPTED;
            }
            return status == 0 ? ExitStatus.OK : ExitStatus.RUN_FAILED;
        } catch (DatasetException e) {
            err.println("nnx: error: " + e.getMessage());
            return ExitStatus.BAD_INPUT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitStatus.INTERRUPTED;
        }
    }

    private int train(List<ExperimentPlan> plans, ComponentRegistry registry, DatasetLoader datasets, Path outDir) {
        // The cores go to runs side by side, each with a one-thread BLAS, unless the BLAS was given more threads.
        int runsAtOnce = BlasSelection.threadsPerProduct(Blas.current()) == 1
                ? Runtime.getRuntime().availableProcessors() : 1;
        ExperimentRunner runner = new ExperimentRunner(new Trainer(registry, stop), datasets, stop, runsAtOnce);
        boolean failed = false;
        for (ExperimentPlan plan : plans) {
            out.println("experiment " + plan.name() + " (" + plan.source() + ")");
            ProgressDisplay progress = new ProgressDisplay(out, terminal, runsAtOnce > 1 && plan.runs().size() > 1);
            ExperimentResult result = runner.run(plan, progress);
            Path directory = outDir.resolve(ReportWriter.folderName(plan.name()));
            try {
                ReportWriter.write(result, directory);
                out.println("report: " + directory.resolve("index.html"));
            } catch (IOException e) {
                err.println("nnx: error: cannot write the report to " + directory + ": " + e.getMessage());
                failed = true;
            }
            failed |= result.runs().stream().anyMatch(r -> r.status() == RunStatus.FAILED);
        }
        return failed ? ExitStatus.RUN_FAILED : ExitStatus.OK;
    }

    /** Thrown for a malformed command line. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    /** The options of {@code run} and {@code check}. */
    record Options(List<String> files, Path out, String only, List<Path> plugins) {
        static Options parse(List<String> args, boolean checkOnly) {
            List<String> files = new ArrayList<>();
            Path out = Path.of("reports");
            String only = null;
            List<Path> plugins = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                switch (arg) {
                    case "--out" -> {
                        if (checkOnly) {
                            throw new UsageException("--out is an option of 'run', not of 'check'");
                        }
                        out = Path.of(value(args, ++i, arg));
                    }
                    case "--only" -> only = value(args, ++i, arg);
                    case "--plugins" -> plugins.add(Path.of(value(args, ++i, arg)));
                    default -> {
                        if (arg.startsWith("--")) {
                            throw new UsageException(Suggestions.unknown("option", arg, List.of("--out", "--only", "--plugins")));
                        }
                        files.add(arg);
                    }
                }
            }
            if (files.isEmpty()) {
                throw new UsageException("no .nnx file given");
            }
            return new Options(files, out, only, plugins);
        }

        static String value(List<String> args, int index, String option) {
            if (index >= args.size()) {
                throw new UsageException(option + " needs a value");
            }
            return args.get(index);
        }
    }
}
