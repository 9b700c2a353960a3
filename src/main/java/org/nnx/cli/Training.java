package org.nnx.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nnx.files.OutputException;
import org.nnx.files.OutputTree;
import org.nnx.model.ExperimentPlan;
import org.nnx.model.ObjectivePlan;
import org.nnx.model.ObjectiveRun;
import org.nnx.registry.ComponentRegistry;
import org.nnx.registry.DatasetLoader;
import org.nnx.report.ExperimentWriter;
import org.nnx.report.ObjectiveReportWriter;
import org.nnx.report.ReportWriter;
import org.nnx.tensor.Blas;
import org.nnx.tensor.BlasSelection;
import org.nnx.train.ExperimentResult;
import org.nnx.train.ExperimentRunner;
import org.nnx.train.ObjectiveResult;
import org.nnx.train.ObjectiveRunner;
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

    Training(CommandEnvironment environment, ComponentRegistry registry, DatasetLoader datasets, Path outDir) {
        this.environment = environment;
        this.registry = registry;
        this.datasets = datasets;
        this.outDir = outDir;
        this.out = environment.terminal().out();
    }

    /**
     * Returns the exit status.
     *
     * @param inputs the files the command read, which nothing may overwrite
     * @throws CommandFailure (status 2) when the output folder cannot be written, before anything trains
     */
    int run(Plans plans, List<Path> inputs) {
        try (OutputTree tree = openOutput(inputs)) {
            environment.stop().trainingStarts();
            int status = Math.max(train(tree, plans.experiments()), minimize(tree, plans.objectives()));
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

    private int train(OutputTree tree, List<ExperimentPlan> plans) {
        // The cores go to runs side by side, each with a one-thread BLAS, unless the BLAS was given more threads.
        int runsAtOnce = BlasSelection.threadsPerProduct(Blas.current()) == 1
                ? Runtime.getRuntime().availableProcessors()
                : 1;
        ExperimentRunner runner = new ExperimentRunner(
                new Trainer(registry, environment.stop()), datasets, environment.stop(), runsAtOnce);
        boolean failed = false;
        for (ExperimentPlan plan : plans) {
            out.println("experiment " + plan.name() + " (" + Terminal.printable(String.valueOf(plan.source())) + ")");
            ProgressDisplay progress = new ProgressDisplay(
                    out,
                    environment.terminal().interactive(),
                    runsAtOnce > 1 && plan.runs().size() > 1);
            failed |= trainOne(tree, runner, plan, progress);
        }
        return failed ? ExitStatus.RUN_FAILED : ExitStatus.OK;
    }

    /** Trains one experiment, writing its folder as runs end; true when a run failed or a file could not be written. */
    private boolean trainOne(OutputTree tree, ExperimentRunner runner, ExperimentPlan plan, ProgressDisplay progress) {
        Terminal terminal = environment.terminal();
        try (ExperimentWriter writer = ExperimentWriter.open(tree, plan, terminal.debug(), terminal::warning)) {
            // The files first: a run the progress line calls finished is already on disk.
            ExperimentResult result = runner.run(plan, TrainingListener.both(writer, progress));
            result.runs().forEach(run -> terminal.trace(run.trace()));
            boolean failed = result.runs().stream().anyMatch(r -> r.status() == RunStatus.FAILED);
            try {
                writer.finish(result);
                out.println("report: "
                        + Terminal.printable(writer.directory()
                                .resolve(ReportWriter.INDEX_FILE)
                                .toString()));
            } catch (OutputException e) {
                terminal.error(e.getMessage());
                return true;
            }
            return failed;
        } catch (OutputException e) {
            terminal.error(e.getMessage());
            return true;
        }
    }

    private int minimize(OutputTree tree, List<ObjectivePlan> objectives) {
        ObjectiveRunner runner = new ObjectiveRunner(environment.stop());
        int status = ExitStatus.OK;
        for (ObjectivePlan objective : objectives) {
            out.println("objective " + objective.name() + " (" + Terminal.printable(String.valueOf(objective.source()))
                    + "): minimize " + objective.formula());
            List<ObjectiveResult> results = new ArrayList<>();
            for (ObjectiveRun run : objective.runs()) {
                ObjectiveResult result = runner.run(run);
                results.add(result);
                out.println("  " + ProgressDisplay.summary(result));
            }
            Path directory = tree.root().resolve(ReportWriter.folderName(objective.name()));
            try {
                ObjectiveReportWriter.write(objective, results, tree);
                out.println("report: "
                        + Terminal.printable(
                                directory.resolve(ReportWriter.INDEX_FILE).toString()));
            } catch (IOException e) {
                status = ExitStatus.RUN_FAILED;
                unwritable(directory, e);
            }
        }
        return status;
    }

    private void unwritable(Path directory, IOException e) {
        environment.terminal().error("cannot write the report to " + directory + ": " + e.getMessage());
    }
}
