package org.nnx.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** A small sweep on a small CSV dataset the tests write, and how two of its report folders compare. */
final class Sweeps {
    static final String EXPERIMENT = "tiny";

    private Sweeps() {}

    /**
     * {@code sweep.nnx} and its {@code tiny.csv} in {@code dir}: one run a learning rate, each {@code iterations}
     * steps of a 4-8-2 net on 40 rows.
     *
     * @param iterations a number, or numbers swept with {@code |}
     * @param dataset    the dataset's path, or paths swept with {@code |}
     */
    static Path write(Path dir, String learningRates, String iterations, String dataset) throws IOException {
        StringBuilder rows = new StringBuilder("a,b,c,d,y\n");
        Random random = new Random(1);
        for (int i = 0; i < 40; i++) {
            double[] x = {random.nextDouble(), random.nextDouble(), random.nextDouble(), random.nextDouble()};
            rows.append(String.format(
                    java.util.Locale.ROOT,
                    "%.3f,%.3f,%.3f,%.3f,%d%n",
                    x[0],
                    x[1],
                    x[2],
                    x[3],
                    x[0] + x[1] > 1 ? 1 : 0));
        }
        Files.writeString(dir.resolve("tiny.csv"), rows);
        return Files.writeString(
                dir.resolve("sweep.nnx"),
                """
                experiment tiny {
                    dataset csv, path = DATASET, test_fraction = 0.25
                    model {
                        dense 8
                        relu
                        dense 2
                    }
                    loss cross_entropy
                    learning_rate RATES
                    batch_size 8
                    iterations ITERATIONS
                    seed 7
                }
                """.replace("DATASET", dataset).replace("RATES", learningRates).replace("ITERATIONS", iterations));
    }

    static Path write(Path dir, String learningRates, int iterations) throws IOException {
        return write(dir, learningRates, Integer.toString(iterations), "\"tiny.csv\"");
    }

    /** {@code summary.csv}'s rows by run name, each a column → value map without the timing columns. */
    static Map<String, Map<String, String>> summary(Path out) throws IOException {
        Map<String, Map<String, String>> runs = new LinkedHashMap<>();
        for (CSVRecord row : csv(out.resolve(EXPERIMENT).resolve("summary.csv"))) {
            Map<String, String> values = new LinkedHashMap<>(row.toMap());
            values.keySet().removeAll(Set.of("seconds", "samples_per_second"));
            runs.put(row.get("run"), values);
        }
        return runs;
    }

    /**
     * The same report from two engines: {@code summary.csv} but its timing columns, and for every run its
     * {@code metrics.csv} but its seconds and its weights bit for bit.
     */
    static void assertSameSweep(Path expected, Path actual) throws IOException {
        Map<String, Map<String, String>> runs = summary(expected);
        assertEquals(runs, summary(actual), "summary.csv without its timing columns");
        assertTrue(runs.size() >= 2, "a sweep: " + runs.keySet());
        for (String run : runs.keySet()) {
            Path a = expected.resolve(EXPERIMENT).resolve("runs").resolve(run);
            Path b = actual.resolve(EXPERIMENT).resolve("runs").resolve(run);
            assertEquals(
                    withoutSeconds(a.resolve("metrics.csv")),
                    withoutSeconds(b.resolve("metrics.csv")),
                    run + ": every metrics row");
            byte[] expectedModel = Files.readAllBytes(a.resolve("model.safetensors"));
            byte[] actualModel = Files.readAllBytes(b.resolve("model.safetensors"));
            assertArrayEquals(tensors(expectedModel), tensors(actualModel), run + ": the weights, bit for bit");
            assertEquals(
                    withoutExecutor(header(expectedModel)),
                    withoutExecutor(header(actualModel)),
                    run + ": the model's metadata, but where it trained");
        }
    }

    /** A safetensors file's JSON header: after its 8-byte little-endian length. */
    static String header(byte[] safetensors) {
        int length = (int) ByteBuffer.wrap(safetensors, 0, 8)
                .order(ByteOrder.LITTLE_ENDIAN)
                .getLong();
        return new String(safetensors, 8, length, StandardCharsets.UTF_8);
    }

    /** A safetensors file's tensor data: everything after its header. */
    static byte[] tensors(byte[] safetensors) {
        return Arrays.copyOfRange(
                safetensors, 8 + header(safetensors).getBytes(StandardCharsets.UTF_8).length, safetensors.length);
    }

    private static String withoutExecutor(String header) {
        // The header is padded with spaces to an 8-byte boundary: one entry less, other padding.
        return header.replaceAll(",\"provenance\\.executor\":\"[^\"]*\"", "").strip();
    }

    /** A metrics.csv's text without its wall-clock column, every other byte as written. */
    static String withoutSeconds(Path metrics) throws IOException {
        List<String> lines = Files.readAllLines(metrics, StandardCharsets.UTF_8);
        int seconds = List.of(lines.get(0).split(",", -1)).indexOf("seconds");
        assertTrue(seconds >= 0, "a seconds column: " + lines.get(0));
        StringBuilder kept = new StringBuilder();
        for (String line : lines) {
            List<String> fields = new ArrayList<>(List.of(line.split(",", -1)));
            fields.remove(seconds);
            kept.append(String.join(",", fields)).append('\n');
        }
        return kept.toString();
    }

    /** A run's {@code run.csv} provenance entry. */
    static String provenance(Path out, String run, String key) throws IOException {
        for (CSVRecord row :
                csv(out.resolve(EXPERIMENT).resolve("runs").resolve(run).resolve("run.csv"))) {
            if (row.get("section").equals("provenance") && row.get("key").equals(key)) {
                return row.get("value");
            }
        }
        return null;
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .build()
                    .parse(reader)
                    .getRecords();
        }
    }

    /** {@code java} with Spark's JVM options and this test's class path, running {@code mainClass}. */
    static ProcessBuilder java(String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(System.getProperty("nnx.spark.options").trim().split("\\s+")));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("OPENBLAS_NUM_THREADS", "1");
        return builder;
    }
}
