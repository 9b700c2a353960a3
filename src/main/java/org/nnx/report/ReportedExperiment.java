package org.nnx.report;

import org.nnx.train.ExperimentResult;

/**
 * One experiment as a report shows it: what it produced, and the hash of the file it was run from.
 *
 * @param result       the plan, the runs and the data summary
 * @param sourceSha256 the SHA-256 of the {@code .nnx} file as it was run (hex), or empty when unknown
 */
public record ReportedExperiment(ExperimentResult result, String sourceSha256) {
    public ReportedExperiment {
        sourceSha256 = sourceSha256 == null ? "" : sourceSha256;
    }
}
