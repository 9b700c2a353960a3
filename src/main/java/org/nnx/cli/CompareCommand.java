package org.nnx.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nnx.files.AtomicFile;
import org.nnx.report.ExperimentFiles;
import org.nnx.report.HtmlReport;
import org.nnx.report.ObjectiveFiles;
import org.nnx.report.ObjectiveHtml;
import org.nnx.report.ReportedExperiment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nnx compare DIR... --out FILE.html}: reads experiment folders written by {@code nnx run} and writes
 * one report over all their runs; objective folders likewise, into an objective's page. Nothing is trained;
 * a folder that cannot be read is an error naming it, and so is a mix of experiments and objectives.
 */
@Command(
        name = "compare",
        sortOptions = false,
        customSynopsis = "nnx compare [-h] DIR... --out=FILE.html",
        description = {
            "Write one report over experiments that ran before.",
            "Reads the folders that nnx run wrote; nothing is trained."
        })
final class CompareCommand extends Subcommand {
    /** Past this many runs, drawing the page takes seconds: say so first. */
    static final int MANY_RUNS = 1000;

    @Spec
    CommandSpec spec;

    @Parameters(
            paramLabel = "DIR",
            arity = "1..*",
            description = "an experiment's report folder, or a folder of them (such as reports)")
    List<Path> folders = new ArrayList<>();

    @Option(names = "--out", paramLabel = "FILE.html", description = "the comparison report to write (required)")
    Path outFile;

    CompareCommand(CommandEnvironment environment) {
        super(environment, "no experiment folder given");
    }

    @Override
    public Integer call() {
        if (outFile == null) {
            throw new ParameterException(spec.commandLine(), "compare needs --out FILE.html");
        }
        List<Path> directories = experimentFolders();
        checkOutput(directories);
        if (directories.stream().anyMatch(ObjectiveFiles::isObjectiveFolder)) {
            return compareObjectives(directories);
        }
        List<ReportedExperiment> experiments = read(directories);
        int runs = experiments.stream().mapToInt(e -> e.result().runs().size()).sum();
        if (runs > MANY_RUNS) {
            terminal().out().println("drawing the report of " + Counts.runs(runs) + "…");
        }
        write(HtmlReport.renderComparison(experiments));
        return done(experiments.size()
                + (experiments.size() == 1 ? " experiment, " : " experiments, ")
                + Counts.runs(runs));
    }

    /** The comparison of objective folders: they have their own page, since their runs minimize an f. */
    private int compareObjectives(List<Path> directories) {
        List<ObjectiveFiles.ReportedObjective> objectives = new ArrayList<>();
        for (Path directory : directories) {
            if (!ObjectiveFiles.isObjectiveFolder(directory)) {
                throw new CommandFailure(
                        ExitStatus.BAD_INPUT,
                        directory + " is an experiment and "
                                + directories.stream()
                                        .filter(ObjectiveFiles::isObjectiveFolder)
                                        .findFirst()
                                        .orElseThrow()
                                + " an objective; compare experiments with experiments, objectives with objectives");
            }
            try {
                objectives.add(ObjectiveFiles.read(directory));
            } catch (IOException e) {
                throw unreadable(directory, e);
            }
        }
        write(ObjectiveHtml.renderComparison(objectives));
        int runs = objectives.stream().mapToInt(o -> o.results().size()).sum();
        return done(
                objectives.size() + (objectives.size() == 1 ? " objective, " : " objectives, ") + Counts.runs(runs));
    }

    /** Says what was compared and where the report is. */
    private int done(String compared) {
        terminal().out().println("compared " + compared);
        terminal().out().println("report: " + outFile);
        return ExitStatus.OK;
    }

    /** Writes {@code html} to {@code --out}, creating its folder. */
    private void write(String html) {
        try {
            Path parent = outFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            AtomicFile.writeString(outFile, html);
        } catch (IOException e) {
            throw new CommandFailure(ExitStatus.RUN_FAILED, "cannot write " + outFile + ": " + e.getMessage());
        }
    }

    /**
     * The experiment folders the arguments name, each once: the same folder given twice, under any spelling,
     * would only be compared with itself.
     *
     * @throws CommandFailure (status 2) naming a folder that cannot be read, or one given twice
     */
    private List<Path> experimentFolders() {
        Map<Path, Path> byRealPath = new LinkedHashMap<>();
        for (Path folder : folders) {
            try {
                for (Path directory : ExperimentFiles.experimentFolders(folder)) {
                    Path earlier = byRealPath.putIfAbsent(directory.toRealPath(), directory);
                    if (earlier != null) {
                        throw new CommandFailure(
                                ExitStatus.BAD_INPUT,
                                directory + " is given twice"
                                        + (earlier.equals(directory) ? "" : " (also as " + earlier + ")")
                                        + "; each experiment is compared once");
                    }
                }
            } catch (IOException e) {
                throw unreadable(folder, e);
            }
        }
        return List.copyOf(byRealPath.values());
    }

    /** The comparison is written beside its inputs, never into one of them, and never over a folder. */
    private void checkOutput(List<Path> directories) {
        if (Files.isDirectory(outFile)) {
            throw new CommandFailure(
                    ExitStatus.BAD_INPUT, outFile + " is a folder; --out names the .html file to write");
        }
        Path target = realParent(outFile);
        for (Path directory : directories) {
            try {
                if (target.startsWith(directory.toRealPath())) {
                    throw new CommandFailure(
                            ExitStatus.BAD_INPUT,
                            "--out " + outFile + " is inside " + directory
                                    + ", one of the experiments compared; write the comparison beside them");
                }
            } catch (IOException e) {
                throw new CommandFailure(ExitStatus.BAD_INPUT, directory + ": " + e.getMessage());
            }
        }
    }

    /** The real folder {@code file} would be written into, as far as it exists. */
    private static Path realParent(Path file) {
        Path parent = file.toAbsolutePath().normalize().getParent();
        Path existing = parent;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        try {
            return existing == null ? parent : existing.toRealPath().resolve(existing.relativize(parent));
        } catch (IOException e) {
            return parent;
        }
    }

    /** @throws CommandFailure (status 2) naming a folder whose files cannot be read */
    private static List<ReportedExperiment> read(List<Path> directories) {
        List<ReportedExperiment> experiments = new ArrayList<>();
        for (Path directory : directories) {
            try {
                experiments.add(ExperimentFiles.read(directory));
            } catch (IOException e) {
                throw unreadable(directory, e);
            }
        }
        return experiments;
    }

    /** Status 2 naming the file that is missing, or else the folder that could not be read. */
    private static CommandFailure unreadable(Path folder, IOException e) {
        if (e instanceof NoSuchFileException missing) {
            return new CommandFailure(
                    ExitStatus.BAD_INPUT,
                    missing.getFile() + (missing.getReason() == null ? ": no such file" : ": " + missing.getReason()));
        }
        return new CommandFailure(ExitStatus.BAD_INPUT, folder + ": " + e.getMessage());
    }
}
