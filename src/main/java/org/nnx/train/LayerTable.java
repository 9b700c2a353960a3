package org.nnx.train;

import java.util.ArrayList;
import java.util.List;
import org.nnx.registry.ComponentRegistry;
import org.nnx.registry.ModelShapes;
import org.nnx.spi.ComponentCall;
import org.nnx.spi.Shape;

/**
 * A model as a table, as Keras' {@code summary()} prints it: the input's shape, then each layer as written with
 * its output shape and trainable parameters, and their total. {@code nnx check} prints it; the report shows it.
 *
 * @param input  the shape of a sample
 * @param rows   the layers, input to output; up to the first that cannot take its input, when one cannot
 * @param total  the trainable parameters of the rows
 */
public record LayerTable(Shape input, List<Row> rows, long total) {
    /** One layer: the call as written ({@code conv2d(30, size = 5)}), its output shape, its parameters. */
    public record Row(String layer, Shape output, long parameters) {}

    public LayerTable {
        rows = List.copyOf(rows);
    }

    /** The table of {@code layers} sized from samples of shape {@code input}. */
    public static LayerTable of(ComponentRegistry registry, List<ComponentCall> layers, Shape input) {
        ModelShapes shapes = ModelShapes.of(registry, layers, input);
        List<Row> rows = new ArrayList<>();
        for (ModelShapes.LayerShape layer : shapes.layers()) {
            String written = layer.layer().arguments().isEmpty()
                    ? layer.layer().name()
                    : layer.layer().name() + "(" + layer.layer().arguments() + ")";
            rows.add(new Row(written, layer.output(), layer.parameters()));
        }
        return new LayerTable(input, rows, shapes.parameters());
    }
}
