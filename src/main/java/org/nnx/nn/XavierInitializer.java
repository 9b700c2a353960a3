package org.nnx.nn;

import java.util.random.RandomGenerator;
import org.nnx.spi.Initializer;
import org.nnx.tensor.Tensor;

/**
 * "Xavier" as the book uses it: {@code N(0, 1/fanIn)}, i.e. standard deviation {@code 1/√fanIn}, which keeps
 * the variance of a sigmoid or tanh layer's pre-activations near that of its inputs. (Glorot and Bengio's
 * original uses {@code 2/(fanIn + fanOut)}; nnx follows the book.)
 */
public final class XavierInitializer implements Initializer {

    public XavierInitializer() {}

    @Override
    public void initialize(Tensor weights, int fanIn, int fanOut, RandomGenerator random) {
        Initializers.fillGaussian(weights, 1.0 / Math.sqrt(Initializers.checkFanIn(fanIn)), random);
    }
}
