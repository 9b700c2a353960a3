package org.nnx.train;

import java.util.List;
import org.nnx.model.EarlyStop;

/**
 * {@code early_stop patience = N, metric = M}: watches one metric at each evaluation and says when it has not
 * improved for {@code N} evaluations in a row. Losses improve downward, accuracies upward; an equal value is no
 * improvement, and the first evaluation always is one. A NaN never improves.
 */
final class EarlyStopping {
    /** The metric names {@code early_stop} accepts. */
    static final List<String> METRICS =
            List.of("val_loss", "val_accuracy", "train_loss", "train_accuracy", "test_loss", "test_accuracy");

    private final EarlyStop settings;
    private final boolean lowerIsBetter;
    private double best = Double.NaN;
    private int evaluationsWithoutImprovement;

    /**
     * @param hasValidation whether the run holds out a validation set, without which {@code val_*} cannot be watched
     * @throws IllegalArgumentException for an unknown metric, or a {@code val_*} one without a validation set
     */
    EarlyStopping(EarlyStop settings, boolean hasValidation) {
        this.settings = settings;
        if (!METRICS.contains(settings.metric())) {
            throw new IllegalArgumentException(
                    "early_stop metric '" + settings.metric() + "' is not one of " + String.join(", ", METRICS));
        }
        if (settings.enabled() && settings.metric().startsWith("val_") && !hasValidation) {
            throw new IllegalArgumentException(
                    "early_stop on " + settings.metric() + " needs a validation set ('validation F' with F > 0)");
        }
        this.lowerIsBetter = settings.metric().endsWith("_loss");
    }

    /** The value of the watched metric among one evaluation's numbers. */
    double pick(Evaluator.Evaluation train, Evaluator.Evaluation test, Evaluator.Evaluation validation) {
        return switch (settings.metric()) {
            case "val_loss" -> validation.loss();
            case "val_accuracy" -> validation.accuracy();
            case "train_loss" -> train.loss();
            case "train_accuracy" -> train.accuracy();
            case "test_loss" -> test.loss();
            case "test_accuracy" -> test.accuracy();
            default -> throw new IllegalStateException(settings.metric());
        };
    }

    /** Records one evaluation's value of the metric; true when training should stop now. */
    boolean shouldStop(double value) {
        if (!settings.enabled()) {
            return false;
        }
        boolean improved =
                !Double.isNaN(value) && (Double.isNaN(best) || (lowerIsBetter ? value < best : value > best));
        if (improved) {
            best = value;
            evaluationsWithoutImprovement = 0;
            return false;
        }
        evaluationsWithoutImprovement++;
        return evaluationsWithoutImprovement >= settings.patience();
    }

    /** The best value so far, for a checkpoint; NaN before the first evaluation. */
    double best() {
        return best;
    }

    /** Evaluations since the watched metric last improved, for a checkpoint. */
    int waited() {
        return evaluationsWithoutImprovement;
    }

    /** Takes back what {@link #best()} and {@link #waited()} said, when a run resumes. */
    void restore(double best, int waited) {
        this.best = best;
        this.evaluationsWithoutImprovement = waited;
    }

    /** The run's reason after stopping at {@code iteration}. */
    String reason(long iteration) {
        return "early stop at iteration " + iteration + ": " + settings.metric() + " did not improve for "
                + settings.patience() + " evaluations";
    }
}
