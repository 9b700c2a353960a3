package org.nnx.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One iteration's metrics. Accuracies are NaN except at iterations where the model was evaluated, and
 * the validation ones also when the run has no validation set.
 *
 * @param iteration  the mini-batch step, 1-based; 0 for the evaluation before the first step, whose loss is NaN
 * @param epoch      passes over the training set so far: samples seen / training size
 * @param loss       the mini-batch loss of this step (the loss of one batch, not of a split)
 * @param testLoss   the mean loss over the test set, as the evaluation computes it
 * @param seconds    seconds since the run started, when this row was recorded; NaN when not known
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
        double testLoss,
        double seconds,
        List<TensorDiagnostics> parameters) {
    /** The values of a row in {@link #values} before its per-parameter ones. */
    private static final int FIXED_VALUES = 9;

    /** Where {@link #seconds} stands among them: last, so that equality can compare the ones before it. */
    private static final int SECONDS = 8;

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
            double validationLoss,
            double testLoss,
            double seconds) {
        this(
                iteration,
                epoch,
                loss,
                trainAccuracy,
                testAccuracy,
                validationAccuracy,
                validationLoss,
                testLoss,
                seconds,
                List.of());
    }

    /** A row without test loss, time and per-parameter diagnostics. */
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

    /** A row without validation metrics. */
    public MetricsRow(long iteration, double epoch, double loss, double trainAccuracy, double testAccuracy) {
        this(iteration, epoch, loss, trainAccuracy, testAccuracy, Double.NaN, Double.NaN);
    }

    /** This row with {@code parameters} as its per-parameter diagnostics. */
    public MetricsRow withParameters(List<TensorDiagnostics> parameters) {
        return fromFixed(fixedValues(), parameters);
    }

    public boolean evaluated() {
        return !Double.isNaN(testAccuracy);
    }

    /** How many values {@link #values} gives for a row of a network with {@code tensors} parameter tensors. */
    public static int width(int tensors) {
        return FIXED_VALUES + 2 * tensors;
    }

    /**
     * The row as numbers, for a checkpoint: the fixed fields, then each parameter tensor's gradient norm and
     * weight change (NaN on rows that were not evaluated); {@code tensors} is the network's count of them.
     */
    public double[] values(int tensors) {
        double[] values = new double[width(tensors)];
        Arrays.fill(values, Double.NaN);
        System.arraycopy(fixedValues(), 0, values, 0, FIXED_VALUES);
        for (int t = 0; t < parameters.size() && t < tensors; t++) {
            values[FIXED_VALUES + 2 * t] = parameters.get(t).gradientNorm();
            values[FIXED_VALUES + 2 * t + 1] = parameters.get(t).weightChange();
        }
        return values;
    }

    /** The row {@link #values} gave, its parameter tensors named {@code tensors}. */
    public static MetricsRow of(double[] values, List<String> tensors) {
        if (values.length != width(tensors.size())) {
            throw new IllegalArgumentException(
                    "a metrics row of " + values.length + " values, not " + width(tensors.size()));
        }
        MetricsRow row = fromFixed(values, List.of());
        if (!row.evaluated()) {
            return row;
        }
        List<TensorDiagnostics> parameters = new ArrayList<>();
        for (int t = 0; t < tensors.size(); t++) {
            parameters.add(new TensorDiagnostics(
                    tensors.get(t), values[FIXED_VALUES + 2 * t], values[FIXED_VALUES + 2 * t + 1]));
        }
        return row.withParameters(parameters);
    }

    /**
     * Equal when every metric is: {@link #seconds()} says when a row was recorded, not what training did,
     * so two runs of one seed have equal rows however fast each machine was.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof MetricsRow row
                && Arrays.equals(fixedValues(), 0, SECONDS, row.fixedValues(), 0, SECONDS)
                && parameters.equals(row.parameters);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(Arrays.copyOf(fixedValues(), SECONDS)) + parameters.hashCode();
    }

    /** The fixed fields in the order {@link #values} gives them, {@link #seconds} last. */
    private double[] fixedValues() {
        return new double[] {
            iteration, epoch, loss, trainAccuracy, testAccuracy, validationAccuracy, validationLoss, testLoss, seconds
        };
    }

    /** The row whose fixed fields are the first {@link #FIXED_VALUES} of {@code values}. */
    private static MetricsRow fromFixed(double[] values, List<TensorDiagnostics> parameters) {
        return new MetricsRow(
                (long) values[0],
                values[1],
                values[2],
                values[3],
                values[4],
                values[5],
                values[6],
                values[7],
                values[SECONDS],
                parameters);
    }
}
