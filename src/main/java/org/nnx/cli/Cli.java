package org.nnx.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nnx.analysis.Analyzer;
import org.nnx.analysis.Suggestions;
import org.nnx.bench.BenchOptions;
import org.nnx.bench.Benchmark;
import org.nnx.dsl.Diagnostic;
import org.nnx.dsl.NnxParser;
import org.nnx.dsl.ast.NnxFile;
import org.nnx.model.ExperimentPlan;
import org.nnx.plugin.Registries;
import org.nnx.registry.ComponentRegistry;
import org.nnx.registry.DatasetLoader;
import org.nnx.report.ReportWriter;
import org.nnx.spi.DatasetException;
import org.nnx.tensor.BlasSelection;
import org.nnx.train.ExperimentResult;
import org.nnx.train.ExperimentRunner;
import org.nnx.train.RunStatus;
import org.nnx.train.StopSignal;
import org.nnx.train.Trainer;

/** Parses the command line and runs a command; returns the exit status. The composition root of nnx. */
public final class Cli {
    static final String USAGE = """
            usage: nnx run FILE... [--out DIR] [--only NAME]   train every experiment in the files
                   nnx check FILE...                           parse and check only; nothing is trained
                   nnx bench [--model small|big] [--peers] ... time the reference models' training
                   nnx help                                    this text
            """;

    private final PrintStream out;
    private final PrintStream err;
    private final StopSignal stop;
    private final boolean terminal;
    private final boolean chooseBlas;

    /** The command as {@code nnx} runs it: it chooses the process's BLAS backend before training. */
    public Cli(PrintStream out, PrintStream err) {
        this(out, err, Interrupts.install(), System.console() != null, true);
    }

    Cli(PrintStream out, PrintStream err, StopSignal stop, boolean terminal) {
        this(out, err, stop, terminal, false);
    }

    /** @param chooseBlas whether to choose the BLAS backend by {@link BlasSelection}; tests keep theirs */
    Cli(PrintStream out, PrintStream err, StopSignal stop, boolean terminal, boolean chooseBlas) {
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
                case "bench" -> bench(rest);
                case "help", "--help", "-h" -> {
                    out.print(USAGE);
                    yield ExitStatus.OK;
                }
                default -> usage(Suggestions.unknown("command", args[0], List.of("run", "check", "bench", "help")));
            };
        } catch (UsageException e) {
            return usage(e.getMessage());
        }
    }

    private int usage(String message) {
        err.println("nnx: error: " + message);
        err.print(USAGE);
        return ExitStatus.BAD_INPUT;
    }

    private int run(List<String> args, boolean checkOnly) {
        Options options = Options.parse(args, checkOnly);
        ComponentRegistry registry = Registries.builtins();
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
            analysis = new Analyzer(registry, datasets).analyze(files);
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
        if (options.only() != null) {
            Optional<ExperimentPlan> only = plans.stream().filter(p -> p.name().equals(options.only())).findFirst();
            if (only.isEmpty()) {
                err.println("nnx: error: " + Suggestions.unknown("experiment", options.only(),
                        plans.stream().map(ExperimentPlan::name).toList()));
                return ExitStatus.BAD_INPUT;
            }
            plans = List.of(only.get());
        }
        if (checkOnly) {
            for (ExperimentPlan plan : plans) {
                out.println(plan.name() + ": ok, " + plan.runs().size() + (plan.runs().size() == 1 ? " run" : " runs"));
            }
            return ExitStatus.OK;
        }
        if (!chooseBlas()) {
            return ExitStatus.BAD_INPUT;
        }
        return train(plans, registry, datasets, options.out());
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
        ExperimentRunner runner = new ExperimentRunner(new Trainer(registry, stop), datasets, stop);
        ProgressDisplay progress = new ProgressDisplay(out, terminal);
        boolean failed = false;
        for (ExperimentPlan plan : plans) {
            out.println("experiment " + plan.name() + " (" + plan.source() + ")");
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
        if (stop.requested()) {
            return ExitStatus.INTERRUPTED;
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
    record Options(List<String> files, Path out, String only) {
        static Options parse(List<String> args, boolean checkOnly) {
            List<String> files = new ArrayList<>();
            Path out = Path.of("reports");
            String only = null;
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
                    default -> {
                        if (arg.startsWith("--")) {
                            throw new UsageException(Suggestions.unknown("option", arg, List.of("--out", "--only")));
                        }
                        files.add(arg);
                    }
                }
            }
            if (files.isEmpty()) {
                throw new UsageException("no .nnx file given");
            }
            return new Options(files, out, only);
        }

        private static String value(List<String> args, int index, String option) {
            if (index >= args.size()) {
                throw new UsageException(option + " needs a value");
            }
            return args.get(index);
        }
    }
}
