package org.nnx.train;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.nnx.registry.ComponentRegistry;
import org.nnx.spi.ComponentCall;
import org.nnx.spi.Initializer;
import org.nnx.spi.Layer;
import org.nnx.spi.LayerContext;
import org.nnx.spi.LayerFactory;
import org.nnx.spi.Shape;
import org.nnx.tensor.Precision;

/** Makes a run's layers from their factories, each told its input shape and its neighbours. */
public final class NetworkBuilder {
    private final ComponentRegistry registry;

    public NetworkBuilder(ComponentRegistry registry) {
        this.registry = registry;
    }

    /** A network on flat features of {@code inputSize}. */
    public Network build(List<ComponentCall> layers, int inputSize, Precision precision, RandomGenerator random) {
        return build(layers, Shape.flat(inputSize), precision, random);
    }

    /** A network on samples of shape {@code input}; each layer is told its input's shape. */
    public Network build(List<ComponentCall> layers, Shape input, Precision precision, RandomGenerator random) {
        List<Layer> built = new ArrayList<>();
        Shape shape = input;
        for (int i = 0; i < layers.size(); i++) {
            ComponentCall use = layers.get(i);
            LayerFactory factory = registry.layer(use.name());
            String previous = i > 0 ? layers.get(i - 1).name() : null;
            String next = i + 1 < layers.size() ? layers.get(i + 1).name() : null;
            built.add(factory.create(
                    use.arguments(),
                    new LayerContext(shape.size(), previous, next, precision, random, this::initializer, shape)));
            shape = factory.outputShape(use.arguments(), shape);
        }
        return new Network(built);
    }

    private Initializer initializer(ComponentCall call) {
        return registry.initializer(call.name()).create(call.arguments());
    }
}
