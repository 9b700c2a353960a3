package org.nnx.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.nnx.model.RunPlan;

/**
 * What one run produced. Made with {@link #builder(RunPlan, RunStatus)}.
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
 * @param trace             the stack trace of what ended a failed run, for {@code --debug}; empty otherwise
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
        Provenance provenance,
        Map<String, Double> gradientCheck,
        String trace) {

    public RunResult {
        trace = trace == null ? "" : trace;
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(status, "status");
        reason = reason == null ? "" : reason;
        metrics = List.copyOf(metrics);
        gradientCheck = Collections.unmodifiableMap(new LinkedHashMap<>(gradientCheck));
    }

    /** A result of {@code plan} that ended with {@code status}; everything else starts empty or NaN. */
    public static Builder builder(RunPlan plan, RunStatus status) {
        return new Builder(plan, status);
    }

    /** A run that never trained: stopped before it started, or failed to load its data. */
    public static RunResult notRun(RunPlan plan, RunStatus status, String reason) {
        return builder(plan, status).reason(reason).build();
    }

    public String name() {
        return plan.name();
    }

    /** Builds a {@link RunResult}. */
    public static final class Builder {
        private final RunPlan plan;
        private final RunStatus status;
        private String reason = "";
        private List<MetricsRow> metrics = List.of();
        private double trainAccuracy = Double.NaN;
        private double testAccuracy = Double.NaN;
        private double loss = Double.NaN;
        private double seconds;
        private double samplesPerSecond;
        private Provenance provenance = Provenance.NONE;
        private Map<String, Double> gradientCheck = Map.of();
        private String trace = "";

        private Builder(RunPlan plan, RunStatus status) {
            this.plan = plan;
            this.status = status;
        }

        public Builder reason(String value) {
            reason = value;
            return this;
        }

        public Builder metrics(List<MetricsRow> value) {
            metrics = value;
            return this;
        }

        /** The accuracies of the last evaluation, on the training and the test set. */
        public Builder accuracies(double train, double test) {
            trainAccuracy = train;
            testAccuracy = test;
            return this;
        }

        public Builder loss(double value) {
            loss = value;
            return this;
        }

        public Builder seconds(double value) {
            seconds = value;
            return this;
        }

        public Builder samplesPerSecond(double value) {
            samplesPerSecond = value;
            return this;
        }

        public Builder provenance(Provenance value) {
            provenance = value;
            return this;
        }

        public Builder gradientCheck(Map<String, Double> value) {
            gradientCheck = value;
            return this;
        }

        public Builder trace(String value) {
            trace = value;
            return this;
        }

        public RunResult build() {
            return new RunResult(
                    plan,
                    status,
                    reason,
                    metrics,
                    trainAccuracy,
                    testAccuracy,
                    loss,
                    seconds,
                    samplesPerSecond,
                    provenance,
                    gradientCheck,
                    trace);
        }
    }
}
