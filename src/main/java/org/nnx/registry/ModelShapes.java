package org.nnx.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nnx.spi.ComponentCall;
import org.nnx.spi.LayerFactory;
import org.nnx.spi.Shape;
import org.nnx.spi.ShapeException;

/**
 * A model's layers sized from the dataset's sample shape before anything is built: each layer's input and output
 * shape and its parameter count, or the first layer that cannot take its input and why. Analysis reports the
 * problem at that layer's line; {@code nnx check} and the report print the sizes as the model's summary.
 *
 * @param layers  the layers sized, input to output; up to the one that failed, when one did
 * @param failed  the index of the layer that cannot take its input, or -1
 * @param problem why it cannot, one line; null when none failed
 */
public record ModelShapes(List<LayerShape> layers, int failed, String problem) {

    /** One layer sized: the call as written, its input and output shape, its trainable numbers. */
    public record LayerShape(ComponentCall layer, Shape input, Shape output, long parameters) {}

    public ModelShapes {
        layers = List.copyOf(layers);
    }

    /** Sizes {@code layers} in turn from samples of shape {@code input}. */
    public static ModelShapes of(ComponentRegistry registry, List<ComponentCall> layers, Shape input) {
        List<LayerShape> sized = new ArrayList<>();
        Shape shape = input;
        for (int i = 0; i < layers.size(); i++) {
            ComponentCall layer = layers.get(i);
            LayerFactory factory = registry.layer(layer.name());
            Shape output;
            long parameters;
            try {
                output = factory.outputShape(layer.arguments(), shape);
                parameters = factory.parameterCount(layer.arguments(), shape);
            } catch (ShapeException e) {
                return new ModelShapes(sized, i, e.getMessage());
            } catch (RuntimeException e) {
                Optional<ShapeException> cause = shapeCause(e);
                if (cause.isEmpty()) {
                    throw e;
                }
                return new ModelShapes(sized, i, cause.get().getMessage());
            }
            sized.add(new LayerShape(layer, shape, output, parameters));
            shape = output;
        }
        return new ModelShapes(sized, -1, null);
    }

    /** Whether every layer takes its input. */
    public boolean fits() {
        return failed < 0;
    }

    /** The shape the last layer outputs; the input's when there are no layers. */
    public Optional<Shape> output() {
        return !fits() || layers.isEmpty()
                ? Optional.empty()
                : Optional.of(layers.get(layers.size() - 1).output());
    }

    /** The trainable numbers of all the layers sized. */
    public long parameters() {
        return layers.stream().mapToLong(LayerShape::parameters).sum();
    }

    /** A plugin's shape problem arrives wrapped in what names the plugin. */
    private static Optional<ShapeException> shapeCause(Throwable thrown) {
        for (Throwable t = thrown.getCause(); t != null; t = t.getCause()) {
            if (t instanceof ShapeException shape) {
                return Optional.of(shape);
            }
        }
        return Optional.empty();
    }
}
