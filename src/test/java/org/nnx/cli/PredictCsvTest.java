package org.nnx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nnx predict MODEL rows.csv}: rows of the training file's columns are scaled as training scaled them, so
 * that predicting the test rows counts exactly the run's test accuracy; rows of other columns are refused.
 */
class PredictCsvTest {
    private static final String EXPERIMENT = """
            experiment scaled {
                dataset csv, path = "train.csv", test = "test.csv", label = "kind"
                model {
                    dense 16
                    relu
                    dense 3
                }
                loss cross_entropy
                learning_rate 0.05
                batch_size 20
                epochs 3
                seed 5
            }
            """;

    @TempDir
    Path dir;

    private final CliHarness cli = CliHarness.withDefaultPlugins();

    /** Three classes told apart by features on scales from 0.01 to 1000: unscaled, predictions would differ. */
    private static String rows(Random random, int count) {
        StringBuilder text = new StringBuilder("size,kind,weight,ratio\n");
        for (int i = 0; i < count; i++) {
            int kind = random.nextInt(3);
            double size = 1000 + 300 * kind + 120 * random.nextGaussian();
            double weight = 0.02 * kind + 0.015 * random.nextGaussian();
            double ratio = 5 - kind + 0.4 * random.nextGaussian();
            text.append(String.format(Locale.ROOT, "%.3f,k%d,%.5f,%.4f%n", size, kind, weight, ratio));
        }
        return text.toString();
    }

    private Path train() throws IOException {
        Random random = new Random(17);
        Files.writeString(dir.resolve("train.csv"), rows(random, 300));
        Files.writeString(dir.resolve("test.csv"), rows(random, 97));
        Path file = dir.resolve("scaled.nnx");
        Files.writeString(file, EXPERIMENT);
        assertEquals(0, nnx("run", file.toString(), "--out", dir.resolve("out").toString()), stderr());
        return dir.resolve("out/scaled/runs/scaled");
    }

    @Test
    void predictingTheTestRowsCountsTheRunsTestAccuracyExactly() throws Exception {
        Path run = train();
        Path predictions = dir.resolve("predictions.csv");
        assertEquals(
                0,
                nnx("predict", run.toString(), dir.resolve("test.csv").toString(), "--out", predictions.toString()),
                stderr());
        List<CSVRecord> truth = CliHarness.csvRows(dir.resolve("test.csv"));
        List<CSVRecord> predicted = CliHarness.csvRows(predictions);
        assertEquals(truth.size(), predicted.size());
        assertEquals(
                "input,sample,class,p_k0,p_k1,p_k2",
                Files.readAllLines(predictions).get(0));
        int correct = 0;
        for (int i = 0; i < truth.size(); i++) {
            correct += truth.get(i).get("kind").equals(predicted.get(i).get("class")) ? 1 : 0;
        }
        double testAccuracy = Double.parseDouble(
                CliHarness.csvRows(run.getParent().getParent().resolve("summary.csv"))
                        .get(0)
                        .get("test_accuracy"));
        assertEquals(testAccuracy, (double) correct / truth.size());
        assertTrue(testAccuracy > 0.8, "the net learned: " + testAccuracy);
    }

    @Test
    void rowsOfOtherColumnsAreRefusedInOneLine() throws Exception {
        Path run = train();
        Path other = dir.resolve("other.csv");
        Files.writeString(other, "size,kind,mass,ratio\n1000,k0,0.01,5\n");
        assertEquals(2, nnx("predict", run.toString(), other.toString()));
        assertEquals(
                "nnx: error: " + other + ": column 2 is 'mass', but the model was trained on 'weight'\n", stderr());
        Files.writeString(other, "size,kind,weight\n1000,k0,0.01\n");
        assertEquals(2, nnx("predict", run.toString(), other.toString()));
        assertEquals(
                "nnx: error: " + other + ": 3 columns, but the model was trained on 4 (its label column included)\n",
                stderr());
    }

    private int nnx(String... args) {
        return cli.run(args);
    }

    private String stderr() {
        return cli.stderr();
    }
}
