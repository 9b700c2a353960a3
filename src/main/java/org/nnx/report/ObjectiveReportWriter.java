package org.nnx.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.nnx.files.AtomicFile;
import org.nnx.files.OutputTree;
import org.nnx.model.ObjectivePlan;
import org.nnx.train.ObjectiveResult;

/** Writes an objective's report folder: summary.csv, runs/<run>/metrics.csv and index.html. */
public final class ObjectiveReportWriter {
    static {
        Headless.ensure();
    }

    private ObjectiveReportWriter() {}

    /**
     * Creates {@code directory} if needed and writes the metrics of every run, the summary and the report
     * ({@link ObjectiveHtml}) into it, replacing files of an earlier run with the same names.
     */
    public static void write(ObjectivePlan plan, List<ObjectiveResult> results, OutputTree tree) throws IOException {
        String folder = ReportWriter.folderName(plan.name());
        for (ObjectiveResult result : results) {
            ObjectiveCsv.writeMetrics(
                    result,
                    tree.file(
                            folder,
                            ReportWriter.RUNS_DIRECTORY,
                            ReportWriter.folderName(result.name()),
                            ReportWriter.METRICS_FILE));
        }
        ObjectiveCsv.writeSummary(plan, results, tree.file(folder, ReportWriter.SUMMARY_FILE));
        ObjectiveFiles.writeObjective(plan, tree.file(folder, ObjectiveFiles.OBJECTIVE_FILE));
        // Last, so a report on disk means the CSV files beside it are complete.
        AtomicFile.writeString(tree.file(folder, ReportWriter.INDEX_FILE), ObjectiveHtml.render(plan, results));
    }

    /** {@link #write(ObjectivePlan, List, OutputTree)} into a folder of its own, for tests and embedding. */
    public static void write(ObjectivePlan plan, List<ObjectiveResult> results, Path directory) throws IOException {
        Files.createDirectories(directory);
        for (ObjectiveResult result : results) {
            ObjectiveCsv.writeMetrics(result, ReportWriter.metricsFile(directory, result.name()));
        }
        ObjectiveCsv.writeSummary(plan, results, directory.resolve(ReportWriter.SUMMARY_FILE));
        ObjectiveFiles.writeObjective(plan, directory.resolve(ObjectiveFiles.OBJECTIVE_FILE));
        // Last, so a report on disk means the CSV files beside it are complete.
        AtomicFile.writeString(directory.resolve(ReportWriter.INDEX_FILE), ObjectiveHtml.render(plan, results));
    }
}
