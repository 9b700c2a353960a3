package org.nnx.train;

import java.util.List;
import java.util.Locale;
import org.nnx.model.RunConfig;

/**
 * {@code keep best = METRIC}: the network's values at the evaluation where the metric was best so far, higher
 * for accuracies and lower for losses. An equal value is no improvement, so the earliest of equal evaluations is
 * kept; a NaN never is.
 */
public final class KeptBest {
    /** The run's provenance key that names the kept evaluation. */
    public static final String PROVENANCE_KEY = "kept best";

    private final String metric;
    private double value = Double.NaN;
    private long iteration;
    private List<NamedTensor> tensors = List.of();

    /** @param metric one of {@link RunConfig#KEEP_BEST_METRICS}, or empty when the run keeps no best */
    KeptBest(String metric) {
        if (!metric.isEmpty() && !RunConfig.KEEP_BEST_METRICS.contains(metric)) {
            throw new IllegalArgumentException("keep best metric '" + metric + "' is not one of "
                    + String.join(", ", RunConfig.KEEP_BEST_METRICS));
        }
        this.metric = metric;
    }

    boolean enabled() {
        return !metric.isEmpty();
    }

    /** Copies {@code network}'s values when this evaluation beats the best so far. */
    void offer(Evaluations evaluations, long iteration, Network network) {
        if (!enabled()) {
            return;
        }
        double candidate = pick(evaluations);
        boolean lowerIsBetter = metric.endsWith("_loss");
        if (Double.isNaN(candidate)
                || (!Double.isNaN(value) && (lowerIsBetter ? candidate >= value : candidate <= value))) {
            return;
        }
        value = candidate;
        this.iteration = iteration;
        tensors = TrainedModel.tensorsOf(network);
    }

    private double pick(Evaluations evaluations) {
        return switch (metric) {
            case "train_accuracy" -> evaluations.train().accuracy();
            case "train_loss" -> evaluations.train().loss();
            case "test_accuracy" -> evaluations.test().accuracy();
            case "test_loss" -> evaluations.test().loss();
            case "validation_accuracy" -> evaluations.validation().accuracy();
            case "validation_loss" -> evaluations.validation().loss();
            default -> throw new IllegalStateException(metric);
        };
    }

    /** Takes back what a checkpoint kept: the best value, its iteration and the network's values then. */
    void restore(double value, long iteration, List<NamedTensor> tensors) {
        this.value = value;
        this.iteration = iteration;
        this.tensors = List.copyOf(tensors);
    }

    /** Whether an evaluation has been kept. */
    boolean kept() {
        return !tensors.isEmpty();
    }

    double value() {
        return value;
    }

    long iteration() {
        return iteration;
    }

    List<NamedTensor> tensors() {
        return tensors;
    }

    /** What the run's provenance says of the kept evaluation: the metric, its value and its iteration. */
    String description() {
        return String.format(Locale.ROOT, "%s %.6g at iteration %d", metric, value, iteration);
    }
}
