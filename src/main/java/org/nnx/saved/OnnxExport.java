package org.nnx.saved;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.nnx.spi.ComponentCall;
import org.nnx.spi.Shape;
import org.nnx.tensor.Tensor;
import org.nnx.train.NamedTensor;
import org.nnx.train.Version;

/**
 * A saved model as an ONNX graph of standard operators (opset {@value #OPSET}), which ONNX Runtime and other
 * tools run without nnx. Input {@code input}, float {@code [batch, features]}; output {@code output}, what nnx's
 * network gives in evaluation: {@code dense} is {@code Gemm} ({@code MatMul} without bias), activations are
 * {@code Relu}, {@code Sigmoid}, {@code Tanh}, {@code LeakyRelu}, {@code Softmax}, {@code step} is
 * {@code Greater} then {@code Cast}, {@code batch_norm} is {@code BatchNormalization} with the running statistics,
 * {@code dropout} is {@code Identity}; on images (the rows reshaped to NCHW first), {@code conv2d} is {@code Conv},
 * {@code max_pool} and {@code avg_pool} are {@code MaxPool} and {@code AveragePool}, {@code global_avg_pool} is
 * {@code GlobalAveragePool} then {@code Flatten}, {@code flatten} (and {@code dense} after an image) is
 * {@code Flatten}, and {@code batch_norm} is per channel. A model with another layer (a plugin's) cannot be
 * exported.
 */
public final class OnnxExport {
    static final int OPSET = 13;
    private static final int IR_VERSION = 8;
    private static final int FLOAT = 1;
    private static final int ATTRIBUTE_FLOAT = 1;
    private static final int INT64 = 7;
    private static final int ATTRIBUTE_INT = 2;
    private static final int ATTRIBUTE_INTS = 7;

    /** Layers that work on NCHW images: the rows are reshaped before the first of them. */
    private static final java.util.Set<String> SPATIAL =
            java.util.Set.of("conv2d", "max_pool", "avg_pool", "global_avg_pool", "batch_norm");
    /** Layers that take flat rows: an NCHW image is flattened before them. */
    private static final java.util.Set<String> FLAT = java.util.Set.of("dense", "softmax", "flatten");

    private OnnxExport() {}

    /**
     * The ONNX model's bytes.
     *
     * @throws IllegalArgumentException naming a layer that has no ONNX form
     */
    public static byte[] of(SavedModel saved) {
        Map<String, Tensor> tensors =
                saved.model().tensors().stream().collect(Collectors.toMap(NamedTensor::name, NamedTensor::values));
        Function<String, Tensor> tensor = name -> {
            Tensor t = tensors.get(name);
            if (t == null) {
                throw new IllegalArgumentException("the model has no tensor '" + name + "'");
            }
            return t;
        };
        Protobuf graph = new Protobuf();
        String x = "input";
        Shape shape = saved.model().sampleShape();
        // Whether x holds each sample as a flat row, as nnx's layers pass them; spatial operators want NCHW.
        boolean flatRows = true;
        List<ComponentCall> layers = saved.layers();
        for (int i = 0; i < layers.size(); i++) {
            ComponentCall layer = layers.get(i);
            String y = "layers." + i + ".output";
            String name = "layers." + i + "." + layer.name();
            String p = "layers." + i + ".";
            if (shape.image() && flatRows && SPATIAL.contains(layer.name())) {
                int64Initializer(graph, p + "image_shape", -1, shape.channels(), shape.height(), shape.width());
                graph.message(1, node(name + ".reshape", "Reshape", List.of(x, p + "image_shape"), p + "image"));
                x = p + "image";
                flatRows = false;
            }
            if (!flatRows && FLAT.contains(layer.name())) {
                // An image's flat features are its values channel after channel, as NCHW flattens.
                graph.message(
                        1,
                        node(name + ".flatten", "Flatten", List.of(x), p + "flat")
                                .message(5, intAttribute("axis", 1)));
                x = p + "flat";
                flatRows = true;
            }
            switch (layer.name()) {
                case "dense" -> {
                    initializer(graph, p + "W", tensor.apply(p + "W"));
                    if (tensors.containsKey(p + "b")) {
                        initializer(graph, p + "b", tensor.apply(p + "b"));
                        graph.message(1, node(name, "Gemm", List.of(x, p + "W", p + "b"), y));
                    } else {
                        graph.message(1, node(name, "MatMul", List.of(x, p + "W"), y));
                    }
                    shape = Shape.flat(tensor.apply(p + "W").cols());
                }
                case "conv2d" -> shape = conv(graph, layer, shape, tensor, p, name, x, y);
                case "max_pool", "avg_pool" -> shape = pool(graph, layer, shape, name, x, y);
                case "global_avg_pool" -> {
                    graph.message(1, node(name, "GlobalAveragePool", List.of(x), p + "pooled"));
                    graph.message(
                            1,
                            node(name + ".flatten", "Flatten", List.of(p + "pooled"), y)
                                    .message(5, intAttribute("axis", 1)));
                    shape = Shape.flat(shape.channels());
                    flatRows = true;
                }
                case "flatten" -> {
                    // The rows are flat already: the flattening took place above.
                    graph.message(1, node(name, "Identity", List.of(x), y));
                    shape = shape.flattened();
                }
                case "relu" -> graph.message(1, node(name, "Relu", List.of(x), y));
                case "sigmoid" -> graph.message(1, node(name, "Sigmoid", List.of(x), y));
                case "tanh" -> graph.message(1, node(name, "Tanh", List.of(x), y));
                case "softmax" ->
                    graph.message(1, node(name, "Softmax", List.of(x), y).message(5, intAttribute("axis", -1)));
                case "leaky_relu" ->
                    graph.message(1, node(name, "LeakyRelu", List.of(x), y).message(5, floatAttribute("alpha", (float)
                            layer.arguments().number("alpha"))));
                case "dropout" -> graph.message(1, node(name, "Identity", List.of(x), y));
                case "step" -> {
                    initializer(graph, p + "zero", Tensor.of(1, 1, 0f), List.of());
                    graph.message(1, node(name + ".greater", "Greater", List.of(x, p + "zero"), p + "positive"));
                    graph.message(
                            1, node(name, "Cast", List.of(p + "positive"), y).message(5, intAttribute("to", FLOAT)));
                }
                case "batch_norm" -> {
                    for (String part : List.of("gamma", "beta", "running_mean", "running_var")) {
                        initializer(graph, p + part, tensor.apply(p + part), List.of((long)
                                tensor.apply(p + part).cols()));
                    }
                    graph.message(
                            1,
                            node(
                                            name,
                                            "BatchNormalization",
                                            List.of(x, p + "gamma", p + "beta", p + "running_mean", p + "running_var"),
                                            y)
                                    .message(5, floatAttribute("epsilon", (float)
                                            layer.arguments().number("epsilon"))));
                }
                default ->
                    throw new IllegalArgumentException(
                            "layer " + i + " '" + layer.name() + "' has no ONNX operator nnx knows");
            }
            x = y;
        }
        graph.message(
                1,
                flatRows
                        ? node("output", "Identity", List.of(x), "output")
                        : node("output", "Flatten", List.of(x), "output").message(5, intAttribute("axis", 1)));
        graph.string(2, "nnx " + saved.fact("experiment") + " " + saved.fact("run"));
        graph.message(11, valueInfo("input", saved.model().features()));
        graph.message(12, valueInfo("output", saved.model().classNames().size()));
        return new Protobuf()
                .varint(1, IR_VERSION)
                .string(2, "nnx")
                .string(3, Version.current())
                .message(7, graph)
                .message(8, new Protobuf().string(1, "").varint(2, OPSET))
                .toByteArray();
    }

    /** {@code conv2d} as {@code Conv}: W is PyTorch's {@code [out, in, kh, kw]}, b one value a filter. */
    private static Shape conv(
            Protobuf graph,
            ComponentCall layer,
            Shape input,
            Function<String, Tensor> tensor,
            String p,
            String name,
            String x,
            String y) {
        int filters = (int) layer.arguments().integer("filters");
        int[] size = layer.arguments().size("size");
        int[] stride = layer.arguments().size("stride");
        int[] pad = layer.arguments().size("pad");
        initializer(
                graph,
                p + "W",
                tensor.apply(p + "W"),
                List.of((long) filters, (long) input.channels(), (long) size[0], (long) size[1]));
        List<String> inputs = new java.util.ArrayList<>(List.of(x, p + "W"));
        if (layer.arguments().bool("bias")) {
            initializer(graph, p + "b", tensor.apply(p + "b"), List.of((long) filters));
            inputs.add(p + "b");
        }
        graph.message(
                1,
                node(name, "Conv", inputs, y)
                        .message(5, intsAttribute("kernel_shape", size[0], size[1]))
                        .message(5, intsAttribute("strides", stride[0], stride[1]))
                        .message(5, intsAttribute("pads", pad[0], pad[1], pad[0], pad[1])));
        return Shape.image(
                filters,
                (input.height() + 2 * pad[0] - size[0]) / stride[0] + 1,
                (input.width() + 2 * pad[1] - size[1]) / stride[1] + 1);
    }

    /** {@code max_pool} and {@code avg_pool} as {@code MaxPool} and {@code AveragePool}: whole windows only. */
    private static Shape pool(Protobuf graph, ComponentCall layer, Shape input, String name, String x, String y) {
        int[] size = layer.arguments().size("size");
        int[] stride = layer.arguments().has("stride") ? layer.arguments().size("stride") : size;
        String op = layer.name().equals("max_pool") ? "MaxPool" : "AveragePool";
        graph.message(
                1,
                node(name, op, List.of(x), y)
                        .message(5, intsAttribute("kernel_shape", size[0], size[1]))
                        .message(5, intsAttribute("strides", stride[0], stride[1])));
        return Shape.image(
                input.channels(),
                (input.height() - size[0]) / stride[0] + 1,
                (input.width() - size[1]) / stride[1] + 1);
    }

    private static Protobuf node(String name, String op, List<String> inputs, String output) {
        Protobuf node = new Protobuf();
        inputs.forEach(input -> node.string(1, input));
        return node.string(2, output).string(3, name).string(4, op);
    }

    private static Protobuf intAttribute(String name, long value) {
        return new Protobuf().string(1, name).varint(3, value).varint(20, ATTRIBUTE_INT);
    }

    private static Protobuf intsAttribute(String name, long... values) {
        Protobuf attribute = new Protobuf().string(1, name);
        for (long value : values) {
            attribute.varint(8, value);
        }
        return attribute.varint(20, ATTRIBUTE_INTS);
    }

    private static Protobuf floatAttribute(String name, float value) {
        return new Protobuf().string(1, name).float32(2, value).varint(20, ATTRIBUTE_FLOAT);
    }

    private static void initializer(Protobuf graph, String name, Tensor values) {
        List<Long> dims = values.rows() == 1 && !name.endsWith(".W")
                ? List.of((long) values.cols())
                : List.of((long) values.rows(), (long) values.cols());
        initializer(graph, name, values, dims);
    }

    /** A float32 initializer of the given dimensions; float64 state (running statistics) is rounded to float. */
    private static void initializer(Protobuf graph, String name, Tensor values, List<Long> dims) {
        ByteBuffer raw = ByteBuffer.allocate(values.size() * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < values.size(); i++) {
            raw.putFloat((float) values.get(i));
        }
        Protobuf tensor = new Protobuf();
        dims.forEach(d -> tensor.varint(1, d));
        tensor.varint(2, FLOAT).string(8, name).bytes(9, raw.array());
        graph.message(5, tensor);
    }

    /** An int64 vector initializer, such as the shape a {@code Reshape} makes. */
    private static void int64Initializer(Protobuf graph, String name, long... values) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long value : values) {
            raw.putLong(value);
        }
        graph.message(
                5,
                new Protobuf()
                        .varint(1, values.length)
                        .varint(2, INT64)
                        .string(8, name)
                        .bytes(9, raw.array()));
    }

    private static Protobuf valueInfo(String name, int width) {
        Protobuf shape = new Protobuf()
                .message(1, new Protobuf().string(2, "batch"))
                .message(1, new Protobuf().varint(1, width));
        Protobuf tensorType = new Protobuf().varint(1, FLOAT).message(2, shape);
        return new Protobuf().string(1, name).message(2, new Protobuf().message(1, tensorType));
    }
}
