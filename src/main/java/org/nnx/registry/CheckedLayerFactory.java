package org.nnx.registry;

import java.util.Optional;
import java.util.function.Function;
import org.nnx.spi.Arguments;
import org.nnx.spi.ComponentCall;
import org.nnx.spi.Initializer;
import org.nnx.spi.LayerFactory;
import org.nnx.spi.Shape;

/**
 * A layer factory whose layers must pass a gradient check where a model uses them before nnx trains with
 * them: the layers of plugin jars. nnx's own layers are its own tests' business.
 */
public interface CheckedLayerFactory extends LayerFactory {

    /**
     * Why this use of the layer is refused, naming the layer, its jar and the largest relative error; empty
     * when its backward agrees with its forward.
     *
     * @param inputShape    the shape of one input sample: flat features, or an image for a spatial layer
     * @param previousLayer the name of the layer before it, or null when it is first
     * @param nextLayer     the name of the layer after it, or null when it is last
     */
    Optional<String> conformance(
            Arguments arguments,
            Shape inputShape,
            String previousLayer,
            String nextLayer,
            Function<ComponentCall, Initializer> initializers);
}
