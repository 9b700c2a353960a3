package org.nnx.saved;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.nnx.spi.ComponentCall;
import org.nnx.tensor.Tensor;
import org.nnx.train.NamedTensor;
import org.nnx.train.Version;

/**
 * A saved model as an ONNX graph of standard operators (opset {@value #OPSET}), which ONNX Runtime and other
 * tools run without nnx. Input {@code input}, float {@code [batch, features]}; output {@code output}, what nnx's
 * network gives in evaluation: {@code dense} is {@code Gemm} ({@code MatMul} without bias), activations are
 * {@code Relu}, {@code Sigmoid}, {@code Tanh}, {@code LeakyRelu}, {@code Softmax}, {@code step} is
 * {@code Greater} then {@code Cast}, {@code batch_norm} is {@code BatchNormalization} with the running statistics,
 * and {@code dropout} is {@code Identity}. A model with another layer (a plugin's) cannot be exported.
 */
public final class OnnxExport {
    static final int OPSET = 13;
    private static final int IR_VERSION = 8;
    private static final int FLOAT = 1;
    private static final int ATTRIBUTE_FLOAT = 1;
    private static final int ATTRIBUTE_INT = 2;

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
        List<ComponentCall> layers = saved.layers();
        for (int i = 0; i < layers.size(); i++) {
            ComponentCall layer = layers.get(i);
            String y = i == layers.size() - 1 ? "output" : "layers." + i + ".output";
            String name = "layers." + i + "." + layer.name();
            String p = "layers." + i + ".";
            switch (layer.name()) {
                case "dense" -> {
                    initializer(graph, p + "W", tensor.apply(p + "W"));
                    if (tensors.containsKey(p + "b")) {
                        initializer(graph, p + "b", tensor.apply(p + "b"));
                        graph.message(1, node(name, "Gemm", List.of(x, p + "W", p + "b"), y));
                    } else {
                        graph.message(1, node(name, "MatMul", List.of(x, p + "W"), y));
                    }
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
        if (layers.isEmpty()) {
            graph.message(1, node("identity", "Identity", List.of("input"), "output"));
        }
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

    private static Protobuf node(String name, String op, List<String> inputs, String output) {
        Protobuf node = new Protobuf();
        inputs.forEach(input -> node.string(1, input));
        return node.string(2, output).string(3, name).string(4, op);
    }

    private static Protobuf intAttribute(String name, long value) {
        return new Protobuf().string(1, name).varint(3, value).varint(20, ATTRIBUTE_INT);
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

    private static Protobuf valueInfo(String name, int width) {
        Protobuf shape = new Protobuf()
                .message(1, new Protobuf().string(2, "batch"))
                .message(1, new Protobuf().varint(1, width));
        Protobuf tensorType = new Protobuf().varint(1, FLOAT).message(2, shape);
        return new Protobuf().string(1, name).message(2, new Protobuf().message(1, tensorType));
    }
}
