package org.nnx.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.nnx.analysis.Analysis.analyze;
import static org.nnx.analysis.Analysis.analyzeFiles;
import static org.nnx.analysis.Analysis.errors;
import static org.nnx.analysis.Analysis.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnx.model.ExperimentPlan;
import org.nnx.model.RunConfig;

/** {@code extends} replaces statement by statement, {@code model} whole; {@code import} brings definitions in. */
class ExtendsImportTest {
    @TempDir
    Path dir;

    @Test
    void childReplacesNamedStatementsAndModelWhole() {
        Analyzer.Result result = analyze(experiment("base", "    batch_size 50\n    seed 7") + """
                experiment child extends base {
                    learning_rate 0.5
                    iterations 30
                    model {
                        dense 10
                    }
                }
                """);
        assertEquals(List.of(), errors(result));
        ExperimentPlan child = result.plans().get(1);
        RunConfig config = child.runs().get(0).config();
        assertEquals(0.5, config.learningRate());
        assertEquals(50, config.batchSize());
        assertEquals(7, config.seed());
        assertEquals("ITERATIONS", config.length().unit().name(), "iterations replaces the parent's epochs");
        assertEquals(30, config.length().count());
        assertEquals(1, config.layers().size(), "model is replaced whole");
    }

    @Test
    void theContractsWholeFileChecksAndPlans() throws IOException {
        String contract = Files.readString(Path.of("docs/language.md"));
        int start = contract.indexOf("// experiments/two-layer-net.nnx");
        String example = contract.substring(start, contract.indexOf("```", start));
        Analyzer.Result result = analyze(example);
        assertEquals(List.of(), errors(result));
        assertEquals(
                List.of("two_layer_net", "learning_rates", "step_cannot_learn"),
                result.plans().stream().map(ExperimentPlan::name).toList());
        assertEquals(5, result.plans().get(1).runs().size());
        assertEquals(3000, result.plans().get(1).runs().get(0).config().length().count());
        assertEquals(
                "step",
                result.plans().get(2).runs().get(0).config().layers().get(1).name());
        assertEquals(0.1, result.plans().get(2).runs().get(0).config().learningRate());
    }

    @Test
    void extendsErrorsAreLocated() {
        Analyzer.Result result = analyze(experiment("a", "") + """
                experiment b extends c {
                    seed 1
                }
                experiment c extends b {
                    seed 2
                }
                experiment d extends aa {
                    seed 3
                }
                objective o extends a {
                    minimize x0^2
                    start [1]
                    learning_rate 0.1
                }
                """);
        assertEquals(
                List.of(
                        "test.nnx:13:22: error: extends cycle: b → c → b",
                        "test.nnx:16:22: error: extends cycle: c → b → c",
                        "test.nnx:19:22: error: unknown experiment 'aa' to extend; did you mean 'a'?",
                        "test.nnx:22:21: error: objective 'o' cannot extend experiment 'a'"),
                errors(result));
    }

    @Test
    void importedDefinitionsCanBeExtendedButDoNotRun() throws IOException {
        Files.createDirectories(dir.resolve("lib"));
        Files.writeString(dir.resolve("lib/common.nnx"), experiment("common", ""));
        Path main = dir.resolve("main.nnx");
        Files.writeString(main, """
                import "lib/common.nnx"
                experiment tuned extends common {
                    learning_rate 0.3
                }
                """);
        Analyzer.Result result = analyzeFiles(main);
        assertEquals(List.of(), errors(result));
        assertEquals(
                List.of("tuned"),
                result.plans().stream().map(ExperimentPlan::name).toList());
        assertEquals(0.3, result.plans().get(0).runs().get(0).config().learningRate());
    }

    @Test
    void importErrorsAreLocated() throws IOException {
        Files.writeString(dir.resolve("a.nnx"), "import \"b.nnx\"\n" + experiment("a", ""));
        Files.writeString(dir.resolve("b.nnx"), "import \"a.nnx\"\nimport \"missing.nnx\"\nimport \"sub\"\n");
        Files.createDirectories(dir.resolve("sub"));
        Analyzer.Result result = analyzeFiles(dir.resolve("a.nnx"));
        String a = dir.resolve("a.nnx").toString();
        String b = dir.resolve("b.nnx").toString();
        assertEquals(
                List.of(
                        a.replace("a.nnx", "") + "b.nnx:1:1: error: import cycle: a.nnx → b.nnx → a.nnx",
                        b + ":2:1: error: cannot import \"missing.nnx\": " + dir.resolve("missing.nnx")
                                + " does not exist",
                        b + ":3:1: error: cannot import \"sub\": " + dir.resolve("sub")
                                + " is a directory, not an .nnx file"),
                errors(result));
    }
}
