package org.nnx.train;

import java.util.List;
import org.nnx.model.ExperimentPlan;

/** An experiment's runs, in the order they were planned. */
public record ExperimentResult(ExperimentPlan plan, List<RunResult> runs) {
    public ExperimentResult {
        runs = List.copyOf(runs);
    }
}
