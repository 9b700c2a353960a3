package org.nnx.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.nnx.analysis.Analyzer;
import org.nnx.dsl.NnxParser;
import org.nnx.dsl.SourceFile;
import org.nnx.model.ExperimentPlan;
import org.nnx.plugin.Registries;
import org.nnx.registry.ComponentRegistry;
import org.nnx.registry.DatasetLoader;

/** Experiments read from {@code .nnx} text with nnx's built-ins, as {@code nnx run} reads a file. */
final class TestPlans {
    static final ComponentRegistry REGISTRY = Registries.builtins();
    static final DatasetLoader DATASETS = new DatasetLoader(REGISTRY);

    private TestPlans() {}

    /** The plan of the text's first experiment, which must parse and check without a diagnostic. */
    static ExperimentPlan plan(String text) {
        var parsed = NnxParser.parse(new SourceFile(Path.of("test.nnx"), text));
        assertEquals(List.of(), parsed.diagnostics());
        Analyzer.Result result =
                new Analyzer(REGISTRY, DATASETS).analyze(List.of(parsed.file().orElseThrow()));
        assertEquals(List.of(), result.diagnostics());
        return result.plans().get(0);
    }
}
