package org.nnx.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.nnx.model.ObjectivePlan;
import org.nnx.train.ObjectiveResult;

/** Writes an objective's report folder: summary.csv, runs/<run>/metrics.csv and index.html. */
public final class ObjectiveReportWriter {
    private ObjectiveReportWriter() {
    }

    public static void write(ObjectivePlan plan, List<ObjectiveResult> results, Path directory) throws IOException {
        for (ObjectiveResult result : results) {
            ObjectiveCsv.writeMetrics(result, ReportWriter.metricsFile(directory, result.name()));
        }
        ObjectiveCsv.writeSummary(plan, results, directory.resolve(ReportWriter.SUMMARY_FILE));
        // index.html with the contour plot comes with the objective report (issue 7).
    }
}
