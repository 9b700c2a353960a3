package org.nnx.spi;

import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.nnx.tensor.Precision;

/**
 * What a layer factory knows about where the layer stands.
 *
 * @param inputSize     the width of the layer's input
 * @param previousLayer the name of the layer before it, or null for the first layer
 * @param nextLayer     the name of the layer after it, or null for the last layer
 * @param precision     the precision the layer's parameters are made in
 * @param random        the run's source of randomness for initial values
 * @param initializers  makes an initializer from a {@link ComponentCall} such as {@code gaussian(0.01)}
 * @param inputShape    the shape of one input sample, {@link Shape#size() as many features} as {@code inputSize}
 */
public record LayerContext(
        int inputSize,
        String previousLayer,
        String nextLayer,
        Precision precision,
        RandomGenerator random,
        Function<ComponentCall, Initializer> initializers,
        Shape inputShape) {

    public LayerContext {
        if (inputShape == null) {
            inputShape = Shape.flat(inputSize);
        } else if (inputShape.size() != inputSize) {
            throw new IllegalArgumentException("input shape " + inputShape + " is not " + inputSize + " features");
        }
    }

    /** A layer's place with flat input features of {@code inputSize}. */
    public LayerContext(
            int inputSize,
            String previousLayer,
            String nextLayer,
            Precision precision,
            RandomGenerator random,
            Function<ComponentCall, Initializer> initializers) {
        this(inputSize, previousLayer, nextLayer, precision, random, initializers, null);
    }
}
