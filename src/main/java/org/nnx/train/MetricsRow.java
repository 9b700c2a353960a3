package org.nnx.train;

/**
 * One iteration's metrics. Accuracies are NaN except at iterations where the model was evaluated.
 *
 * @param iteration 1-based mini-batch step
 * @param epoch     passes over the training set so far: iteration × batch size / training size
 * @param loss      the mini-batch loss of this step
 */
public record MetricsRow(long iteration, double epoch, double loss, double trainAccuracy, double testAccuracy) {

    public boolean evaluated() {
        return !Double.isNaN(testAccuracy);
    }
}
