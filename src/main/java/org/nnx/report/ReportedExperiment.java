package org.nnx.report;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nnx.train.ExperimentResult;

/**
 * One experiment as a report shows it: what it produced, and what the report adds that the result does
 * not carry.
 *
 * @param result       the plan and the runs
 * @param sourceSha256 the SHA-256 of the {@code .nnx} file as it was run (hex), or empty when unknown
 * @param extras       per run name, sections of extra results such as {@code gradient_check} (parameter →
 *                     largest relative error) or {@code dataset} (class → count), shown when present
 */
public record ReportedExperiment(ExperimentResult result, String sourceSha256,
                                 Map<String, Map<String, Map<String, String>>> extras) {
    public ReportedExperiment {
        sourceSha256 = sourceSha256 == null ? "" : sourceSha256;
        extras = Map.copyOf(extras);
    }

    /** An experiment with nothing beyond its result and file hash. */
    public ReportedExperiment(ExperimentResult result, String sourceSha256) {
        this(result, sourceSha256, Map.of());
    }

    /** The extra section {@code section} of run {@code run}, empty when absent. */
    Map<String, String> extra(String run, String section) {
        return extras.getOrDefault(run, Map.of()).getOrDefault(section, new LinkedHashMap<>());
    }
}
