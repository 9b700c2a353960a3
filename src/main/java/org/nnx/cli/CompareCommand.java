package org.nnx.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.nnx.report.ExperimentFiles;
import org.nnx.report.HtmlReport;
import org.nnx.report.ReportedExperiment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nnx compare DIR... --out FILE.html}: reads experiment folders written by {@code nnx run} and writes
 * one report over all their runs. Nothing is trained; a folder that cannot be read is an error naming it.
 */
@Command(name = "compare", sortOptions = false, customSynopsis = "nnx compare [-h] DIR... --out=FILE.html",
        description = {"Write one report over experiments that ran before.",
                "Reads the folders that nnx run wrote; nothing is trained."})
final class CompareCommand implements Callable<Integer>, NeedsArguments {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", arity = "1..*",
            description = "an experiment's report folder, or a folder of them (such as reports)")
    List<Path> folders = new ArrayList<>();

    @Option(names = "--out", paramLabel = "FILE.html", description = "the comparison report to write (required)")
    Path outFile;

    @Mixin
    HelpOption help;

    private final Terminal terminal;

    CompareCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public String whenNoneGiven() {
        return "no experiment folder given";
    }

    @Override
    public Integer call() {
        if (outFile == null) {
            throw new ParameterException(spec.commandLine(), "compare needs --out FILE.html");
        }
        List<ReportedExperiment> experiments = read();
        try {
            Path parent = outFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(outFile, HtmlReport.renderComparison(experiments), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CommandFailure(ExitStatus.RUN_FAILED, "cannot write " + outFile + ": " + e.getMessage());
        }
        int runs = experiments.stream().mapToInt(e -> e.result().runs().size()).sum();
        terminal.out().println("compared " + experiments.size()
                + (experiments.size() == 1 ? " experiment, " : " experiments, ") + Counts.runs(runs));
        terminal.out().println("report: " + outFile);
        return ExitStatus.OK;
    }

    /** @throws CommandFailure (status 2) naming a folder that cannot be read */
    private List<ReportedExperiment> read() {
        List<ReportedExperiment> experiments = new ArrayList<>();
        for (Path folder : folders) {
            try {
                for (Path directory : ExperimentFiles.experimentFolders(folder)) {
                    experiments.add(ExperimentFiles.read(directory));
                }
            } catch (NoSuchFileException e) {
                throw new CommandFailure(ExitStatus.BAD_INPUT,
                        e.getFile() + (e.getReason() == null ? ": no such file" : ": " + e.getReason()));
            } catch (IOException e) {
                throw new CommandFailure(ExitStatus.BAD_INPUT, folder + ": " + e.getMessage());
            }
        }
        return experiments;
    }
}
