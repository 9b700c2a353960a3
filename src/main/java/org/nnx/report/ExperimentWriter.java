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
import org.nnx.train.ExperimentResult;
import org.nnx.train.MetricsRow;
import org.nnx.train.RunResult;
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
    private final boolean keepTraces;
    private final Consumer<String> warnings;
    private final Map<RunPlan, Integer> indexes = new IdentityHashMap<>();
    private final List<String> runFolders;
    private final RunResult[] finished;
    private final boolean[] written;
    private final MetricsStream[] streams;
    private long reportDrawn = System.nanoTime();
    private IOException firstFailure;

    private ExperimentWriter(
            OutputTree tree,
            String folder,
            ExperimentPlan plan,
            String sourceSha256,
            boolean keepTraces,
            Consumer<String> warnings) {
        this.tree = tree;
        this.folder = folder;
        this.plan = plan;
        this.sourceSha256 = sourceSha256;
        this.keepTraces = keepTraces;
        this.warnings = warnings;
        for (int i = 0; i < plan.runs().size(); i++) {
            indexes.put(plan.runs().get(i), i);
        }
        this.runFolders =
                ReportWriter.folderNames(plan.runs().stream().map(RunPlan::name).toList());
        this.finished = new RunResult[plan.runs().size()];
        this.written = new boolean[plan.runs().size()];
        this.streams = new MetricsStream[plan.runs().size()];
    }

    /**
     * Makes the experiment's folder under {@code tree} ready, keeping aside what another file left there, and
     * writes the configuration and an empty summary.
     *
     * @param keepTraces whether a failed run's stack trace is written into its folder ({@code --debug})
     * @param warnings   receives what the user should know, such as a folder kept aside
     */
    public static ExperimentWriter open(
            OutputTree tree, ExperimentPlan plan, boolean keepTraces, Consumer<String> warnings)
            throws OutputException {
        String folder = ReportWriter.folderName(plan.name());
        String sha256 = ReportWriter.sourceSha256(plan.source());
        ExperimentWriter writer = new ExperimentWriter(tree, folder, plan, sha256, keepTraces, warnings);
        writer.keepAsideOtherResults();
        try {
            Path directory = tree.file(folder, ReportWriter.CONFIGURATION_FILE).getParent();
            ExperimentFiles.writeExperiment(plan, sha256, directory);
            writer.writeSummary();
        } catch (IOException e) {
            throw failure(tree.root().resolve(folder), e);
        }
        return writer;
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
    public synchronized void runFinished(RunResult result) {
        int index = indexOf(result.plan());
        finished[index] = result;
        try {
            writeRun(index);
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
        if (keepTraces && !run.trace().isEmpty()) {
            AtomicFile.writeString(
                    tree.file(folder, ReportWriter.RUNS_DIRECTORY, runFolder, ReportWriter.TRACE_FILE), run.trace());
        }
        Files.deleteIfExists(directory.resolve(ReportWriter.METRICS_FILE + MetricsStream.PARTIAL_SUFFIX));
        written[index] = true;
    }

    /** The runs that have ended, with the columns of every setting the whole experiment sweeps. */
    private void writeSummary() throws IOException {
        SummaryCsv.write(plan.sweptSettings(), soFar().runs(), tree.file(folder, ReportWriter.SUMMARY_FILE));
    }

    private void writeReport(ExperimentResult result) throws IOException {
        AtomicFile.writeString(
                tree.file(folder, ReportWriter.INDEX_FILE),
                HtmlReport.render(new ReportedExperiment(result, sourceSha256)));
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
        ExperimentPlan ended =
                new ExperimentPlan(plan.name(), plan.description(), plan.source(), plans, plan.effectiveConfig());
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
