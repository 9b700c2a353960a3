package org.nnx.report;

import java.util.Map;
import org.nnx.train.ExperimentResult;
import org.nnx.train.ModelDescription;
import org.nnx.train.TestOutcome;

/**
 * One experiment as a report shows it: what it produced, and the hash of the file it was run from.
 *
 * @param result       the plan, the runs and the data summary
 * @param sourceSha256 the SHA-256 of the {@code .nnx} file as it was run (hex), or empty when unknown
 * @param outcomes     by run name: how its trained network classifies the test set, for runs trained now
 * @param models       by run name: its saved model's path relative to the report page, for runs that saved one
 * @param descriptions by run name: the table of its layers and its learned filters, for runs trained now
 */
public record ReportedExperiment(
        ExperimentResult result,
        String sourceSha256,
        Map<String, TestOutcome> outcomes,
        Map<String, String> models,
        Map<String, ModelDescription> descriptions) {
    public ReportedExperiment {
        sourceSha256 = sourceSha256 == null ? "" : sourceSha256;
        outcomes = Map.copyOf(outcomes);
        models = Map.copyOf(models);
        descriptions = Map.copyOf(descriptions);
    }

    /** An experiment without model descriptions. */
    public ReportedExperiment(
            ExperimentResult result,
            String sourceSha256,
            Map<String, TestOutcome> outcomes,
            Map<String, String> models) {
        this(result, sourceSha256, outcomes, models, Map.of());
    }

    /** An experiment without test outcomes or saved models: one read back from a report's files. */
    public ReportedExperiment(ExperimentResult result, String sourceSha256) {
        this(result, sourceSha256, Map.of(), Map.of(), Map.of());
    }
}
