package org.nnx.builtins;

import java.util.List;
import org.nnx.nn.ChannelBatchNorm;
import org.nnx.spi.Arguments;
import org.nnx.spi.Layer;
import org.nnx.spi.LayerContext;
import org.nnx.spi.LayerFactory;
import org.nnx.spi.ParameterSpec;
import org.nnx.spi.Shape;

/**
 * {@code batch_norm} per channel on images (one γ, β, mean and variance a channel, as PyTorch's
 * {@code BatchNorm2d}), and per feature on flat data as {@code flat} makes it.
 */
record BatchNormOnImages(LayerFactory flat) implements LayerFactory {
    @Override
    public String name() {
        return flat.name();
    }

    @Override
    public String description() {
        return flat.description() + "; per channel on images";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return flat.parameters();
    }

    @Override
    public int outputSize(Arguments arguments, int inputSize) {
        return inputSize;
    }

    @Override
    public long parameterCount(Arguments arguments, int inputSize) {
        return flat.parameterCount(arguments, inputSize);
    }

    @Override
    public long parameterCount(Arguments arguments, Shape input) {
        return input.image() ? 2L * input.channels() : flat.parameterCount(arguments, input.size());
    }

    @Override
    public Shape outputShape(Arguments arguments, Shape input) {
        return input;
    }

    @Override
    public Layer create(Arguments arguments, LayerContext context) {
        Shape input = context.inputShape();
        if (!input.image()) {
            return flat.create(arguments, context);
        }
        return new ChannelBatchNorm(
                input.channels(),
                input.height() * input.width(),
                arguments.number("momentum"),
                arguments.number("epsilon"),
                context.precision());
    }
}
