package org.nnx.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.nnx.plugin.PluginDirectories;
import org.nnx.tensor.BlasSelection;
import org.nnx.train.StopSignal;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** The {@code nnx} command line: builds the commands, runs the one asked for and returns the exit status. */
public final class Cli {
    private final CommandEnvironment environment;

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
     * @param terminal            whether stdout is a terminal, where progress is redrawn in place
     * @param defaultPluginFolder {@code plugins/}, or, in tests, a folder that keeps jars a developer dropped
     *                            into the project's own {@code plugins/} out of the test
     * @param chooseBlas          whether to choose the BLAS backend by {@link BlasSelection}; tests keep theirs
     */
    Cli(
            PrintStream out,
            PrintStream err,
            StopSignal stop,
            boolean terminal,
            Path defaultPluginFolder,
            boolean chooseBlas) {
        Terminal console = new Terminal(out, err, terminal);
        console.debug("1".equals(System.getenv("NNX_DEBUG")));
        this.environment = new CommandEnvironment(console, stop, defaultPluginFolder, chooseBlas);
    }

    public int run(String[] args) {
        CommandLine nnx = commandLine(environment);
        try {
            return nnx.execute(args);
        } finally {
            nnx.getOut().flush();
            nnx.getErr().flush();
        }
    }

    /** Every command of nnx, in the order its usage lists them. */
    static CommandLine commandLine(CommandEnvironment environment) {
        Terminal terminal = environment.terminal();
        CommandLine nnx = new CommandLine(new NnxCommand(terminal));
        for (Subcommand command : List.of(
                new RunCommand(environment),
                new CheckCommand(environment),
                new PredictCommand(environment),
                new EvaluateCommand(environment),
                new ExportCommand(environment),
                new PluginsCommand(environment),
                new FmtCommand(environment),
                new CompareCommand(environment),
                new BenchCommand(environment),
                new CompletionCommand(environment),
                new HelpCommand(environment))) {
            CommandLine subcommand = new CommandLine(command);
            // Added here, after the command's own options and before the inherited --debug, as help lists them.
            subcommand.getCommandSpec().addMixin("help", CommandSpec.forAnnotatedObject(new HelpOption()));
            nnx.addSubcommand(subcommand);
        }
        // These apply to every subcommand added above. An argument starting with @ is a file name, as before.
        nnx.setExpandAtFiles(false)
                .setOverwrittenOptionsAllowed(true)
                .setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF))
                .setOut(new PrintWriter(terminal.out(), true))
                .setErr(new PrintWriter(terminal.err(), true))
                .setParameterExceptionHandler(new UsageErrorHandler(terminal))
                .setExecutionExceptionHandler(new FailureHandler(terminal));
        exitStatuses(nnx);
        return nnx;
    }

    /** nnx's statuses for help, a bad command line and a command that threw, on every command. */
    private static void exitStatuses(CommandLine command) {
        command.getCommandSpec()
                .exitCodeOnSuccess(ExitStatus.OK)
                .exitCodeOnUsageHelp(ExitStatus.OK)
                .exitCodeOnVersionHelp(ExitStatus.OK)
                .exitCodeOnInvalidInput(ExitStatus.BAD_INPUT)
                .exitCodeOnExecutionException(ExitStatus.RUN_FAILED);
        command.getSubcommands().values().forEach(Cli::exitStatuses);
    }
}
