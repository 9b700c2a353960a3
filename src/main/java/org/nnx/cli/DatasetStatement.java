package org.nnx.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nnx.analysis.Analyzer;
import org.nnx.dsl.Diagnostic;
import org.nnx.dsl.NnxParser;
import org.nnx.dsl.SourceFile;
import org.nnx.model.RunPlan;
import org.nnx.registry.ComponentRegistry;
import org.nnx.registry.DatasetLoader;
import org.nnx.saved.ModelFile;
import org.nnx.saved.SavedModel;
import org.nnx.spi.ComponentCall;

/**
 * A dataset statement given on the command line ({@code evaluate --dataset}), checked as the language checks
 * it: the model's own definition with its {@code dataset} line replaced, so that arguments take their defaults
 * and relative paths resolve beside the model's {@code .nnx} file.
 */
final class DatasetStatement {
    private static final Pattern DATASET_LINE = Pattern.compile("(?m)^(\\s*)dataset\\b.*$");

    private final ComponentRegistry registry;
    private final DatasetLoader datasets;

    DatasetStatement(ComponentRegistry registry, DatasetLoader datasets) {
        this.registry = registry;
        this.datasets = datasets;
    }

    /** @throws CommandFailure (status 2) with the language's message for what is wrong with {@code text} */
    ComponentCall resolve(SavedModel saved, String text) {
        if (text.contains("\n") || text.contains("}") || text.contains("{")) {
            throw new CommandFailure(ExitStatus.BAD_INPUT, "--dataset takes one dataset statement, without braces");
        }
        Matcher line = DATASET_LINE.matcher(saved.definition());
        if (!line.find()) {
            throw new CommandFailure(
                    ExitStatus.BAD_INPUT, "the model's definition has no dataset statement to replace");
        }
        String definition = line.replaceFirst(Matcher.quoteReplacement(line.group(1) + "dataset " + text));
        String source = saved.fact(ModelFile.SOURCE);
        Path path = Path.of(source.isEmpty() ? "model.nnx" : source);
        NnxParser.Result parsed = NnxParser.parse(new SourceFile(path, definition));
        List<Diagnostic> problems = parsed.diagnostics();
        if (problems.isEmpty() && parsed.file().isPresent()) {
            Analyzer.Result analysis = new Analyzer(registry, datasets)
                    .analyze(List.of(parsed.file().get()));
            problems = analysis.diagnostics();
            if (problems.isEmpty()
                    && !analysis.plans().isEmpty()
                    && !analysis.plans().get(0).runs().isEmpty()) {
                RunPlan run = analysis.plans().get(0).runs().get(0);
                if (!run.fails()) {
                    return run.config().dataset();
                }
                throw new CommandFailure(ExitStatus.BAD_INPUT, "--dataset \"" + text + "\": " + run.failure());
            }
        }
        String why = problems.isEmpty()
                ? "it does not make a dataset"
                : problems.get(0).message();
        throw new CommandFailure(ExitStatus.BAD_INPUT, "--dataset \"" + text + "\": " + why);
    }
}
