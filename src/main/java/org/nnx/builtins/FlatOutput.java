package org.nnx.builtins;

import java.util.List;
import org.nnx.spi.Arguments;
import org.nnx.spi.Layer;
import org.nnx.spi.LayerContext;
import org.nnx.spi.LayerFactory;
import org.nnx.spi.ParameterSpec;
import org.nnx.spi.Shape;

/**
 * A layer whose output is flat features whatever its input's shape: {@code dense} after an image flattens by
 * itself, and a dense layer as wide as the image still outputs flat features.
 */
record FlatOutput(LayerFactory layer) implements LayerFactory {
    @Override
    public String name() {
        return layer.name();
    }

    @Override
    public String description() {
        return layer.description();
    }

    @Override
    public List<ParameterSpec> parameters() {
        return layer.parameters();
    }

    @Override
    public int outputSize(Arguments arguments, int inputSize) {
        return layer.outputSize(arguments, inputSize);
    }

    @Override
    public long parameterCount(Arguments arguments, int inputSize) {
        return layer.parameterCount(arguments, inputSize);
    }

    @Override
    public Shape outputShape(Arguments arguments, Shape input) {
        return Shape.flat(layer.outputSize(arguments, input.size()));
    }

    @Override
    public Layer create(Arguments arguments, LayerContext context) {
        return layer.create(arguments, context);
    }
}
