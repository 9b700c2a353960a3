package org.nnx.nn;

import java.util.SplittableRandom;
import org.nnx.tensor.Precision;
import org.nnx.tensor.Tensor;

/** Random tensors for the tests of this package. */
final class TestTensors {
    private TestTensors() {}

    /** A float64 tensor of draws from N(0, 1). */
    static Tensor gaussian(SplittableRandom random, int rows, int cols) {
        Tensor tensor = Tensor.zeros(Precision.FLOAT64, rows, cols);
        for (int i = 0; i < tensor.size(); i++) {
            tensor.set(i, random.nextGaussian());
        }
        return tensor;
    }

    /** A float64 tensor whose entries are at least {@code margin} away from 0, for kinked activations. */
    static Tensor awayFromZero(SplittableRandom random, int rows, int cols, double margin) {
        Tensor tensor = Tensor.zeros(Precision.FLOAT64, rows, cols);
        for (int i = 0; i < tensor.size(); i++) {
            double magnitude = margin + Math.abs(random.nextGaussian());
            tensor.set(i, random.nextBoolean() ? magnitude : -magnitude);
        }
        return tensor;
    }

    /** One-hot float64 targets, one random class a row. */
    static Tensor oneHot(SplittableRandom random, int rows, int classes) {
        Tensor tensor = Tensor.zeros(Precision.FLOAT64, rows, classes);
        for (int r = 0; r < rows; r++) {
            tensor.set(r, random.nextInt(classes), 1.0);
        }
        return tensor;
    }
}
