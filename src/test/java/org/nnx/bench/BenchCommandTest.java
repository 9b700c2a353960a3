package org.nnx.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnx.builtins.ImageDataset;
import org.nnx.plugin.Registries;
import org.nnx.spi.DatasetException;
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

    /** Images whose class is told by which tenth of the picture is bright, so that a net can learn them. */
    @BeforeAll
    static void writeTinyFashionMnist() throws IOException {
        writeSplit("train", 300, new SplittableRandom(1));
        writeSplit("t10k", 100, new SplittableRandom(2));
    }

    private static void writeSplit(String prefix, int count, SplittableRandom random) throws IOException {
        byte[] pixels = new byte[count * 784];
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            int label = random.nextInt(10);
            labels[i] = (byte) label;
            for (int p = label * 78; p < label * 78 + 78; p++) {
                pixels[i * 784 + p] = (byte) (128 + random.nextInt(128));
            }
        }
        writeIdx(data.resolve(prefix + "-images-idx3-ubyte.gz"), new int[] {count, 28, 28}, pixels);
        writeIdx(data.resolve(prefix + "-labels-idx1-ubyte.gz"), new int[] {count}, labels);
    }

    private static void writeIdx(Path file, int[] dimensions, byte[] values) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file);
             DataOutputStream idx = new DataOutputStream(new GZIPOutputStream(raw))) {
            idx.writeInt(0x0800 | dimensions.length);
            for (int dimension : dimensions) {
                idx.writeInt(dimension);
            }
            idx.write(values);
        }
    }

    private int bench(String... args) throws Exception {
        BenchOptions options = BenchOptions.parse(List.of(args), Path.of("."));
        return new Benchmark(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Registries.builtins(), new StopSignal()).run(options);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void readsFashionMnistFilesAsBytes() throws DatasetException {
        ImageDataset dataset = FashionMnist.read(data);
        assertEquals(300, dataset.train().size());
        assertEquals(100, dataset.test().size());
        assertEquals(784, dataset.features());
        assertEquals("T-shirt/top", dataset.classNames().get(0));
    }

    @Test
    void aMissingFolderSaysWhichPackageHasTheData() {
        var error = assertThrows(DatasetException.class, () -> FashionMnist.read(data.resolve("nowhere")));
        assertTrue(error.getMessage().contains("dataset-fashion-mnist"), error.getMessage());
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
        int status = bench("--data", data.toString(), "--model", "small", "--epochs", "1", "--backends", "java",
                "--peers", "--peer-dir", peerDir.toString(), "--python", "/bin/sh");
        String text = stdout();
        assertEquals(0, status, text + err);
        assertTrue(text.contains("#1 small java "), text);
        assertTrue(text.contains("numpy f32"), text);
        assertTrue(text.lines().anyMatch(line -> line.startsWith("small  numpy f32") && line.contains("1.00×")), text);
    }

    @Test
    void phasesNameEveryPartOfAStep() throws Exception {
        assertEquals(0, bench("--data", data.toString(), "--model", "small", "--phases", "--steps", "20"));
        String text = stdout();
        for (String part : List.of("batch features", "one-hot targets", "zero gradients", "forward  1 Dense",
                "forward  2 Sigmoid", "loss forward + backward", "backward 1 Dense", "optimizer step",
                "first layer's dy·W1ᵀ")) {
            assertTrue(text.contains(part), part + " in " + text);
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
        assertEquals("nnx: error: " + nowhere.resolve("train-images-idx3-ubyte.gz")
                + ": no such file; Fashion-MNIST is in Debian's package dataset-fashion-mnist"
                + " (apt-get install dataset-fashion-mnist)\n", err.toString(StandardCharsets.UTF_8));
        assertEquals("", stdout());
    }

    @Test
    void optionsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(List.of("--model", "huge"), Path.of(".")));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(List.of("--repeat", "0"), Path.of(".")));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(List.of("--backends", "java:2"), Path.of(".")));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(List.of("--backends", "mkl"), Path.of(".")));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(List.of("--epochs"), Path.of(".")));
        BenchOptions options = BenchOptions.parse(List.of("--backends", "java,native:2", "--model", "big"),
                Path.of("/work/repo"));
        assertEquals(List.of("java", "native:2"), options.backends());
        assertEquals(List.of(ReferenceModel.BIG), options.models());
        assertEquals(3, options.epochsOf(ReferenceModel.BIG));
        assertEquals(Path.of("/work/shared/bench"), options.peerDir());
        assertNull(options.epochs());
    }

    @Test
    void theTableShowsMediansRangesAndTheRatioToNumpy() {
        List<Measurement> measurements = List.of(
                new Measurement("small", "java", 1, 100_000, 0.80, 1, 50),
                new Measurement("small", "numpy f32", 1, 200_000, 0.81, 1, Double.NaN),
                new Measurement("small", "java", 1, 120_000, 0.82, 1, 60),
                new Measurement("small", "numpy f32", 1, 180_000, 0.81, 1, Double.NaN),
                new Measurement("small", "java", 1, 90_000, 0.81, 1, 55));
        String table = Benchmark.table(measurements);
        String java = table.lines().filter(line -> line.startsWith("small  java")).findFirst().orElseThrow();
        assertTrue(java.contains("100.0 k") && java.contains("(90.0 k–120.0 k)") && java.contains("0.53×")
                && java.contains("60 MB"), table);
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
        String text = Benchmark.pairedRatios(measurements, List.of(1, 1, 1, 2, 2, 3));
        // The big run has no numpy run to pair with, nor does the third repeat.
        assertEquals("\nvs the numpy run of the same repeat:\nsmall  java  median 1.00×  (0.50×, 1.50×)\n", text);
        assertEquals("", Benchmark.pairedRatios(measurements.subList(0, 1), List.of(1)));
    }

    @Test
    void measurementsSurviveTheTripFromAChildProcess() {
        Measurement measurement = new Measurement("big", "openblas 0.3.21 (native, 1 thread)", 2, 12345.6, 0.8512,
                10.5, 123.4);
        assertEquals(measurement, Measurement.parse(measurement.toLine()));
        assertNull(Measurement.parse("RESULT peer=numpy model=small"));
    }

    private static Measurement parseTableRow(String text, String model) {
        String row = text.lines().filter(line -> line.startsWith(model + "  ")).findFirst().orElseThrow();
        String[] columns = row.trim().split("\\s{2,}");
        double accuracy = Double.parseDouble(columns[5]);
        return new Measurement(model, columns[1], 1, Double.NaN, accuracy, Double.NaN, Double.NaN);
    }
}
