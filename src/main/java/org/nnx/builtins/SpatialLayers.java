package org.nnx.builtins;

import java.util.List;
import java.util.function.BiFunction;
import org.nnx.nn.AvgPool2d;
import org.nnx.nn.Conv2d;
import org.nnx.nn.Flatten;
import org.nnx.nn.GlobalAvgPool;
import org.nnx.nn.MaxPool2d;
import org.nnx.nn.Window;
import org.nnx.spi.Arguments;
import org.nnx.spi.ComponentCall;
import org.nnx.spi.Layer;
import org.nnx.spi.LayerContext;
import org.nnx.spi.LayerFactory;
import org.nnx.spi.ParameterSpec;
import org.nnx.spi.Range;
import org.nnx.spi.Shape;
import org.nnx.spi.ShapeException;

/** The layers on images: conv2d, max_pool, avg_pool, global_avg_pool and flatten. */
final class SpatialLayers {
    private SpatialLayers() {}

    static List<LayerFactory> all() {
        return List.of(
                conv2d(),
                pool("max_pool", "max pooling per channel"),
                pool("avg_pool", "average pooling per channel"),
                globalAvgPool(),
                flatten());
    }

    /** A layer on images, sized by a function of its arguments and input shape. */
    record SpatialLayer(
            String name,
            String description,
            List<ParameterSpec> parameters,
            BiFunction<Arguments, Shape, Shape> output,
            BiFunction<Arguments, Shape, Long> parameterTotal,
            BiFunction<Arguments, LayerContext, Layer> maker)
            implements LayerFactory {

        /** Only from its shape: a spatial layer's output width depends on the input's height and width. */
        @Override
        public int outputSize(Arguments arguments, int inputSize) {
            return outputShape(arguments, Shape.flat(inputSize)).size();
        }

        @Override
        public long parameterCount(Arguments arguments, int inputSize) {
            return parameterCount(arguments, Shape.flat(inputSize));
        }

        @Override
        public Shape outputShape(Arguments arguments, Shape input) {
            return output.apply(arguments, input);
        }

        @Override
        public long parameterCount(Arguments arguments, Shape input) {
            return parameterTotal.apply(arguments, input);
        }

        @Override
        public Layer create(Arguments arguments, LayerContext context) {
            return maker.apply(arguments, context);
        }
    }

    private static LayerFactory conv2d() {
        return new SpatialLayer(
                "conv2d",
                "2-D convolution of N filters over images (im2col and the BLAS)",
                List.of(
                        ParameterSpec.requiredInteger("filters", "number of filters: output channels")
                                .in(Range.closed(1, Integer.MAX_VALUE)),
                        ParameterSpec.size("size", 3, "filter size, n or [height, width]")
                                .in(Range.closed(1, 1 << 16)),
                        ParameterSpec.size("stride", 1, "step between filter positions, n or [down, across]")
                                .in(Range.closed(1, 1 << 16)),
                        ParameterSpec.size("pad", 0, "rows and columns of zeros around the image, n or [rows, columns]")
                                .in(Range.closed(0, 1 << 16)),
                        ParameterSpec.initializer("init", "initial filters; default he"),
                        ParameterSpec.bool("bias", true, "whether each filter has a bias")),
                (arguments, input) -> {
                    Window window = convWindow(arguments);
                    checkFits("conv2d", "filter", window, input);
                    return Shape.image(
                            (int) arguments.integer("filters"),
                            window.outputHeight(input.height()),
                            window.outputWidth(input.width()));
                },
                (arguments, input) -> {
                    int[] size = arguments.size("size");
                    long perFilter = (long) input.channels() * size[0] * size[1] + (arguments.bool("bias") ? 1 : 0);
                    return perFilter * arguments.integer("filters");
                },
                (arguments, context) -> {
                    Shape input = context.inputShape();
                    ComponentCall init =
                            arguments.has("init") ? arguments.call("init") : new ComponentCall("he", Arguments.EMPTY);
                    return new Conv2d(
                            input.channels(),
                            input.height(),
                            input.width(),
                            (int) arguments.integer("filters"),
                            convWindow(arguments),
                            arguments.bool("bias"),
                            context.initializers().apply(init),
                            context.precision(),
                            context.random());
                });
    }

    private static LayerFactory pool(String name, String description) {
        boolean max = name.equals("max_pool");
        return new SpatialLayer(
                name,
                description,
                List.of(
                        ParameterSpec.size("size", 2, "window size, n or [height, width]")
                                .in(Range.closed(1, 1 << 16)),
                        ParameterSpec.optionalSize("stride", "step between windows, n or [down, across]; default size")
                                .in(Range.closed(1, 1 << 16))),
                (arguments, input) -> {
                    Window window = poolWindow(arguments);
                    checkFits(name, "window", window, input);
                    return Shape.image(
                            input.channels(), window.outputHeight(input.height()), window.outputWidth(input.width()));
                },
                (arguments, input) -> 0L,
                (arguments, context) -> {
                    Shape input = context.inputShape();
                    Window window = poolWindow(arguments);
                    return max
                            ? new MaxPool2d(input.channels(), input.height(), input.width(), window)
                            : new AvgPool2d(input.channels(), input.height(), input.width(), window);
                });
    }

    private static LayerFactory globalAvgPool() {
        return new SpatialLayer(
                "global_avg_pool",
                "the mean of each channel: an image to one value a channel",
                List.of(),
                (arguments, input) -> {
                    needsImage("global_avg_pool", input);
                    return Shape.flat(input.channels());
                },
                (arguments, input) -> 0L,
                (arguments, context) -> new GlobalAvgPool(
                        context.inputShape().channels(),
                        context.inputShape().height() * context.inputShape().width()));
    }

    private static LayerFactory flatten() {
        return new SpatialLayer(
                "flatten",
                "an image to flat features, channel after channel (dense after an image does it by itself)",
                List.of(),
                (arguments, input) -> input.flattened(),
                (arguments, input) -> 0L,
                (arguments, context) -> new Flatten());
    }

    private static Window convWindow(Arguments arguments) {
        int[] size = arguments.size("size");
        int[] stride = arguments.size("stride");
        int[] pad = arguments.size("pad");
        return new Window(size[0], size[1], stride[0], stride[1], pad[0], pad[1]);
    }

    private static Window poolWindow(Arguments arguments) {
        int[] size = arguments.size("size");
        int[] stride = arguments.has("stride") ? arguments.size("stride") : size;
        return Window.of(size[0], size[1], stride[0], stride[1]);
    }

    private static void checkFits(String layer, String what, Window window, Shape input) {
        needsImage(layer, input);
        if (!window.fits(input.height(), input.width())) {
            String padding = window.padHeight() == 0 && window.padWidth() == 0
                    ? ""
                    : " padded to " + (input.height() + 2 * window.padHeight()) + "×"
                            + (input.width() + 2 * window.padWidth());
            throw new ShapeException(layer + "'s " + window.height() + "×" + window.width() + " " + what
                    + " is larger than its " + input.height() + "×" + input.width() + " input" + padding);
        }
    }

    private static void needsImage(String layer, Shape input) {
        if (!input.image()) {
            throw new ShapeException(layer + " needs images (channels × height × width), but its input is "
                    + input.size() + " flat features");
        }
    }
}
