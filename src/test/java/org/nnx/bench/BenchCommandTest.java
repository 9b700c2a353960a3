package org.nnx.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnx.model.RunConfig;
import org.nnx.model.TrainingLength;
import org.nnx.plugin.Registries;
import org.nnx.registry.DatasetLoader;
import org.nnx.spi.Arguments;
import org.nnx.spi.ComponentCall;
import org.nnx.spi.Dataset;
import org.nnx.train.StopSignal;

/**
 * {@code nnx bench} on a few hundred made-up images in Fashion-MNIST's files: that it trains through nnx's
 * code, runs a child JVM per backend and a peer, and prints its table. No timing is asserted.
 */
class BenchCommandTest {
    @TempDir
    static Path data;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void writeTinyFashionMnist() throws IOException {
        TinyFashionMnist.write(data, 300, 100);
    }

    /** A small net on 200 of the digits that ship with nnx; %s is a further statement. */
    private static final String DIGITS = """
            experiment digits {
                dataset mnist, limit = 200
                model {
                    dense 10
                }
                loss cross_entropy
                learning_rate 0.1
                batch_size 50
                epochs 2
                %s
            }
            """;

    private int bench(String... args) throws Exception {
        BenchOptions options = BenchOptions.parse(List.of(args), Path.of("."));
        return new Benchmark(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        Registries.builtins(),
                        new StopSignal())
                .run(options);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theModelsAreWhatTheirFilesSayReadFromTheDataFolder() throws Exception {
        BenchModel small = load(ReferenceModel.named("small", Path.of(".")).get(0));
        RunConfig file = small.config();
        assertEquals(
                List.of("dense", "sigmoid", "dense"),
                file.layers().stream().map(ComponentCall::name).toList());
        assertEquals(50L, file.layers().get(0).arguments().integer("units"));
        assertEquals(0.1, file.learningRate());
        assertEquals(100, file.batchSize());
        assertEquals(TrainingLength.epochs(5), small.length(null));
        assertEquals(
                new ComponentCall(
                        "fashion_mnist",
                        Arguments.of("dir", data.toAbsolutePath().toString())),
                file.dataset());
        Dataset dataset = small.dataset(new DatasetLoader(Registries.builtins()), file);
        assertEquals(300, dataset.train().size());
        assertEquals(100, dataset.test().size());
        assertEquals("T-shirt/top", dataset.classNames().get(0));
    }

    @Test
    void aRunSetsOnlyItsLengthSeedAndEvaluationAtTheEnd() throws Exception {
        BenchModel big = load(ReferenceModel.named("big", Path.of(".")).get(0));
        RunConfig run = big.run(2, 7);
        assertEquals(TrainingLength.epochs(2), run.length());
        assertEquals(7, run.seed());
        assertEquals(Long.MAX_VALUE, run.evaluateEvery());
        assertEquals(
                big.config(),
                run.toBuilder()
                        .length(big.config().length())
                        .seed(big.config().seed())
                        .evaluateEvery(big.config().evaluateEvery())
                        .build());
        assertEquals(big.config().length(), big.run(null, 7).length());
        List<Long> seeds =
                big.runs(null, 7, 3).runs().stream().map(r -> r.config().seed()).toList();
        assertEquals(List.of(7L, 8L, 9L), seeds);
    }

    @Test
    void aDatasetWithoutAFolderKeepsItsOptions(@TempDir Path folder) throws Exception {
        Path file = Files.writeString(folder.resolve("digits.nnx"), DIGITS.formatted(""));
        BenchModel model = load(new ReferenceModel("digits", file));
        assertEquals(
                new ComponentCall("mnist", Arguments.of("limit", 200L)),
                model.config().dataset());
    }

    @Test
    void aFileOfManyRunsIsRefused(@TempDir Path folder) throws Exception {
        Path file = Files.writeString(folder.resolve("sweep.nnx"), DIGITS.formatted("seed 1 | 2"));
        var error = assertThrows(ModelFileException.class, () -> load(new ReferenceModel("sweep", file)));
        assertEquals(
                List.of("nnx: error: " + file + ": a benchmark's model is one experiment of one run;"
                        + " this file makes 2 runs"),
                error.lines());
    }

    @Test
    void anyModelFileCanBeBenchmarked(@TempDir Path folder) throws Exception {
        Path file = Files.writeString(folder.resolve("digits.nnx"), DIGITS.formatted(""));
        assertEquals(0, bench("--model", file.toString(), "--epochs", "1"), stdout() + err);
        assertTrue(stdout().contains("#1 " + file + " "), stdout());
    }

    private static BenchModel load(ReferenceModel model) throws ModelFileException {
        return new ModelLoader(Registries.builtins(), new DatasetLoader(Registries.builtins()), data).load(model);
    }

    @Test
    void trainsBothModelsInProcessAndPrintsATable() throws Exception {
        assertEquals(0, bench("--data", data.toString(), "--epochs", "2"), stdout() + err);
        String text = stdout();
        assertTrue(text.contains("#1 small"), text);
        assertTrue(text.contains("#1 big"), text);
        assertTrue(text.lines().anyMatch(line -> line.startsWith("model ") && line.contains("samples/s")), text);
        // The made-up classes are easy: the big net, which learns fast, gets most of them in two epochs.
        assertTrue(parseTableRow(text, "big").testAccuracy() > 0.5, text);
    }

    @Test
    void runsEachBackendInAChildJvmAndTheNumpyPeer(@TempDir Path peerDir) throws Exception {
        // A stand-in for peer_numpy.py, run by sh instead of python: it answers as the real peer does.
        Files.writeString(peerDir.resolve("peer_numpy.py"), """
                echo "loading"
                echo "RESULT peer=numpy model=small epochs=1 train_samples=300 seconds=0.010 samples_per_s=30000.0 test_acc=0.5000 final_loss=1.0 dtype=float32"
                """);
        int status = bench(
                "--data",
                data.toString(),
                "--model",
                "small",
                "--epochs",
                "1",
                "--backends",
                "java",
                "--peers",
                "--peer-dir",
                peerDir.toString(),
                "--python",
                "/bin/sh");
        String text = stdout();
        assertEquals(0, status, text + err);
        assertTrue(text.contains("#1 small java "), text);
        assertTrue(text.contains("numpy f32"), text);
        assertTrue(text.lines().anyMatch(line -> line.startsWith("small  numpy f32") && line.contains("1.00×")), text);
    }

    @Test
    void phasesNameEveryPartOfTheTrainingStep() throws Exception {
        assertEquals(0, bench("--data", data.toString(), "--model", "small", "--phases", "--steps", "20"));
        String text = stdout();
        assertTrue(text.startsWith("small model on "), text);
        for (String part : List.of(
                "batch made current, next one's fill started",
                "forward",
                "loss forward + backward",
                "backward, weights stepped in it",
                "update (taken in backward)",
                "next batch's fill, finishing")) {
            assertTrue(
                    text.lines().anyMatch(line -> line.startsWith("  " + part + " ") && line.endsWith("%")),
                    part + " in " + text);
        }
    }

    @Test
    void aMissingPeerIsReportedBeforeAnythingTrains(@TempDir Path empty) throws Exception {
        assertEquals(1, bench("--data", data.toString(), "--peers", "--peer-dir", empty.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("peer_numpy.py not found"), err.toString());
        assertEquals("", stdout());
    }

    @Test
    void aMissingDatasetIsReportedBeforeAnythingIsPrinted() throws Exception {
        Path nowhere = data.resolve("nowhere");
        assertEquals(1, bench("--data", nowhere.toString(), "--model", "small"));
        // Said where the file names its dataset, as `nnx check` says it, with the folder --data gave.
        assertEquals(
                Path.of("experiments", "fashion-small.nnx") + ":7:13: error: Fashion-MNIST is not installed:"
                        + " no folder " + nowhere + "; install the Debian package dataset-fashion-mnist"
                        + " (sudo apt-get install -y dataset-fashion-mnist) or set dir = \"...\" to a folder with its four"
                        + " IDX files\n",
                err.toString(StandardCharsets.UTF_8));
        assertEquals("", stdout());
    }

    @Test
    void optionsAreChecked() {
        assertThrows(
                IllegalArgumentException.class, () -> BenchOptions.parse(List.of("--model", "huge"), Path.of(".")));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(List.of("--repeat", "0"), Path.of(".")));
        assertThrows(
                IllegalArgumentException.class,
                () -> BenchOptions.parse(List.of("--backends", "java:2"), Path.of(".")));
        assertThrows(
                IllegalArgumentException.class, () -> BenchOptions.parse(List.of("--backends", "mkl"), Path.of(".")));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(List.of("--epochs"), Path.of(".")));
        BenchOptions options = BenchOptions.parse(
                List.of("--backends", "java,native:2", "--model", "big", "--repeats", "3"), Path.of("/work/repo"));
        assertEquals(List.of("java", "native:2"), options.backends());
        assertEquals(
                List.of(new ReferenceModel("big", Path.of("/work/repo/experiments/fashion-big.nnx"))),
                options.models());
        assertEquals(3, options.repeat());
        assertEquals(Path.of("/work/shared/bench"), options.peerDir());
        assertEquals(Path.of("/usr/share/datasets/fashion-mnist"), options.data());
        assertNull(options.epochs());
        assertEquals(
                List.of("small", "big"),
                BenchOptions.parse(List.of(), Path.of("/work/repo")).models().stream()
                        .map(ReferenceModel::label)
                        .toList());
        assertEquals(
                List.of(
                        new ReferenceModel("small", Path.of("/work/repo/experiments/fashion-small.nnx")),
                        new ReferenceModel("zoo/lenet.nnx", Path.of("zoo/lenet.nnx"))),
                BenchOptions.parse(List.of("--model", "small,zoo/lenet.nnx"), Path.of("/work/repo"))
                        .models());
        var unknown = assertThrows(
                IllegalArgumentException.class, () -> BenchOptions.parse(List.of("--model", "huge"), Path.of(".")));
        assertEquals("no reference model 'huge'; use small, big, both, or an .nnx file", unknown.getMessage());
        var seed = assertThrows(
                IllegalArgumentException.class, () -> BenchOptions.parse(List.of("--seed", "one"), Path.of(".")));
        assertEquals("--seed needs a whole number, got 'one'", seed.getMessage());
    }

    @Test
    void theTableShowsMediansRangesAndTheRatioToNumpy() {
        List<Measurement> measurements = List.of(
                new Measurement("small", "java", 1, 100_000, 0.80, 1, 50),
                new Measurement("small", "numpy f32", 1, 200_000, 0.81, 1, Double.NaN),
                new Measurement("small", "java", 1, 120_000, 0.82, 1, 60),
                new Measurement("small", "numpy f32", 1, 180_000, 0.81, 1, Double.NaN),
                new Measurement("small", "java", 1, 90_000, 0.81, 1, 55));
        String table = ResultTable.table(measurements);
        String java = table.lines()
                .filter(line -> line.startsWith("small  java"))
                .findFirst()
                .orElseThrow();
        assertTrue(
                java.contains("100.0 k")
                        && java.contains("(90.0 k–120.0 k)")
                        && java.contains("0.53×")
                        && java.contains("60 MB"),
                table);
    }

    @Test
    void eachRepeatIsComparedWithTheNumpyRunOfTheSameRepeat() {
        List<Measurement> measurements = List.of(
                new Measurement("small", "java", 1, 100_000, 0.80, 1, 50),
                new Measurement("small", "numpy f32", 1, 200_000, 0.81, 1, Double.NaN),
                new Measurement("big", "java", 1, 30_000, 0.80, 1, 50),
                new Measurement("small", "java", 1, 90_000, 0.82, 1, 60),
                new Measurement("small", "numpy f32", 1, 60_000, 0.81, 1, Double.NaN),
                new Measurement("small", "java", 1, 150_000, 0.81, 1, 55));
        String text = ResultTable.pairedRatios(measurements, List.of(1, 1, 1, 2, 2, 3));
        // The big run has no numpy run to pair with, nor does the third repeat.
        assertEquals("\nvs the numpy run of the same repeat:\nsmall  java  median 1.00×  (0.50×, 1.50×)\n", text);
        assertEquals("", ResultTable.pairedRatios(measurements.subList(0, 1), List.of(1)));
    }

    @Test
    void measurementsSurviveTheTripFromAChildProcess() {
        Measurement measurement =
                new Measurement("big", "openblas 0.3.21 (native, 1 thread)", 2, 12345.6, 0.8512, 10.5, 123.4);
        assertEquals(measurement, Measurement.parse(measurement.toLine()));
        assertNull(Measurement.parse("RESULT peer=numpy model=small"));
    }

    private static Measurement parseTableRow(String text, String model) {
        String row = text.lines()
                .filter(line -> line.startsWith(model + "  "))
                .findFirst()
                .orElseThrow();
        String[] columns = row.trim().split("\\s{2,}");
        double accuracy = Double.parseDouble(columns[5]);
        return new Measurement(model, columns[1], 1, Double.NaN, accuracy, Double.NaN, Double.NaN);
    }
}
