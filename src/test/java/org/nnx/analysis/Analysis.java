package org.nnx.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nnx.dsl.Diagnostic;
import org.nnx.dsl.NnxParser;
import org.nnx.dsl.SourceFile;
import org.nnx.dsl.ast.NnxFile;
import org.nnx.plugin.Registries;
import org.nnx.registry.ComponentRegistry;
import org.nnx.registry.DatasetLoader;

/** Test helpers: parse and analyze text or files with the built-ins. */
final class Analysis {
    static final ComponentRegistry REGISTRY = Registries.builtins();
    static final DatasetLoader DATASETS = new DatasetLoader(REGISTRY);

    private Analysis() {}

    static NnxFile parse(String name, String text) {
        NnxParser.Result parsed = NnxParser.parse(new SourceFile(Path.of(name), text));
        assertEquals(
                List.of(),
                parsed.diagnostics().stream().map(Diagnostic::headline).toList());
        return parsed.file().orElseThrow();
    }

    static Analyzer.Result analyze(String text) {
        return new Analyzer(REGISTRY, DATASETS).analyze(List.of(parse("test.nnx", text)));
    }

    static Analyzer.Result analyzeFiles(Path... files) throws IOException {
        List<NnxFile> parsed = new ArrayList<>();
        for (Path file : files) {
            NnxParser.Result result = NnxParser.parse(file, file);
            assertEquals(
                    List.of(),
                    result.diagnostics().stream().map(Diagnostic::headline).toList());
            parsed.add(result.file().orElseThrow());
        }
        return new Analyzer(REGISTRY, DATASETS).analyze(parsed);
    }

    /** The headlines of the diagnostics, {@code file:line:col: error: message}. */
    static List<String> errors(Analyzer.Result result) {
        return result.diagnostics().stream().map(Diagnostic::headline).toList();
    }

    /** A valid experiment on a little data; {@code extra} lines go before the closing brace. */
    static String experiment(String name, String extra) {
        return """
                experiment %s {
                    dataset mnist, limit = 200
                    model {
                        dense 20
                        relu
                        dense 10
                    }
                    loss cross_entropy
                    learning_rate 0.1
                    epochs 1
                %s
                }
                """.formatted(name, extra);
    }
}
