package org.nnx.nn;

import java.util.random.RandomGenerator;
import org.nnx.spi.Initializer;
import org.nnx.tensor.Tensor;

/** Draws every weight from {@code N(0, std²)}, whatever the fan-in; the book's {@code 0.01 · randn}. */
public final class GaussianInitializer implements Initializer {
    private final double std;

    /** @param std the standard deviation, ≥ 0 */
    public GaussianInitializer(double std) {
        if (!(std >= 0) || Double.isInfinite(std)) {
            throw new IllegalArgumentException("standard deviation must be finite and ≥ 0: " + std);
        }
        this.std = std;
    }

    public double std() {
        return std;
    }

    @Override
    public void initialize(Tensor weights, int fanIn, int fanOut, RandomGenerator random) {
        Initializers.fillGaussian(weights, std, random);
    }
}
