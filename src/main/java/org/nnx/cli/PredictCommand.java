package org.nnx.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.nnx.files.AtomicFile;
import org.nnx.plugin.Registries.LoadedPlugins;
import org.nnx.saved.Predictor;
import org.nnx.saved.SampleFiles;
import org.nnx.saved.SavedModelException;
import org.nnx.spi.Split;
import org.nnx.tensor.Tensor;
import org.nnx.train.OneHot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nnx predict MODEL INPUT... [--out FILE.csv]}. */
@Command(
        name = "predict",
        sortOptions = false,
        description = {
            "Classify samples with a saved model (a run's model.safetensors, or its folder).",
            "INPUT: IDX files of samples, image files (PNG, JPEG), each a drawn sample, or CSV files with the",
            "feature columns of the model's training file (matched by the header's names), scaled as training",
            "scaled them; with the label column too, the file's accuracy is printed as well.",
            "Prints, or writes to --out, a CSV row a sample: its class and each class's probability."
        })
final class PredictCommand extends Subcommand {
    @Parameters(index = "1..*", paramLabel = "INPUT", arity = "1..*", description = "IDX, image or CSV files")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--out", paramLabel = "FILE", description = "write the CSV here instead of printing it")
    Path out;

    @Mixin
    SavedModelOptions savedModel;

    PredictCommand(CommandEnvironment environment) {
        super(environment, "no model given");
    }

    @Override
    public Integer call() {
        try (LoadedPlugins loaded = environment.loadPlugins(savedModel.plugins)) {
            environment.prepareBlas();
            Predictor predictor = SavedModels.open(savedModel.model, loaded.registry());
            int[] shape = predictor.saved().model().imageShape().orElse(null);
            List<SampleFiles.Samples> samples = new ArrayList<>();
            for (Path input : inputs) {
                try {
                    samples.add(SampleFiles.read(
                            input,
                            predictor.features(),
                            shape,
                            predictor.saved().model().preprocessing(),
                            predictor.classNames()));
                } catch (SavedModelException e) {
                    throw new CommandFailure(ExitStatus.BAD_INPUT, e.getMessage());
                }
            }
            List<Tensor> probabilities = new ArrayList<>();
            for (SampleFiles.Samples file : samples) {
                probabilities.add(predictor.probabilities(file.split()));
            }
            String csv = csv(predictor, probabilities);
            // Without --out, stdout is the CSV: the accuracies go beside it, to stderr.
            PrintStream accuracies = out == null ? terminal().err() : terminal().out();
            if (out == null) {
                PrintStream stdout = terminal().out();
                stdout.print(csv);
                stdout.flush();
            } else {
                try {
                    AtomicFile.writeString(out, csv);
                } catch (IOException e) {
                    throw new CommandFailure(ExitStatus.BAD_INPUT, "cannot write " + out + ": " + e.getMessage());
                }
            }
            for (int f = 0; f < samples.size(); f++) {
                if (samples.get(f).labelled()) {
                    accuracies.println(accuracy(inputs.get(f), samples.get(f).split(), probabilities.get(f)));
                }
            }
            accuracies.flush();
            return ExitStatus.OK;
        }
    }

    /** {@code rows.csv: accuracy 0.9278 (90 of 97)}: how many of a labelled file's rows got their own class. */
    private static String accuracy(Path input, Split split, Tensor probabilities) {
        int correct = 0;
        for (int row = 0; row < split.size(); row++) {
            correct += OneHot.predicted(probabilities, row) == split.label(row) ? 1 : 0;
        }
        return String.format(
                Locale.ROOT,
                "%s: accuracy %.4f (%d of %d)",
                Terminal.printable(input.toString()),
                (double) correct / split.size(),
                correct,
                split.size());
    }

    /** {@code input,sample,class,p_<class>…}: the input file, the sample's index in it from 0, the class. */
    private String csv(Predictor predictor, List<Tensor> probabilities) {
        List<String> classes = predictor.classNames();
        List<String> header = new ArrayList<>(List.of("input", "sample", "class"));
        classes.forEach(name -> header.add("p_" + name));
        StringWriter text = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(
                text, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build())) {
            printer.printRecord(header);
            for (int f = 0; f < probabilities.size(); f++) {
                Tensor p = probabilities.get(f);
                for (int row = 0; row < p.rows(); row++) {
                    List<Object> record = new ArrayList<>();
                    record.add(inputs.get(f).toString());
                    record.add(row);
                    record.add(classes.get(OneHot.predicted(p, row)));
                    for (int c = 0; c < classes.size(); c++) {
                        record.add(p.get(row * classes.size() + c));
                    }
                    printer.printRecord(record);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return text.toString();
    }
}
