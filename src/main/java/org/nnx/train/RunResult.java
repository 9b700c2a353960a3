package org.nnx.train;

import java.util.List;
import java.util.Map;
import org.nnx.model.RunPlan;

/**
 * What one run produced.
 *
 * @param reason            why a run diverged, stopped or failed; empty when ok
 * @param trainAccuracy     at the last evaluation (NaN when there was none)
 * @param testAccuracy      at the last evaluation (NaN when there was none)
 * @param loss              the last mini-batch loss
 * @param seconds           wall time of the whole run
 * @param samplesPerSecond  training samples per second of training, evaluation excluded
 * @param provenance        what ran: BLAS backend, JDK, dataset, …, for the report
 */
public record RunResult(
        RunPlan plan,
        RunStatus status,
        String reason,
        List<MetricsRow> metrics,
        double trainAccuracy,
        double testAccuracy,
        double loss,
        double seconds,
        double samplesPerSecond,
        Map<String, String> provenance) {

    public RunResult {
        metrics = List.copyOf(metrics);
        provenance = Map.copyOf(provenance);
    }

    public String name() {
        return plan.name();
    }
}
