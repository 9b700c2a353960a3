package org.nnx.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnx.model.RunConfig;
import org.nnx.plugin.Registries;
import org.nnx.registry.DatasetLoader;
import org.nnx.spi.ComponentCall;
import org.nnx.train.StopSignal;

/**
 * {@code nnx bench --zoo}: the zoo's files check, cover what the zoo promises, read alike in nnx and in the peer
 * script, and a short zoo run prints a row a model. No timing is asserted.
 */
class ZooTest {
    @TempDir
    static Path data;

    @BeforeAll
    static void writeTinyFashionMnist() throws IOException {
        TinyFashionMnist.write(data, 200, 50);
    }

    private static final Path REPOSITORY = Path.of(".");
    private static final Path SCRIPT = Path.of("bench", "pytorch_zoo.py");
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    private static List<BenchModel> zoo() throws ModelFileException {
        return new ModelLoader(Registries.builtins(), new DatasetLoader(Registries.builtins()), data)
                .load(ReferenceModel.zoo(REPOSITORY));
    }

    @Test
    void theZooChecksAndCoversEveryActivationOptimizerAndTheRangesItPromises() throws Exception {
        List<BenchModel> zoo = zoo();
        assertTrue(zoo.size() >= 8, "models: " + zoo.size());
        Set<String> layers = new TreeSet<>();
        Set<String> optimizers = new TreeSet<>();
        int smallestBatch = Integer.MAX_VALUE;
        int largestBatch = 0;
        long narrowest = Long.MAX_VALUE;
        long widest = 0;
        boolean weightDecay = false;
        for (BenchModel model : zoo) {
            RunConfig config = model.config();
            optimizers.add(config.optimizer().name());
            smallestBatch = Math.min(smallestBatch, config.batchSize());
            largestBatch = Math.max(largestBatch, config.batchSize());
            weightDecay |= config.weightDecay() > 0;
            for (ComponentCall layer : config.layers()) {
                layers.add(layer.name());
                if (layer.name().equals("dense") && layer.arguments().integer("units") > 10) {
                    narrowest = Math.min(narrowest, layer.arguments().integer("units"));
                    widest = Math.max(widest, layer.arguments().integer("units"));
                }
            }
        }
        assertTrue(
                layers.containsAll(
                        List.of("sigmoid", "relu", "tanh", "step", "leaky_relu", "dropout", "batch_norm", "dense")),
                layers.toString());
        assertEquals(new TreeSet<>(List.of("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam")), optimizers);
        assertEquals(32, smallestBatch);
        assertEquals(256, largestBatch);
        assertEquals(64, narrowest);
        assertEquals(1024, widest);
        assertTrue(weightDecay, "a model with weight decay");
    }

    /** The peer script reads each file as nnx's analyzer does: the same layers, optimizer and numbers. */
    @Test
    void thePeerScriptReadsEachZooModelAsNnxDoes() throws Exception {
        assumeTrue(Files.isExecutable(PYTHON), "no " + PYTHON);
        assumeTrue(run(List.of(PYTHON.toString(), "-c", "import torch")).status() == 0, "no PyTorch");
        List<BenchModel> zoo = zoo();
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), SCRIPT.toString(), "--parse"));
        zoo.forEach(model -> command.add(model.reference().file().toString()));
        Output parsed = run(command);
        assertEquals(0, parsed.status(), parsed.text());
        List<String> lines = parsed.text().lines().toList();
        assertEquals(zoo.size(), lines.size(), parsed.text());
        for (int i = 0; i < zoo.size(); i++) {
            BenchModel model = zoo.get(i);
            RunConfig config = model.config();
            String line = lines.get(i);
            List<String> layers = new ArrayList<>();
            for (ComponentCall layer : config.layers()) {
                layers.add(
                        layer.name().equals("dense")
                                ? "dense:" + layer.arguments().integer("units")
                                : layer.name());
            }
            String expected = String.format(
                    Locale.ROOT,
                    "MODEL name=%s layers=%s optimizer=%s learning_rate=%s weight_decay=%s batch_size=%d epochs=%d",
                    model.plan().name(),
                    String.join(",", layers).replaceAll("dropout", "dropout:[0-9.]+"),
                    config.optimizer().name(),
                    "[0-9.e-]+",
                    "[0-9.e-]+",
                    config.batchSize(),
                    config.length().count());
            assertTrue(line.matches(expected + " parameters=[0-9]+"), line + " vs " + expected);
            assertEquals(config.learningRate(), number(line + " ", "learning_rate"), 1e-12, line);
            assertEquals(config.weightDecay(), number(line + " ", "weight_decay"), 1e-12, line);
        }
    }

    @Test
    void thePeerScriptRefusesWhatItWouldTrainDifferently(@TempDir Path folder) throws Exception {
        assumeTrue(Files.isExecutable(PYTHON), "no " + PYTHON);
        Path file = Files.writeString(folder.resolve("conv.nnx"), """
                experiment conv {
                    dataset fashion_mnist
                    model {
                        softmax
                        dense 10
                    }
                    loss cross_entropy
                    learning_rate 0.1
                    epochs 1
                }
                """);
        Output parsed = run(List.of(PYTHON.toString(), SCRIPT.toString(), "--parse", file.toString()));
        assertEquals(2, parsed.status(), parsed.text());
        assertEquals(
                "pytorch_zoo: " + file + ":4: the zoo's peers know no layer 'softmax'",
                parsed.text().strip());
    }

    /** A stand-in for the peer script, run by sh: it answers as the script does, by framework. */
    @Test
    void aShortZooRunPrintsARowAModelWithRatiosAndAccuracies(@TempDir Path folder) throws Exception {
        Path peer = Files.writeString(folder.resolve("peer.sh"), """
                case "$*" in
                  *numpy*) echo "RESULT peer=numpy model=m threads=1 samples_per_s=1000.0 test_acc=0.5000 seconds=1.0" ;;
                  *) echo "RESULT peer=torch model=m threads=1 samples_per_s=2000.0 test_acc=0.6000 seconds=1.0" ;;
                esac
                """);
        BenchOptions options = BenchOptions.parse(
                List.of(
                        "--zoo",
                        "--data",
                        data.toString(),
                        "--epochs",
                        "1",
                        "--zoo-peer",
                        peer.toString(),
                        "--python",
                        "/bin/sh"),
                REPOSITORY);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new Benchmark(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        Registries.builtins(),
                        new StopSignal())
                .run(options);
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, text + err);
        List<String> lines = text.lines().toList();
        int header = lines.indexOf(lines.stream()
                .filter(line -> line.startsWith("model "))
                .findFirst()
                .orElseThrow());
        assertTrue(
                lines.get(header).matches("model +nnx +PyTorch +numpy +vs torch +vs numpy +acc +torch +numpy"),
                lines.get(header));
        List<ReferenceModel> zoo = ReferenceModel.zoo(REPOSITORY);
        for (int i = 0; i < zoo.size(); i++) {
            String row = lines.get(header + 1 + i);
            assertTrue(
                    row.matches(zoo.get(i).label()
                            + " +[0-9.]+ k +2\\.0 k +1\\.0 k +[0-9.]+× +[0-9.]+× +[0-9.]{6} +0\\.6000 +0\\.5000"),
                    row);
        }
        assertTrue(
                lines.get(header + 1 + zoo.size())
                        .matches("median over " + zoo.size() + " models: [0-9.]+× vs PyTorch," + " [0-9.]+× vs numpy"),
                lines.get(header + 1 + zoo.size()));
    }

    private static double number(String text, String key) {
        Matcher matcher = Pattern.compile(" " + key + "=([^ ]+) ").matcher(text);
        assertTrue(matcher.find(), key + " in " + text);
        return Double.parseDouble(matcher.group(1));
    }

    private record Output(int status, String text) {}

    private static Output run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        return new Output(process.exitValue(), text);
    }
}
