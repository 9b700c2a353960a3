package org.nnx.builtins.data;

import java.util.Arrays;
import org.nnx.spi.Split;
import org.nnx.tensor.Tensor;

/** Samples whose features are float32 values, stored row after row, copied into mini-batches as they are. */
public final class FloatSplit implements Split {
    private final float[] values;
    private final int[] labels;
    private final int features;

    /**
     * @param values   {@code labels.length × features} values, sample after sample
     * @param labels   one class index per sample
     */
    public FloatSplit(float[] values, int[] labels, int features) {
        if ((long) labels.length * features != values.length) {
            throw new IllegalArgumentException(
                    labels.length + " labels for " + values.length + " values of " + features + " features");
        }
        this.values = values;
        this.labels = labels;
        this.features = features;
    }

    @Override
    public int size() {
        return labels.length;
    }

    @Override
    public int label(int index) {
        return labels[index];
    }

    /** Feature {@code feature} of sample {@code index}. */
    public float value(int index, int feature) {
        return values[index * features + feature];
    }

    @Override
    public void features(int[] indices, int from, int count, Tensor into) {
        features(indices, from, count, into, 0);
    }

    @Override
    public void features(int[] indices, int from, int count, Tensor into, int firstRow) {
        if (into.isFloat()) {
            float[] out = into.floats();
            for (int row = 0; row < count; row++) {
                System.arraycopy(values, indices[from + row] * features, out, (firstRow + row) * features, features);
            }
        } else {
            for (int row = 0; row < count; row++) {
                int source = indices[from + row] * features;
                int target = (firstRow + row) * features;
                for (int j = 0; j < features; j++) {
                    into.set(target + j, values[source + j]);
                }
            }
        }
    }

    /** Reads only: two threads may fill disjoint rows of one batch at once. */
    @Override
    public boolean concurrentFeatures() {
        return true;
    }

    /** The first {@code n} samples only. */
    public FloatSplit limit(int n) {
        if (n >= size()) {
            return this;
        }
        return new FloatSplit(Arrays.copyOf(values, n * features), Arrays.copyOf(labels, n), features);
    }
}
