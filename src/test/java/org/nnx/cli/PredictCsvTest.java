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
        // With --out, stdout is free for the file's accuracy, the run's test accuracy again.
        assertEquals(
                String.format(
                        Locale.ROOT,
                        "%s: accuracy %.4f (%d of %d)%n",
                        dir.resolve("test.csv"),
                        testAccuracy,
                        correct,
                        truth.size()),
                cli.stdout());
    }

    /**
     * Rows without the label column, their columns in another order, get exactly the classes and probabilities
     * of the same rows with it; no accuracy is printed, as there is nothing to count.
     */
    @Test
    void rowsWithoutTheLabelColumnInAnyOrderArePredictedAlike() throws Exception {
        Path run = train();
        List<CSVRecord> truth = CliHarness.csvRows(dir.resolve("test.csv"));
        StringBuilder unlabelled = new StringBuilder("ratio,size,weight\n");
        for (CSVRecord row : truth) {
            unlabelled.append(row.get("ratio") + "," + row.get("size") + "," + row.get("weight") + "\n");
        }
        Path rows = dir.resolve("rows.csv");
        Files.writeString(rows, unlabelled);
        assertEquals(0, nnx("predict", run.toString(), dir.resolve("test.csv").toString()), stderr());
        List<String> labelled = cli.stdout().lines().toList();
        assertEquals(
                String.format(Locale.ROOT, "%s: accuracy ", dir.resolve("test.csv")),
                stderr().substring(0, stderr().indexOf("accuracy ") + "accuracy ".length()));
        assertEquals(0, nnx("predict", run.toString(), rows.toString()), stderr());
        assertEquals("", stderr(), "no accuracy without labels");
        List<String> predicted = cli.stdout().lines().toList();
        assertEquals(truth.size() + 1, predicted.size());
        assertEquals(labelled.get(0), predicted.get(0));
        for (int i = 1; i < predicted.size(); i++) {
            // The same class and the same probabilities, bit for bit: only the input's name differs.
            assertEquals(
                    labelled.get(i).substring(labelled.get(i).indexOf(',')),
                    predicted.get(i).substring(predicted.get(i).indexOf(',')));
            assertTrue(predicted.get(i).startsWith(rows + "," + (i - 1) + ",k"), predicted.get(i));
        }
    }

    @Test
    void rowsOfOtherColumnsAreRefusedInOneLineNamingTheFileAndLine() throws Exception {
        Path run = train();
        Path other = dir.resolve("other.csv");
        String columns = " among the model's (size, kind, weight, ratio)\n";
        assertRefused(
                run,
                other,
                "size,kind,mass,ratio\n1000,k0,0.01,5\n",
                ", line 1: no column 'weight', which the model takes; column 'mass' is not" + columns);
        assertRefused(
                run, other, "size,kind,weight\n1000,k0,0.01\n", ", line 1: no column 'ratio', which the model takes\n");
        assertRefused(run, other, "\n\nweight,ratio\n0.01,5\n", ", line 3: no column 'size', which the model takes\n");
        assertRefused(
                run,
                other,
                "size,weight,ratio,colour,age\n1000,0.01,5,red,3\n",
                ", line 1: columns 'colour', 'age' are not" + columns);
        assertRefused(
                run,
                other,
                "size,weight,ratio,size\n1000,0.01,5,1000\n",
                ", line 1: the header has column 'size' twice (indexes 0 and 3)\n");
        assertRefused(
                run,
                other,
                "size,weight,ratio\n1000,0.01,5\n1200,heavy,4\n",
                ", line 3, column 'weight' (index 1): 'heavy' is not a number\n");
        assertRefused(
                run,
                other,
                "size,weight,ratio\n1000,0.01,5\n1200,0.02\n",
                ", line 3: 2 values, but the header has 3\n");
        assertRefused(
                run,
                other,
                "kind,size,weight,ratio\nk1,1000,0.01,5\nk7,1200,0.02,4\n",
                ", line 3, column 'kind' (index 0): 'k7' is not one of the model's classes (k0, k1, k2)\n");
    }

    private void assertRefused(Path run, Path file, String text, String message) throws IOException {
        Files.writeString(file, text);
        assertEquals(2, nnx("predict", run.toString(), file.toString()), text);
        assertEquals("nnx: error: " + file + message, stderr(), text);
        assertEquals("", cli.stdout(), "no predictions when a file is refused");
    }

    private int nnx(String... args) {
        return cli.run(args);
    }

    private String stderr() {
        return cli.stderr();
    }
}
