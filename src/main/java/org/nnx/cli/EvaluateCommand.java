package org.nnx.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.nnx.plugin.Registries.LoadedPlugins;
import org.nnx.registry.DatasetLoader;
import org.nnx.saved.Evaluation;
import org.nnx.saved.ModelFile;
import org.nnx.saved.Predictor;
import org.nnx.saved.SavedModel;
import org.nnx.spi.ComponentCall;
import org.nnx.spi.Dataset;
import org.nnx.spi.DatasetContext;
import org.nnx.spi.DatasetException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nnx evaluate MODEL [--dataset "..."]}. */
@Command(
        name = "evaluate",
        sortOptions = false,
        description = {
            "Accuracy, loss and confusion matrix of a saved model on a test split:",
            "the model's own data, or the dataset statement --dataset gives (what follows 'dataset' in a file)."
        })
final class EvaluateCommand extends Subcommand {
    @Option(names = "--dataset", paramLabel = "DATASET", description = "another dataset, e.g. \"mnist, limit = 500\"")
    String dataset;

    @Mixin
    SavedModelOptions savedModel;

    EvaluateCommand(CommandEnvironment environment) {
        super(environment, "no model given");
    }

    @Override
    public Integer call() {
        try (LoadedPlugins loaded = environment.loadPlugins(savedModel.plugins)) {
            environment.prepareBlas();
            Predictor predictor = SavedModels.open(savedModel.model, loaded.registry());
            SavedModel saved = predictor.saved();
            DatasetLoader datasets = new DatasetLoader(loaded.registry());
            ComponentCall call = dataset == null
                    ? saved.dataset()
                    : new DatasetStatement(loaded.registry(), datasets).resolve(saved, dataset);
            Path source = Path.of(saved.fact(ModelFile.SOURCE).isEmpty() ? "." : saved.fact(ModelFile.SOURCE));
            Dataset data;
            try {
                data = datasets.load(
                        call.name(),
                        call.arguments(),
                        new DatasetContext(source.toAbsolutePath().getParent(), saved.seed()));
            } catch (DatasetException e) {
                throw new CommandFailure(ExitStatus.BAD_INPUT, e.getMessage());
            }
            if (data.features() != predictor.features()
                    || data.classes() != predictor.classNames().size()) {
                throw new CommandFailure(
                        ExitStatus.BAD_INPUT,
                        call + " has samples of " + data.features() + " features in " + data.classes()
                                + " classes; the model takes " + predictor.features() + " features into "
                                + predictor.classNames().size() + " classes");
            }
            Evaluation evaluation = predictor.evaluate(data.test());
            print(terminal().out(), data, evaluation);
            return ExitStatus.OK;
        }
    }

    private static void print(PrintStream out, Dataset data, Evaluation evaluation) {
        out.println("dataset: " + data.description() + ", test split");
        out.println(String.format(
                Locale.ROOT,
                "accuracy %.4f (%d of %d), loss %.4f",
                evaluation.accuracy(),
                evaluation.correct(),
                evaluation.samples(),
                evaluation.loss()));
        out.println("confusion matrix (rows: true class, columns: predicted class):");
        List<String> names = evaluation.classNames();
        int width = 6;
        for (String name : names) {
            width = Math.max(width, name.length() + 1);
        }
        StringBuilder line = new StringBuilder(" ".repeat(width));
        for (String name : names) {
            line.append(String.format(Locale.ROOT, "%" + width + "s", name));
        }
        out.println(line);
        for (int t = 0; t < names.size(); t++) {
            line.setLength(0);
            line.append(String.format(Locale.ROOT, "%" + width + "s", names.get(t)));
            for (int p = 0; p < names.size(); p++) {
                line.append(
                        String.format(Locale.ROOT, "%" + width + "d", evaluation.confusion()[t][p]));
            }
            out.println(line);
        }
    }
}
