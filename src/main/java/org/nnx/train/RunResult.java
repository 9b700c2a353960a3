package org.nnx.train;

import java.util.Collections;
import java.util.LinkedHashMap;
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
 * @param gradientCheck     with {@code gradient check}: the largest relative error between backprop and central
 *                          differences of each parameter tensor, by name ({@code 1:dense.W}) in the network's
 *                          order; empty otherwise
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
        Map<String, String> provenance,
        Map<String, Double> gradientCheck) {

    public RunResult {
        metrics = List.copyOf(metrics);
        provenance = Map.copyOf(provenance);
        gradientCheck = Collections.unmodifiableMap(new LinkedHashMap<>(gradientCheck));
    }

    /** A result without gradient-check errors. */
    public RunResult(RunPlan plan, RunStatus status, String reason, List<MetricsRow> metrics, double trainAccuracy,
                     double testAccuracy, double loss, double seconds, double samplesPerSecond,
                     Map<String, String> provenance) {
        this(plan, status, reason, metrics, trainAccuracy, testAccuracy, loss, seconds, samplesPerSecond, provenance,
                Map.of());
    }

    public String name() {
        return plan.name();
    }
}
