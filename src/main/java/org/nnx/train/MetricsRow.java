package org.nnx.train;

/**
 * One iteration's metrics. Accuracies are NaN except at iterations where the model was evaluated, and
 * the validation ones also when the run has no validation set.
 *
 * @param iteration 1-based mini-batch step
 * @param epoch     passes over the training set so far: samples seen / training size
 * @param loss      the mini-batch loss of this step
 */
public record MetricsRow(
        long iteration,
        double epoch,
        double loss,
        double trainAccuracy,
        double testAccuracy,
        double validationAccuracy,
        double validationLoss) {

    /** A row without validation metrics. */
    public MetricsRow(long iteration, double epoch, double loss, double trainAccuracy, double testAccuracy) {
        this(iteration, epoch, loss, trainAccuracy, testAccuracy, Double.NaN, Double.NaN);
    }

    public boolean evaluated() {
        return !Double.isNaN(testAccuracy);
    }
}
