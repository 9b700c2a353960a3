package org.nnx.nn;

import java.util.random.RandomGenerator;
import org.nnx.spi.Initializer;
import org.nnx.tensor.Tensor;

/** Draws every weight uniformly from {@code [−a, a)}. */
public final class UniformInitializer implements Initializer {
    private final double a;

    /** @param a the half-width of the interval, ≥ 0 */
    public UniformInitializer(double a) {
        if (!(a >= 0) || Double.isInfinite(a)) {
            throw new IllegalArgumentException("uniform half-width must be finite and ≥ 0: " + a);
        }
        this.a = a;
    }

    public double a() {
        return a;
    }

    @Override
    public void initialize(Tensor weights, int fanIn, int fanOut, RandomGenerator random) {
        for (int i = 0; i < weights.size(); i++) {
            // nextDouble(−a, a) rejects the empty interval a = 0, which simply means zeros.
            weights.set(i, a == 0 ? 0.0 : random.nextDouble(-a, a));
        }
    }
}
