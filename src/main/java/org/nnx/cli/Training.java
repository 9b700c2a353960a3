package org.nnx.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nnx.files.AtomicFile;
import org.nnx.files.OutputException;
import org.nnx.files.OutputTree;
import org.nnx.model.ExperimentPlan;
import org.nnx.model.ObjectivePlan;
import org.nnx.model.ObjectiveRun;
import org.nnx.registry.ComponentRegistry;
import org.nnx.registry.DatasetLoader;
import org.nnx.report.ExperimentWriter;
import org.nnx.report.ObjectiveReportWriter;
import org.nnx.report.ReportIndex;
import org.nnx.report.ReportWriter;
import org.nnx.tensor.Blas;
import org.nnx.tensor.BlasSelection;
import org.nnx.train.ExperimentResult;
import org.nnx.train.ExperimentRunner;
import org.nnx.train.ObjectiveResult;
import org.nnx.train.ObjectiveRunner;
import org.nnx.train.RunIsolation;
import org.nnx.train.RunStatus;
import org.nnx.train.Trainer;
import org.nnx.train.TrainingListener;

/**
 * {@code nnx run} once the files are checked: trains every experiment and minimizes every objective, each
 * into its report folder under the output folder. A run that fails, or a report that cannot be written,
 * fails the command (status 1) but not the others; Ctrl-C ends it with what was computed (status 130).
 */
final class Training {
    private final CommandEnvironment environment;
    private final ComponentRegistry registry;
    private final DatasetLoader datasets;
    private final Path outDir;
    private final PrintStream out;
    private boolean resume;
    private RunIsolation isolation = RunIsolation.NONE;
    private RunEngine.Runs engine;

    /** Goes on from what an interrupted run of the same files left in the output folder ({@code --resume}). */
    Training resuming(boolean value) {
        resume = value;
        return this;
    }

    /** Trains the runs {@code runs} isolates there, as many at once as it says. */
    Training on(RunEngine.Runs runs) {
        isolation = runs;
        engine = runs;
        return this;
    }

    Training(CommandEnvironment environment, ComponentRegistry registry, DatasetLoader datasets, Path outDir) {
        this.environment = environment;
        this.registry = registry;
        this.datasets = datasets;
        this.outDir = outDir;
        this.out = environment.terminal().out();
    }

    /**
     * Trains every experiment and minimizes every objective, in the order the files write them.
     *
     * @param inputs the files the command read, which nothing may overwrite
     * @param index  writes a page linking every report in that order ({@code nnx run FOLDER}); null for none
     * @return the exit status
     * @throws CommandFailure (status 2) when the output folder cannot be written or {@code NNX_CORES} is not a
     *                        number of cores, before anything trains
     */
    int run(Plans plans, List<Path> inputs, String index) {
        // Before the output folder: a bad NNX_CORES fails the command before anything is written.
        ExperimentRunner runner = experimentRunner();
        try (OutputTree tree = openOutput(inputs)) {
            environment.stop().trainingStarts();
            ObjectiveRunner objectives = new ObjectiveRunner(environment.stop());
            List<ReportIndex.Entry> entries = new ArrayList<>();
            boolean[] failed = {false};
            plans.forEachInOrder(
                    plan -> failed[0] |= train(tree, runner, plan, entries),
                    objective -> failed[0] |= minimize(tree, objectives, objective, entries));
            if (index != null) {
                writeIndex(tree, index, entries);
            }
            int status = failed[0] ? ExitStatus.RUN_FAILED : ExitStatus.OK;
            return environment.stop().requested() ? ExitStatus.INTERRUPTED : status;
        }
    }

    /** The output folder, checked writable and held for this process before the first run starts. */
    private OutputTree openOutput(List<Path> inputs) {
        try {
            return OutputTree.open(outDir, inputs);
        } catch (OutputException e) {
            throw new CommandFailure(ExitStatus.BAD_INPUT, e.getMessage());
        }
    }

    /**
     * The cores ({@link CoreCount}) go to runs side by side, each with a one-thread BLAS, and what is left over to
     * their core groups, unless the BLAS was given more threads.
     */
    private ExperimentRunner experimentRunner() {
        int localCores = BlasSelection.threadsPerProduct(Blas.current()) == 1
                ? CoreCount.of(
                        System.getenv(CoreCount.VARIABLE), Runtime.getRuntime().availableProcessors())
                : 1;
        runsAtOnce = engine == null ? localCores : engine.runsAtOnce(localCores);
        return new ExperimentRunner(
                new Trainer(registry, environment.stop()), datasets, environment.stop(), runsAtOnce, isolation);
    }

    private int runsAtOnce = 1;

    /** Trains one experiment, writing its folder as runs end; true when a run failed or a file could not be written. */
    private boolean train(
            OutputTree tree, ExperimentRunner runner, ExperimentPlan plan, List<ReportIndex.Entry> index) {
        out.println("experiment " + plan.name() + " (" + Terminal.printable(String.valueOf(plan.source())) + ")");
        ProgressDisplay progress = new ProgressDisplay(
                out,
                environment.terminal().interactive(),
                runsAtOnce > 1 && plan.runs().size() > 1);
        Terminal terminal = environment.terminal();
        try (ExperimentWriter writer = ExperimentWriter.open(tree, plan, terminal::warning, resume)) {
            // The files first: a run the progress line calls finished is already on disk.
            ExperimentResult result = runner.run(plan, TrainingListener.both(writer, progress), writer.resumption());
            result.runs().forEach(run -> terminal.trace(run.trace()));
            result.baselines().ifPresent(b -> out.println("  " + Terminal.printable(ProgressDisplay.summary(b))));
            index.add(ReportIndex.Entry.of(result, writer.directory()));
            writer.finish(result);
            out.println("report: "
                    + Terminal.printable(
                            writer.directory().resolve(ReportWriter.INDEX_FILE).toString()));
            return result.runs().stream().anyMatch(r -> r.status() == RunStatus.FAILED);
        } catch (OutputException e) {
            terminal.error(e.getMessage());
            return true;
        }
    }

    /** Minimizes one objective and writes its report; true when the report could not be written. */
    private boolean minimize(
            OutputTree tree, ObjectiveRunner runner, ObjectivePlan objective, List<ReportIndex.Entry> index) {
        out.println("objective " + objective.name() + " (" + Terminal.printable(String.valueOf(objective.source()))
                + "): minimize " + objective.formula());
        List<ObjectiveResult> results = new ArrayList<>();
        for (ObjectiveRun run : objective.runs()) {
            ObjectiveResult result = runner.run(run);
            results.add(result);
            out.println("  " + Terminal.printable(ProgressDisplay.summary(result)));
        }
        Path directory = tree.root().resolve(ReportWriter.folderName(objective.name()));
        index.add(ReportIndex.Entry.of(objective, results, directory));
        try {
            ObjectiveReportWriter.write(objective, results, tree);
            out.println("report: "
                    + Terminal.printable(
                            directory.resolve(ReportWriter.INDEX_FILE).toString()));
            return false;
        } catch (IOException e) {
            unwritable(directory, e);
            return true;
        }
    }

    /** A page at the top of the output folder linking every report, in the order the files ran. */
    private void writeIndex(OutputTree tree, String title, List<ReportIndex.Entry> entries) {
        try {
            AtomicFile.writeString(tree.file(ReportWriter.INDEX_FILE), ReportIndex.render(title, tree.root(), entries));
            out.println("index: "
                    + Terminal.printable(
                            tree.root().resolve(ReportWriter.INDEX_FILE).toString()));
        } catch (IOException e) {
            unwritable(tree.root(), e);
        }
    }

    private void unwritable(Path directory, IOException e) {
        environment.terminal().error("cannot write the report to " + directory + ": " + e.getMessage());
    }
}
