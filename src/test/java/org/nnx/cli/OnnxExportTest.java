package org.nnx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnx.builtins.ByteImageSplit;
import org.nnx.builtins.IdxFile;
import org.nnx.plugin.Registries;
import org.nnx.saved.ModelFile;
import org.nnx.saved.Predictor;
import org.nnx.spi.Split;
import org.nnx.tensor.Tensor;

/**
 * {@code nnx export --onnx}: ONNX Runtime runs the exported graph and gives nnx's own outputs within 1e-5, for
 * models that together hold every built-in layer type, the convolutional ones on images among them.
 */
class OnnxExportTest {
    @TempDir
    Path dir;

    private final CliHarness cli = CliHarness.withDefaultPlugins();

    private Path trained(String model) throws IOException {
        Path file = dir.resolve("every_layer.nnx");
        Files.writeString(file, """
                experiment every_layer {
                    dataset mnist, limit = 500
                    model {
                %s
                    }
                    loss cross_entropy
                    optimizer adam
                    learning_rate 0.01
                    batch_size 50
                    epochs 1
                    seed 3
                }
                """.formatted(model));
        Path reports = dir.resolve("out");
        assertEquals(0, cli.run("run", file.toString(), "--out", reports.toString()), cli.stderr());
        try (Stream<Path> files = Files.walk(reports)) {
            return files.filter(p -> p.getFileName().toString().equals("model.safetensors"))
                    .findFirst()
                    .orElseThrow();
        }
    }

    private static Split testImages(int count) throws Exception {
        try (InputStream in =
                OnnxExportTest.class.getResourceAsStream("/org/nnx/data/mnist/t10k-images-idx3-ubyte.gz")) {
            IdxFile idx = IdxFile.read(in, "images");
            return new ByteImageSplit(java.util.Arrays.copyOf(idx.data(), count * 784), new byte[count], 784);
        }
    }

    private void exportAndCompare(String model) throws Exception {
        Path saved = trained(model);
        Path onnx = dir.resolve("model.onnx");
        assertEquals(0, cli.run("export", saved.toString(), "--onnx", onnx.toString()), cli.stderr());
        Predictor predictor = Predictor.of(ModelFile.read(saved), Registries.builtins());
        Split samples = testImages(300);
        Tensor expected = predictor.outputs(samples);
        float[][] input = new float[300][784];
        Tensor features = Tensor.zeros(300, 784);
        int[] indices = new int[300];
        for (int i = 0; i < 300; i++) {
            indices[i] = i;
        }
        samples.features(indices, 0, 300, features);
        for (int i = 0; i < 300; i++) {
            System.arraycopy(features.floats(), i * 784, input[i], 0, 784);
        }
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession session = environment.createSession(onnx.toString(), new OrtSession.SessionOptions());
                OnnxTensor tensor = OnnxTensor.createTensor(environment, input);
                OrtSession.Result result = session.run(Map.of("input", tensor))) {
            float[][] actual = (float[][]) result.get(0).getValue();
            assertEquals(300, actual.length);
            double largest = 0;
            for (int i = 0; i < 300; i++) {
                assertEquals(10, actual[i].length);
                for (int c = 0; c < 10; c++) {
                    largest = Math.max(largest, Math.abs(actual[i][c] - expected.get(i * 10 + c)));
                }
            }
            assertTrue(largest <= 1e-5, "largest difference " + largest);
        }
    }

    @Test
    void denseActivationsBatchNormDropoutAndSoftmaxRunInOnnxRuntimeAsInNnx() throws Exception {
        exportAndCompare("""
                        dense 32
                        relu
                        dense 32
                        sigmoid
                        batch_norm
                        dense 24, bias = false
                        tanh
                        dropout 0.3
                        dense 16
                        leaky_relu 0.1
                        dense 10
                        softmax
                """);
    }

    @Test
    void theStepLayerRunsInOnnxRuntimeAsInNnx() throws Exception {
        exportAndCompare("""
                        dense 32, init = gaussian(0.05)
                        step
                        dense 10
                """);
    }

    @Test
    void convolutionWithPaddingMaxPoolAndFlattenRunInOnnxRuntimeAsInNnx() throws Exception {
        exportAndCompare("""
                        conv2d 4, size = 3, pad = 1
                        relu
                        max_pool 2
                        flatten
                        dense 10
                """);
    }

    @Test
    void convolutionWithStridesAndNoBiasAndAveragePoolRunInOnnxRuntimeAsInNnx() throws Exception {
        exportAndCompare("""
                        conv2d 3, size = [3, 5], stride = [2, 1], bias = false
                        tanh
                        avg_pool(size = 3, stride = 2)
                        dense 10
                """);
    }

    @Test
    void batchNormPerChannelAndGlobalAveragePoolRunInOnnxRuntimeAsInNnx() throws Exception {
        exportAndCompare("""
                        batch_norm
                        conv2d 6, size = 5
                        batch_norm
                        relu
                        dropout 0.2
                        conv2d 10, size = 3
                        global_avg_pool
                        softmax
                """);
    }
}
