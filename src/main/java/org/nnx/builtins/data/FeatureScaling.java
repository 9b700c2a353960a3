package org.nnx.builtins.data;

import java.util.Arrays;
import java.util.List;

/**
 * Per-feature scaling {@code x' = (x − offset) · factor}, fitted on the training rows only and then applied
 * to training and test rows alike, so that nothing about the test rows leaks into training.
 */
final class FeatureScaling {
    /** The choices of {@code normalize}. */
    static final List<String> CHOICES = List.of("standard", "minmax", "none");

    private final double[] offset;
    private final double[] factor;

    private FeatureScaling(double[] offset, double[] factor) {
        this.offset = offset;
        this.factor = factor;
    }

    /**
     * Fits {@code mode} to the first {@code rows} rows of {@code values}.
     *
     * @param mode {@code standard}: zero mean and unit (population) variance; {@code minmax}: [0, 1];
     *             {@code none}: unchanged. A constant feature is only shifted, never divided by zero.
     */
    static FeatureScaling fit(String mode, float[] values, int rows, int features) {
        double[] offset = new double[features];
        double[] factor = new double[features];
        Arrays.fill(factor, 1);
        switch (mode) {
            case "standard" -> {
                double[] mean = new double[features];
                for (int r = 0; r < rows; r++) {
                    for (int j = 0; j < features; j++) {
                        mean[j] += values[r * features + j];
                    }
                }
                double[] variance = new double[features];
                for (int j = 0; j < features; j++) {
                    mean[j] /= rows;
                }
                for (int r = 0; r < rows; r++) {
                    for (int j = 0; j < features; j++) {
                        double d = values[r * features + j] - mean[j];
                        variance[j] += d * d;
                    }
                }
                for (int j = 0; j < features; j++) {
                    double std = Math.sqrt(variance[j] / rows);
                    offset[j] = mean[j];
                    factor[j] = std > 0 ? 1 / std : 1;
                }
            }
            case "minmax" -> {
                for (int j = 0; j < features; j++) {
                    double min = Double.POSITIVE_INFINITY;
                    double max = Double.NEGATIVE_INFINITY;
                    for (int r = 0; r < rows; r++) {
                        min = Math.min(min, values[r * features + j]);
                        max = Math.max(max, values[r * features + j]);
                    }
                    offset[j] = min;
                    factor[j] = max > min ? 1 / (max - min) : 1;
                }
            }
            case "none" -> {}
            default -> throw new IllegalArgumentException("normalize " + mode);
        }
        return new FeatureScaling(offset, factor);
    }

    /** The scaling of {@link #offsets()} and {@link #factors()} as a model saved them. */
    static FeatureScaling of(double[] offset, double[] factor) {
        return new FeatureScaling(offset.clone(), factor.clone());
    }

    double[] offsets() {
        return offset.clone();
    }

    double[] factors() {
        return factor.clone();
    }

    /** Scales every row of {@code values} in place. */
    void apply(float[] values) {
        int features = offset.length;
        for (int i = 0; i < values.length; i++) {
            int j = i % features;
            values[i] = (float) ((values[i] - offset[j]) * factor[j]);
        }
    }
}
