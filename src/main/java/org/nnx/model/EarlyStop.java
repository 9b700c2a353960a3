package org.nnx.model;

/**
 * {@code early_stop patience = N, metric = val_loss}: stop a run when the metric has not improved for
 * {@code patience} evaluations in a row.
 *
 * @param patience evaluations without improvement before stopping; 0 means early stopping is off
 * @param metric   {@code val_loss}, {@code val_accuracy}, {@code test_loss}, {@code test_accuracy},
 *                 {@code train_loss} or {@code train_accuracy}
 */
public record EarlyStop(int patience, String metric) {
    public static final EarlyStop OFF = new EarlyStop(0, "val_loss");

    public boolean enabled() {
        return patience > 0;
    }
}
