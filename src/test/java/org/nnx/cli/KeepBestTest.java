package org.nnx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnx.saved.ModelFile;
import org.nnx.saved.SavedModel;

/**
 * {@code keep best = METRIC}: the run folder holds the weights of the evaluation where the metric was best, which
 * {@code nnx evaluate} measures at exactly that evaluation's accuracy, named in the run's provenance and linked
 * from the report's best run.
 */
class KeepBestTest {
    /** A learning rate this high makes the test accuracy go up and down between evaluations. */
    private static final String NET = """
            experiment kept {
                dataset mnist, limit = 2000
                keep best = test_accuracy
                evaluate_every 20
                model {
                    dense 30
                    relu
                    dense 10
                }
                loss cross_entropy
                learning_rate 1.5
                batch_size 50
                iterations 400
                seed 3
            }
            """;

    @TempDir
    Path dir;

    private final CliHarness cli = CliHarness.withDefaultPlugins();

    @Test
    void theBestEvaluationsWeightsAreSavedNamedAndLinked() throws Exception {
        Path file = dir.resolve("kept.nnx");
        Files.writeString(file, NET);
        assertEquals(0, nnx("run", file.toString(), "--out", dir.resolve("out").toString()), stderr());
        Path experiment = dir.resolve("out").resolve("kept");
        Path runFolder = experiment.resolve("runs").resolve("kept");

        List<CSVRecord> evaluated = CliHarness.csvRows(runFolder.resolve("metrics.csv")).stream()
                .filter(r -> !r.get("test_accuracy").isEmpty())
                .toList();
        CSVRecord best = evaluated.get(0);
        for (CSVRecord row : evaluated) {
            if (Double.parseDouble(row.get("test_accuracy")) > Double.parseDouble(best.get("test_accuracy"))) {
                best = row;
            }
        }
        CSVRecord last = evaluated.get(evaluated.size() - 1);
        assertNotEquals(
                last.get("iteration"), best.get("iteration"), "the test accuracy fell after its best evaluation");

        Path kept = runFolder.resolve(ModelFile.BEST_NAME);
        SavedModel saved = ModelFile.read(kept);
        assertEquals(best.get("iteration"), saved.fact("iteration"));
        assertEquals(Double.parseDouble(best.get("test_accuracy")), Double.parseDouble(saved.fact("test_accuracy")));
        String description = String.format(
                Locale.ROOT,
                "test_accuracy %.6g at iteration %s",
                Double.parseDouble(best.get("test_accuracy")),
                best.get("iteration"));
        assertEquals(description, saved.fact("provenance.kept best"));
        assertTrue(
                Files.readString(runFolder.resolve("run.csv")).contains("provenance,kept best," + description + "\n"),
                Files.readString(runFolder.resolve("run.csv")));

        assertEquals(0, nnx("evaluate", kept.toString()), stderr());
        Matcher accuracy =
                Pattern.compile("accuracy (\\S+) \\((\\d+) of 2000\\)").matcher(stdout());
        assertTrue(accuracy.find(), stdout());
        assertEquals(Double.parseDouble(best.get("test_accuracy")), Integer.parseInt(accuracy.group(2)) / 2000.0);

        String page = Files.readString(experiment.resolve("index.html"));
        assertTrue(
                page.contains(" Its best evaluation, by " + description
                        + ": <a href=\"runs/kept/best.safetensors\">runs/kept/best.safetensors</a>."),
                "the report links the kept model");
    }

    @Test
    void aMetricThatCannotBeKeptIsAnErrorWhereItIsWritten() throws Exception {
        assertRefused(
                "keep best = accuracy",
                "3:17: error: unknown value 'accuracy' for 'keep' (one of train_accuracy, train_loss, test_accuracy,"
                        + " test_loss, validation_accuracy, validation_loss)");
        assertRefused(
                "keep best = validation_loss",
                "3:5: error: keep best = validation_loss needs a validation set: add 'validation 0.1' or keep the"
                        + " best by another metric");
    }

    private void assertRefused(String statement, String error) throws Exception {
        Path file = dir.resolve("kept.nnx");
        Files.writeString(file, NET.replace("keep best = test_accuracy", statement));
        assertEquals(2, nnx("check", file.toString()), statement);
        assertEquals(file + ":" + error, stderr().lines().findFirst().orElse(""));
    }

    private int nnx(String... args) {
        return cli.run(args);
    }

    private String stderr() {
        return cli.stderr();
    }

    private String stdout() {
        return cli.stdout();
    }
}
