package org.nnx.nn;

import java.util.random.RandomGenerator;
import org.nnx.tensor.Tensor;

/** Helpers shared by the initializers. */
final class Initializers {
    private Initializers() {}

    /** Fills {@code weights} with draws from {@code N(0, std²)}. */
    static void fillGaussian(Tensor weights, double std, RandomGenerator random) {
        for (int i = 0; i < weights.size(); i++) {
            weights.set(i, std * random.nextGaussian());
        }
    }

    static int checkFanIn(int fanIn) {
        if (fanIn <= 0) {
            throw new IllegalArgumentException("fan-in must be positive: " + fanIn);
        }
        return fanIn;
    }
}
