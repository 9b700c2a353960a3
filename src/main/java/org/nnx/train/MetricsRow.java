package org.nnx.train;

import java.util.List;

/**
 * One iteration's metrics. Accuracies are NaN except at iterations where the model was evaluated, and
 * the validation ones also when the run has no validation set.
 *
 * @param iteration 1-based mini-batch step
 * @param epoch     passes over the training set so far: samples seen / training size
 * @param loss      the mini-batch loss of this step
 * @param parameters how each parameter tensor is learning, at evaluations; empty on other rows
 */
public record MetricsRow(
        long iteration,
        double epoch,
        double loss,
        double trainAccuracy,
        double testAccuracy,
        double validationAccuracy,
        double validationLoss,
        List<TensorDiagnostics> parameters) {

    public MetricsRow {
        parameters = List.copyOf(parameters);
    }

    /** A row without per-parameter diagnostics. */
    public MetricsRow(
            long iteration,
            double epoch,
            double loss,
            double trainAccuracy,
            double testAccuracy,
            double validationAccuracy,
            double validationLoss) {
        this(iteration, epoch, loss, trainAccuracy, testAccuracy, validationAccuracy, validationLoss, List.of());
    }

    /** A row without validation metrics. */
    public MetricsRow(long iteration, double epoch, double loss, double trainAccuracy, double testAccuracy) {
        this(iteration, epoch, loss, trainAccuracy, testAccuracy, Double.NaN, Double.NaN);
    }

    /** This row with {@code parameters} as its per-parameter diagnostics. */
    public MetricsRow withParameters(List<TensorDiagnostics> parameters) {
        return new MetricsRow(
                iteration, epoch, loss, trainAccuracy, testAccuracy, validationAccuracy, validationLoss, parameters);
    }

    public boolean evaluated() {
        return !Double.isNaN(testAccuracy);
    }
}
