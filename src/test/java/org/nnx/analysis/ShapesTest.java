package org.nnx.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nnx.registry.ModelShapes;
import org.nnx.spi.ComponentCall;
import org.nnx.spi.Shape;

/** Models on images sized before training: located errors for what cannot work, shapes for what can. */
class ShapesTest {

    private static String model(String layers) {
        return "experiment images {\n"
                + "    dataset mnist, limit = 200\n"
                + "    model {\n"
                + layers
                + "    }\n"
                + "    loss cross_entropy\n"
                + "    learning_rate 0.1\n"
                + "    batch_size 10\n"
                + "    iterations 1\n"
                + "}\n";
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of(
                        "filter larger than its input",
                        "        conv2d 4, size = 29\n        dense 10\n",
                        "test.nnx:4:9: error: conv2d's 29×29 filter is larger than its 28×28 input"),
                Arguments.of(
                        "non-square filter too tall after a pool",
                        "        max_pool 4\n        conv2d 4, size = [8, 3]\n        dense 10\n",
                        "test.nnx:5:9: error: conv2d's 8×3 filter is larger than its 7×7 input"),
                Arguments.of(
                        "padding counted",
                        "        conv2d 4, size = 31, pad = 1\n        dense 10\n",
                        "test.nnx:4:9: error: conv2d's 31×31 filter is larger than its 28×28 input padded to 30×30"),
                Arguments.of(
                        "pool that does not fit",
                        "        conv2d 2, size = 5, stride = 5\n        max_pool 6\n        dense 10\n",
                        "test.nnx:5:9: error: max_pool's 6×6 window is larger than its 5×5 input"),
                Arguments.of(
                        "conv2d on flat data",
                        "        dense 100\n        conv2d 8\n        dense 10\n",
                        "test.nnx:5:9: error: conv2d needs images (channels × height × width), but its input is"
                                + " 100 flat features"),
                Arguments.of(
                        "pool after flatten",
                        "        flatten\n        avg_pool 2\n        dense 10\n",
                        "test.nnx:5:9: error: avg_pool needs images (channels × height × width), but its input is"
                                + " 784 flat features"),
                Arguments.of(
                        "global pooling to the wrong width",
                        "        conv2d 8\n        global_avg_pool\n",
                        "test.nnx:5:9: error: the last layer has 8 outputs but dataset 'mnist' has 10 classes"),
                Arguments.of(
                        "size list of three",
                        "        conv2d 8, size = [3, 3, 3]\n        dense 10\n",
                        "test.nnx:4:26: error: 'size' of layer 'conv2d' must be a whole number or [height, width],"
                                + " got 3 values"),
                Arguments.of(
                        "zero stride",
                        "        conv2d 8, stride = [1, 0]\n        dense 10\n",
                        "test.nnx:4:32: error: 'stride' of layer 'conv2d' must be in [1, 65536], got 0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void reportsWhereTheShapesDoNotWork(String name, String layers, String expected) {
        assertEquals(List.of(expected), Analysis.errors(Analysis.analyze(model(layers))));
    }

    @Test
    void theBooksNetworkChecks() {
        String layers =
                "        conv2d 30, size = 5\n        relu\n        max_pool 2\n        dense 100\n        relu\n"
                        + "        dense 10\n";
        assertEquals(List.of(), Analysis.errors(Analysis.analyze(model(layers))));
    }

    @Test
    void theBooksNetworkIsSizedLayerByLayer() {
        List<ComponentCall> layers = Stream.of(
                        call(
                                "conv2d",
                                "filters",
                                30L,
                                "size",
                                List.of(5L, 5L),
                                "stride",
                                List.of(1L, 1L),
                                "pad",
                                List.of(0L, 0L),
                                "bias",
                                true),
                        call("relu"),
                        call("max_pool", "size", List.of(2L, 2L)),
                        call("dense", "units", 100L, "bias", true),
                        call("relu"),
                        call("dense", "units", 10L, "bias", true))
                .toList();
        ModelShapes shapes = ModelShapes.of(Analysis.REGISTRY, layers, Shape.image(1, 28, 28));
        assertEquals(
                List.of("30×24×24", "30×24×24", "30×12×12", "100", "100", "10"),
                shapes.layers().stream().map(l -> l.output().toString()).toList());
        assertEquals(
                List.of(780L, 0L, 0L, 432_100L, 0L, 1_010L),
                shapes.layers().stream().map(ModelShapes.LayerShape::parameters).toList());
        assertEquals(433_890L, shapes.parameters());
    }

    @Test
    void batchNormOnImagesHasTwoNumbersAChannel() {
        List<ComponentCall> layers = List.of(
                call(
                        "conv2d",
                        "filters",
                        8L,
                        "size",
                        List.of(3L, 3L),
                        "stride",
                        List.of(1L, 1L),
                        "pad",
                        List.of(1L, 1L),
                        "bias",
                        false),
                call("batch_norm", "momentum", 0.9, "epsilon", 1e-5));
        ModelShapes shapes = ModelShapes.of(Analysis.REGISTRY, layers, Shape.image(3, 10, 12));
        assertEquals("8×10×12", shapes.layers().get(1).output().toString());
        assertEquals(
                List.of(216L, 16L),
                shapes.layers().stream().map(ModelShapes.LayerShape::parameters).toList());
    }

    private static ComponentCall call(String name, Object... arguments) {
        return new ComponentCall(name, org.nnx.spi.Arguments.of(arguments));
    }
}
