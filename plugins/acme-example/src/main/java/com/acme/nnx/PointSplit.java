package com.acme.nnx;

import java.util.SplittableRandom;
import org.nnx.spi.Split;
import org.nnx.tensor.Tensor;

/** Labelled points in the plane, two coordinates a sample. */
final class PointSplit implements Split {
    private final double[] coordinates;
    private final int[] labels;

    private PointSplit(double[] coordinates, int[] labels) {
        this.coordinates = coordinates;
        this.labels = labels;
    }

    /** {@code count} points uniform in [−1, 1]², labelled by whether x·y < 0, then moved by the noise. */
    static PointSplit xor(int count, double noise, SplittableRandom random) {
        double[] coordinates = new double[2 * count];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            double x = random.nextDouble(-1, 1);
            double y = random.nextDouble(-1, 1);
            labels[i] = x * y < 0 ? 1 : 0;
            coordinates[2 * i] = x + noise * random.nextGaussian();
            coordinates[2 * i + 1] = y + noise * random.nextGaussian();
        }
        return new PointSplit(coordinates, labels);
    }

    @Override
    public int size() {
        return labels.length;
    }

    @Override
    public int label(int index) {
        return labels[index];
    }

    @Override
    public void features(int[] indices, int from, int count, Tensor into) {
        for (int row = 0; row < count; row++) {
            int sample = indices[from + row];
            into.set(row, 0, coordinates[2 * sample]);
            into.set(row, 1, coordinates[2 * sample + 1]);
        }
    }
}
