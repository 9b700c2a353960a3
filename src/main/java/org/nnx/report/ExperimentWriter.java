package org.nnx.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.nnx.files.AtomicFile;
import org.nnx.files.OutputException;
import org.nnx.files.OutputTree;
import org.nnx.model.ExperimentPlan;
import org.nnx.model.RunPlan;
import org.nnx.saved.CheckpointFile;
import org.nnx.saved.ModelFile;
import org.nnx.saved.SavedModel;
import org.nnx.train.Checkpoint;
import org.nnx.train.ExperimentResult;
import org.nnx.train.MetricsRow;
import org.nnx.train.ModelDescription;
import org.nnx.train.Resumption;
import org.nnx.train.RunResult;
import org.nnx.train.RunStatus;
import org.nnx.train.TestOutcome;
import org.nnx.train.TrainedModel;
import org.nnx.train.TrainingListener;

/**
 * Writes one experiment's folder while it trains, so that a crash at any instant keeps every finished run: the
 * configuration before the first run starts, each run's files the moment it ends, {@code summary.csv} after
 * every run, and the report page as runs finish (at most every {@link #REPORT_INTERVAL_NANOS}) and at the end.
 * While a run trains, its rows go to {@code metrics.csv.partial} ({@link MetricsStream}). Every other file is
 * written whole ({@link AtomicFile}), inside the output tree.
 *
 * <p>A folder that holds results of another file, or of another version of this one, is kept aside as
 * {@code <experiment>.previous-N}, never overwritten. A failure to write does not stop training: it is
 * reported once, the next write tries again, and {@link #finish} writes everything that is still missing.
 */
public final class ExperimentWriter implements TrainingListener, AutoCloseable {
    /** The report page is redrawn at most this often while runs finish; drawing it costs seconds in big sweeps. */
    static final long REPORT_INTERVAL_NANOS = 30_000_000_000L;

    private final OutputTree tree;
    private final String folder;
    private final ExperimentPlan plan;
    private final String sourceSha256;
    private final Consumer<String> warnings;
    private final Map<RunPlan, Integer> indexes = new IdentityHashMap<>();
    private final List<String> runFolders;
    private final RunResult[] finished;
    private final boolean[] written;
    private final MetricsStream[] streams;
    /** Each run's trained values from when it ends until its files are written, then null. */
    private final TrainedModel[] models;
    /** With {@code keep best}, each run's best evaluation's values and row until its files are written, then null. */
    private final TrainedModel[] bestModels;

    private final MetricsRow[] bestRows;
    /** How each run's network classifies the test set, by run name, for the report. */
    private final Map<String, TestOutcome> outcomes = new java.util.HashMap<>();
    /** Each run's layer table and learned filters, by run name, for the report. */
    private final Map<String, ModelDescription> descriptions = new java.util.HashMap<>();
    /** Each run's saved model, by run name, relative to the report page. */
    private final Map<String, String> savedModels = new java.util.HashMap<>();

    private long reportDrawn = System.nanoTime();
    private ResumedRuns resumption;
    private IOException firstFailure;

    private ExperimentWriter(
            OutputTree tree, String folder, ExperimentPlan plan, String sourceSha256, Consumer<String> warnings) {
        this.tree = tree;
        this.folder = folder;
        this.plan = plan;
        this.sourceSha256 = sourceSha256;
        this.warnings = warnings;
        for (int i = 0; i < plan.runs().size(); i++) {
            indexes.put(plan.runs().get(i), i);
        }
        this.runFolders =
                ReportWriter.folderNames(plan.runs().stream().map(RunPlan::name).toList());
        this.finished = new RunResult[plan.runs().size()];
        this.written = new boolean[plan.runs().size()];
        this.streams = new MetricsStream[plan.runs().size()];
        this.models = new TrainedModel[plan.runs().size()];
        this.bestModels = new TrainedModel[plan.runs().size()];
        this.bestRows = new MetricsRow[plan.runs().size()];
    }

    /**
     * Makes the experiment's folder under {@code tree} ready, keeping aside what another file left there, and
     * writes the configuration and an empty summary.
     *
     * @param warnings   receives what the user should know, such as a folder kept aside
     */
    public static ExperimentWriter open(OutputTree tree, ExperimentPlan plan, Consumer<String> warnings)
            throws OutputException {
        return open(tree, plan, warnings, false);
    }

    /**
     * {@link #open}, or with {@code resume} the folder an earlier, interrupted run of the same file left: its
     * ended runs stand ({@link #resumption()}) and the others go on from their checkpoints.
     *
     * @throws OutputException with {@code resume}, when the folder holds results of another file, or runs
     *                         whose settings differ from this file's (another seed, say), naming them
     */
    public static ExperimentWriter open(OutputTree tree, ExperimentPlan plan, Consumer<String> warnings, boolean resume)
            throws OutputException {
        String folder = ReportWriter.folderName(plan.name());
        String sha256 = ReportWriter.sourceSha256(plan.source());
        ExperimentWriter writer = new ExperimentWriter(tree, folder, plan, sha256, warnings);
        if (resume) {
            writer.resumption = ResumedRuns.read(tree, folder, plan, writer.runFolders, sha256);
            writer.resumption.ended(writer.finished, writer.written);
            writer.keepModelsOfEndedRuns();
        } else {
            writer.keepAsideOtherResults();
        }
        try {
            Path directory = tree.file(folder, ReportWriter.CONFIGURATION_FILE).getParent();
            ExperimentFiles.writeExperiment(plan, sha256, directory);
            writer.writeSummary();
        } catch (IOException e) {
            throw failure(tree.root().resolve(folder), e);
        }
        return writer;
    }

    /** What the earlier run of this folder left, when opened to resume; nothing otherwise. */
    public Resumption resumption() {
        return resumption == null ? Resumption.NONE : resumption;
    }

    /** The experiment's folder. */
    public Path directory() {
        return tree.root().resolve(folder);
    }

    @Override
    public void recorded(RunPlan run, MetricsRow row) {
        int index = indexOf(run);
        try {
            if (streams[index] == null) {
                Path file = tree.file(
                        folder,
                        ReportWriter.RUNS_DIRECTORY,
                        runFolders.get(index),
                        ReportWriter.METRICS_FILE + MetricsStream.PARTIAL_SUFFIX);
                streams[index] = MetricsStream.open(
                        file, run.config() != null && run.config().validation() > 0);
            }
            streams[index].append(row);
        } catch (IOException e) {
            // The rows are kept in memory too: the complete file is still written when the run ends.
            failed(e);
            closeStream(index);
        }
    }

    @Override
    public synchronized void tested(RunPlan run, TestOutcome outcome) {
        outcomes.put(run.name(), outcome);
    }

    @Override
    public synchronized void modelDescribed(RunPlan run, ModelDescription description) {
        descriptions.put(run.name(), description);
    }

    /** The saved models that runs which ended before a resume left, for the report's link. */
    private void keepModelsOfEndedRuns() {
        for (int i = 0; i < finished.length; i++) {
            if (finished[i] != null
                    && Files.isRegularFile(directory()
                            .resolve(ReportWriter.RUNS_DIRECTORY)
                            .resolve(runFolders.get(i))
                            .resolve(ModelFile.NAME))) {
                savedModels.put(
                        finished[i].name(),
                        ReportWriter.RUNS_DIRECTORY + "/" + runFolders.get(i) + "/" + ModelFile.NAME);
            }
        }
    }

    @Override
    public boolean wantsCheckpoints() {
        return true;
    }

    /** Replaces the run's checkpoint file whole; training goes on whether or not it could be written. */
    @Override
    public void checkpointed(RunPlan run, Checkpoint checkpoint) {
        int index = indexOf(run);
        try {
            Path file;
            synchronized (this) {
                file = tree.file(folder, ReportWriter.RUNS_DIRECTORY, runFolders.get(index), CheckpointFile.NAME);
            }
            CheckpointFile.write(file, checkpoint);
        } catch (IOException e) {
            failed(e);
        }
    }

    @Override
    public synchronized void modelTrained(RunPlan run, TrainedModel model) {
        models[indexOf(run)] = model;
    }

    @Override
    public synchronized void bestKept(RunPlan run, TrainedModel model, MetricsRow at) {
        bestModels[indexOf(run)] = model;
        bestRows[indexOf(run)] = at;
    }

    @Override
    public synchronized void runFinished(RunResult result) {
        int index = indexOf(result.plan());
        finished[index] = result;
        try {
            if (!written[index]) {
                writeRun(index);
            }
            writeSummary();
            if (System.nanoTime() - reportDrawn > REPORT_INTERVAL_NANOS) {
                writeReport(soFar());
            }
        } catch (IOException e) {
            failed(e);
        }
    }

    /**
     * Writes what the experiment leaves once every run has ended: each run's files not yet written, the
     * summary and the report page with the data's description.
     *
     * @throws OutputException naming the first file that could not be written
     */
    public synchronized void finish(ExperimentResult result) throws OutputException {
        try {
            for (int i = 0; i < result.runs().size(); i++) {
                finished[i] = result.runs().get(i);
                if (!written[i]) {
                    writeRun(i);
                }
            }
            writeSummary();
            if (result.baselines().isPresent()) {
                BaselinesCsv.write(result.baselines().get(), tree.file(folder, BaselinesCsv.FILE));
            }
            writeReport(result);
        } catch (IOException e) {
            throw failure(directory(), e);
        }
    }

    @Override
    public void close() {
        for (int i = 0; i < streams.length; i++) {
            closeStream(i);
        }
    }

    private void writeRun(int index) throws IOException {
        RunResult run = finished[index];
        closeStream(index);
        String runFolder = runFolders.get(index);
        Path metrics = tree.file(folder, ReportWriter.RUNS_DIRECTORY, runFolder, ReportWriter.METRICS_FILE);
        Path directory = metrics.getParent();
        ReportWriter.writeRunFiles(run, directory);
        writeModel(index, directory);
        if (run.status() != RunStatus.STOPPED) {
            // An ended run is not resumed: its checkpoint has served.
            Files.deleteIfExists(directory.resolve(CheckpointFile.NAME));
        }
        // Kept with or without --debug: what ended a run must be findable after the terminal is gone.
        if (!run.trace().isEmpty()) {
            AtomicFile.writeString(
                    tree.file(folder, ReportWriter.RUNS_DIRECTORY, runFolder, ReportWriter.TRACE_FILE), run.trace());
        }
        Files.deleteIfExists(directory.resolve(ReportWriter.METRICS_FILE + MetricsStream.PARTIAL_SUFFIX));
        written[index] = true;
    }

    /**
     * The run's model, when it trained one ({@link ModelFile}), and with {@code keep best} its best evaluation's;
     * kept for another try when they cannot be written.
     */
    private void writeModel(int index, Path directory) throws IOException {
        TrainedModel model = models[index];
        RunResult run = finished[index];
        if (model == null || run.plan().config() == null) {
            return;
        }
        if (bestModels[index] != null) {
            ModelFile.write(
                    directory.resolve(ModelFile.BEST_NAME),
                    SavedModel.best(plan.name(), plan.source(), run, bestModels[index], bestRows[index]));
            bestModels[index] = null;
        }
        ModelFile.write(directory.resolve(ModelFile.NAME), SavedModel.of(plan.name(), plan.source(), run, model));
        models[index] = null;
        savedModels.put(run.name(), ReportWriter.RUNS_DIRECTORY + "/" + runFolders.get(index) + "/" + ModelFile.NAME);
    }

    /** The runs that have ended, with the columns of every setting the whole experiment sweeps. */
    private void writeSummary() throws IOException {
        SummaryCsv.write(plan, soFar().runs(), tree.file(folder, ReportWriter.SUMMARY_FILE));
    }

    private void writeReport(ExperimentResult result) throws IOException {
        AtomicFile.writeString(
                tree.file(folder, ReportWriter.INDEX_FILE),
                HtmlReport.render(new ReportedExperiment(result, sourceSha256, outcomes, savedModels, descriptions)));
        reportDrawn = System.nanoTime();
    }

    /** The runs that have ended, in plan order, as an experiment of their own. */
    private ExperimentResult soFar() {
        List<RunPlan> plans = new ArrayList<>();
        List<RunResult> results = new ArrayList<>();
        for (int i = 0; i < finished.length; i++) {
            if (finished[i] != null) {
                plans.add(plan.runs().get(i));
                results.add(finished[i]);
            }
        }
        ExperimentPlan ended = plan.withRuns(plans);
        return new ExperimentResult(ended, results, Optional.empty());
    }

    /**
     * Moves a folder that holds something other than this file's results out of the way: results of another
     * experiment file, of another version of this one, or anything nnx did not write.
     */
    private void keepAsideOtherResults() throws OutputException {
        Path directory = tree.file(folder);
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS) || ours(directory)) {
            return;
        }
        for (int n = 1; ; n++) {
            Path aside = tree.file(folder + ".previous-" + n);
            if (!Files.exists(aside, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    Files.move(directory, aside);
                } catch (IOException e) {
                    throw failure(directory, e);
                }
                warnings.accept(directory + " held results of another file, or of another version of " + plan.source()
                        + "; they are kept in " + aside);
                return;
            }
        }
    }

    /** Empty, or written by nnx for this very file: same name, same SHA-256 of the source. */
    private boolean ours(Path directory) throws OutputException {
        try (var entries = Files.list(directory)) {
            if (entries.findAny().isEmpty()) {
                return true;
            }
        } catch (IOException e) {
            throw failure(directory, e);
        }
        try {
            Map<String, String> facts = ExperimentFiles.facts(directory);
            return Objects.equals(facts.get("name"), plan.name())
                    && !sourceSha256.isEmpty()
                    && sourceSha256.equals(facts.get("source_sha256"));
        } catch (IOException e) {
            return false;
        }
    }

    private int indexOf(RunPlan run) {
        Integer index = indexes.get(run);
        if (index == null) {
            throw new IllegalArgumentException("run " + run.name() + " is not one of " + plan.name() + "'s");
        }
        return index;
    }

    private void closeStream(int index) {
        MetricsStream stream = streams[index];
        streams[index] = null;
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException e) {
                failed(e);
            }
        }
    }

    /** Says once that writing fails; training goes on, and the next write tries again. */
    private synchronized void failed(IOException e) {
        if (firstFailure == null) {
            firstFailure = e;
            warnings.accept("cannot write into " + directory() + " (" + e.getMessage()
                    + "); training goes on and nnx tries again as runs end");
        }
    }

    private static OutputException failure(Path where, IOException e) {
        return e instanceof OutputException output
                ? output
                : new OutputException("cannot write " + where + ": " + e.getMessage());
    }
}
