package org.nnx.nn;

import java.util.random.RandomGenerator;
import org.nnx.spi.Initializer;
import org.nnx.tensor.Tensor;

/**
 * Sets every weight to 0. Every unit of the layer then computes the same thing and receives the same
 * gradient, so they never tell apart: useful to show why initial weights must be random.
 */
public final class ZerosInitializer implements Initializer {

    public ZerosInitializer() {}

    @Override
    public void initialize(Tensor weights, int fanIn, int fanOut, RandomGenerator random) {
        weights.fill(0.0);
    }
}
