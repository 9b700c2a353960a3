package org.nnx.nn;

import java.util.random.RandomGenerator;
import org.nnx.spi.Initializer;
import org.nnx.tensor.Tensor;

/**
 * He initialisation: {@code N(0, 2/fanIn)}; the factor 2 makes up for ReLU zeroing half of its inputs.
 */
public final class HeInitializer implements Initializer {

    public HeInitializer() {}

    @Override
    public void initialize(Tensor weights, int fanIn, int fanOut, RandomGenerator random) {
        Initializers.fillGaussian(weights, Math.sqrt(2.0 / Initializers.checkFanIn(fanIn)), random);
    }
}
