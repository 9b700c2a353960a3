package org.nnx.builtins.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnx.analysis.Analyzer;
import org.nnx.dsl.Diagnostic;
import org.nnx.dsl.NnxParser;
import org.nnx.dsl.SourceFile;
import org.nnx.model.ExperimentPlan;
import org.nnx.plugin.Registries;
import org.nnx.registry.ComponentRegistry;
import org.nnx.registry.DatasetLoader;
import org.nnx.spi.Arguments;
import org.nnx.spi.DatasetException;
import org.nnx.train.ExperimentRunner;
import org.nnx.train.RunResult;
import org.nnx.train.RunStatus;
import org.nnx.train.StopSignal;
import org.nnx.train.Trainer;
import org.nnx.train.TrainingListener;

/**
 * The datasets as a user meets them: written in an {@code .nnx} file, checked by the analyzer, trained by
 * the runner. Small on purpose: each run takes well under a second.
 */
class DatasetTrainingTest {
    private static final ComponentRegistry REGISTRY = Registries.builtins();

    @TempDir
    Path directory;

    private final DatasetLoader datasets = new DatasetLoader(REGISTRY);

    private Analyzer.Result analyze(String text) {
        var parsed = NnxParser.parse(new SourceFile(directory.resolve("experiments/test.nnx"), text));
        assertEquals(List.of(), parsed.diagnostics());
        return new Analyzer(REGISTRY, datasets).analyze(List.of(parsed.file().orElseThrow()));
    }

    private RunResult train(String text) {
        Analyzer.Result result = analyze(text);
        assertEquals(List.of(), result.diagnostics());
        ExperimentPlan plan = result.plans().get(0);
        StopSignal stop = new StopSignal();
        RunResult run = new ExperimentRunner(new Trainer(REGISTRY, stop), datasets, stop)
                .run(plan, TrainingListener.NONE)
                .runs()
                .get(0);
        assertEquals(RunStatus.OK, run.status(), run.reason());
        return run;
    }

    private static String experiment(String dataset, String model, String training) {
        return """
                experiment data_test {
                    dataset %s
                    model {
                %s
                    }
                    loss cross_entropy
                %s
                    seed 3
                }
                """.formatted(dataset, model, training);
    }

    /**
     * Three blobs in 4-D labelled by name; one feature is in thousands, so that training without
     * normalization would be much harder.
     */
    private void writeAnimals(String name, int rows) {
        String[] kinds = {"emu", "cat", "dog"};
        double[][] centres = {{0, 0, 0, 0}, {2, 2, 0, 1}, {0, 2, 2, -1}};
        Random random = new Random(11);
        StringBuilder text = new StringBuilder("length,weight_g,height,age,kind\n");
        for (int i = 0; i < rows; i++) {
            int kind = i % 3;
            double[] x = new double[4];
            for (int j = 0; j < 4; j++) {
                x[j] = centres[kind][j] + 0.6 * random.nextGaussian();
            }
            text.append(String.format(
                    Locale.ROOT, "%.4f,%.1f,%.4f,%.4f,%s%n", x[0], 1000 * x[1] + 5000, x[2], x[3], kinds[kind]));
        }
        TestFiles.write(directory, name, text.toString());
    }

    @Test
    void csvWithStringLabelsAndATestFractionLearns() throws DatasetException {
        writeAnimals("data/animals.csv", 300);
        RunResult run = train(experiment(
                "csv, path = \"../data/animals.csv\", label = \"kind\", test_fraction = 0.25",
                "        dense 16\n        relu\n        dense 3",
                "    learning_rate 0.1\n    batch_size 20\n    epochs 20"));
        assertTrue(run.testAccuracy() >= 0.9, "test accuracy " + run.testAccuracy());
        assertTrue(run.trainAccuracy() >= 0.9, "train accuracy " + run.trainAccuracy());
        TabularDataset dataset = new CsvDatasetFactory()
                .load(
                        Arguments.of(
                                "path",
                                "data/animals.csv",
                                "label",
                                "kind",
                                "test_fraction",
                                0.25,
                                "header",
                                true,
                                "normalize",
                                "standard"),
                        TestFiles.context(directory, 3));
        assertEquals(List.of("cat", "dog", "emu"), dataset.classNames());
        assertEquals(225, dataset.train().size());
    }

    @Test
    void spiralLearnsWithASmallReluNet() {
        RunResult run = train(experiment(
                "spiral, classes = 3, points = 100, noise = 0.2",
                "        dense 50\n        relu\n        dense 3",
                "    learning_rate 0.5\n    batch_size 30\n    epochs 150"));
        assertTrue(run.testAccuracy() >= 0.93, "test accuracy " + run.testAccuracy());
        assertTrue(run.trainAccuracy() >= 0.95, "train accuracy " + run.trainAccuracy());
    }

    @Test
    void spiralIsNotLinearlySeparable() {
        RunResult run = train(experiment("spiral", "        dense 3", "    learning_rate 0.5\n    epochs 50"));
        assertTrue(run.testAccuracy() < 0.65, "a linear model should fail: test accuracy " + run.testAccuracy());
    }

    @Test
    void badDataIsALocatedErrorAtTheDatasetStatement() {
        TestFiles.write(directory, "data/bad.csv", "a,b,label\n1,2,x\n3,oops,y\n");
        Analyzer.Result result = analyze(experiment(
                "csv, path = \"../data/bad.csv\"", "        dense 2", "    learning_rate 0.1\n    epochs 1"));
        List<String> headlines =
                result.diagnostics().stream().map(Diagnostic::headline).toList();
        assertEquals(
                List.of(directory.resolve("experiments/test.nnx") + ":2:13: error: ../data/bad.csv, line 3,"
                        + " column 'b' (index 1): 'oops' is not a number"),
                headlines);
    }

    @Test
    void aMissingFashionMnistNamesThePackage() {
        Analyzer.Result result = analyze(experiment(
                "fashion_mnist, dir = \"nowhere\"", "        dense 10", "    learning_rate 0.1\n    epochs 1"));
        assertEquals(
                List.of(directory.resolve("experiments/test.nnx") + ":2:13: error: Fashion-MNIST is not"
                        + " installed: no folder " + directory.resolve("experiments/nowhere")
                        + "; install the Debian package"
                        + " dataset-fashion-mnist (sudo apt-get install -y dataset-fashion-mnist) or set dir = \"...\" to a"
                        + " folder with its four IDX files"),
                result.diagnostics().stream().map(Diagnostic::headline).toList());
    }

    @Test
    void aModelThatDoesNotFitTheClassesIsCaught() {
        Analyzer.Result result =
                analyze(experiment("spiral, classes = 4", "        dense 3", "    learning_rate 0.1\n    epochs 1"));
        assertEquals(
                List.of(directory.resolve("experiments/test.nnx") + ":4:9: error: the last layer has 3 outputs"
                        + " but dataset 'spiral' has 4 classes"),
                result.diagnostics().stream().map(Diagnostic::headline).toList());
    }
}
