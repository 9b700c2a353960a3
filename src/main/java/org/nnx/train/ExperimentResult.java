package org.nnx.train;

import java.util.List;
import java.util.Optional;
import org.nnx.model.ExperimentPlan;

/**
 * An experiment's runs, in the order they were planned.
 *
 * @param data            the first run's data, as the report shows it; empty when no run could load its data
 * @param baselines       what no learning scores on that data; empty when it could not load
 * @param dataUnavailable why a plugin's data could not be summarized, for the report; empty otherwise
 */
public record ExperimentResult(
        ExperimentPlan plan,
        List<RunResult> runs,
        Optional<DatasetSummary> data,
        Optional<Baselines> baselines,
        Optional<String> dataUnavailable) {
    public ExperimentResult {
        runs = List.copyOf(runs);
    }

    /** Results whose data was summarized, or did not load. */
    public ExperimentResult(
            ExperimentPlan plan, List<RunResult> runs, Optional<DatasetSummary> data, Optional<Baselines> baselines) {
        this(plan, runs, data, baselines, Optional.empty());
    }

    /** Results with what is known of their data. */
    public ExperimentResult(ExperimentPlan plan, List<RunResult> runs, DataOverview data) {
        this(plan, runs, data.summary(), data.baselines(), data.unavailable());
    }

    /** Results without baselines. */
    public ExperimentResult(ExperimentPlan plan, List<RunResult> runs, Optional<DatasetSummary> data) {
        this(plan, runs, data, Optional.empty());
    }

    /** Results without a data summary, as read back from files. */
    public ExperimentResult(ExperimentPlan plan, List<RunResult> runs) {
        this(plan, runs, Optional.empty());
    }
}
