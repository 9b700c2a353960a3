package org.nnx.spi;

import java.util.random.RandomGenerator;
import org.nnx.tensor.Tensor;

/** Fills a weight tensor with its initial values. */
public interface Initializer {
    void initialize(Tensor weights, int fanIn, int fanOut, RandomGenerator random);
}
