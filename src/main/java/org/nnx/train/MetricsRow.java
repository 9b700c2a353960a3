package org.nnx.train;

/**
 * One iteration's metrics. Accuracies and held-out losses are NaN except at iterations where the model was
 * evaluated, and the validation ones also when the run has no validation set.
 *
 * @param iteration 1-based mini-batch step
 * @param epoch     passes over the training set so far: samples seen / training size
 * @param loss      the mini-batch loss of this step
 * @param testLoss  the mean loss over the test set, as the evaluation computes it
 * @param seconds   seconds since the run started, when this row was recorded; NaN when not known
 */
public record MetricsRow(
        long iteration,
        double epoch,
        double loss,
        double trainAccuracy,
        double testAccuracy,
        double validationAccuracy,
        double validationLoss,
        double testLoss,
        double seconds) {

    /** A row without validation metrics. */
    public MetricsRow(long iteration, double epoch, double loss, double trainAccuracy, double testAccuracy) {
        this(iteration, epoch, loss, trainAccuracy, testAccuracy, Double.NaN, Double.NaN);
    }

    /** A row without test loss and time. */
    public MetricsRow(
            long iteration,
            double epoch,
            double loss,
            double trainAccuracy,
            double testAccuracy,
            double validationAccuracy,
            double validationLoss) {
        this(
                iteration,
                epoch,
                loss,
                trainAccuracy,
                testAccuracy,
                validationAccuracy,
                validationLoss,
                Double.NaN,
                Double.NaN);
    }

    /**
     * Equal when every metric is: {@link #seconds()} says when a row was recorded, not what training did,
     * so two runs of one seed have equal rows however fast each machine was.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof MetricsRow row
                && iteration == row.iteration
                && Double.compare(epoch, row.epoch) == 0
                && Double.compare(loss, row.loss) == 0
                && Double.compare(trainAccuracy, row.trainAccuracy) == 0
                && Double.compare(testAccuracy, row.testAccuracy) == 0
                && Double.compare(validationAccuracy, row.validationAccuracy) == 0
                && Double.compare(validationLoss, row.validationLoss) == 0
                && Double.compare(testLoss, row.testLoss) == 0;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(
                iteration, epoch, loss, trainAccuracy, testAccuracy, validationAccuracy, validationLoss, testLoss);
    }

    public boolean evaluated() {
        return !Double.isNaN(testAccuracy);
    }
}
