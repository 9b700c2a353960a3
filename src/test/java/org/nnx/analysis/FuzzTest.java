package org.nnx.analysis;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnx.dsl.Diagnostic;
import org.nnx.dsl.NnxParser;
import org.nnx.dsl.SourceFile;

/**
 * Thousands of mutated valid files through the parser and the checker, from a fixed seed: no exception
 * escapes, and every diagnostic has a location inside the file and a message.
 */
class FuzzTest {
    private static final String ALPHABET = "{}()[],=|+-*/^\"\\\n\t #/ab_xz019.e\u0000é";
    private static final int MUTANTS = 3000;

    @Test
    void mutatedFilesNeverCrashTheChecker() throws IOException {
        String contract = Files.readString(Path.of("docs/language.md"));
        int start = contract.indexOf("// experiments/two-layer-net.nnx");
        List<String> seeds = List.of(
                contract.substring(start, contract.indexOf("```", start))
                        .replace("dataset mnist ", "dataset mnist, limit = 100 "),
                Analysis.experiment("small", "    batch_size 16 | 32\n    repeat 2\n    evaluate_every 5")
                        + "objective bowl {\n    minimize x0^2 + sin(x1)\n    start [-3.0, 4.0]\n"
                        + "    learning_rate log_range(1e-3, 1, 3)\n    steps 10\n    gradient numerical(h = 1e-4)\n}\n");
        SplittableRandom random = new SplittableRandom(20261129);
        Analyzer analyzer = new Analyzer(Analysis.REGISTRY, Analysis.DATASETS);
        int withDiagnostics = 0;
        for (int i = 0; i < MUTANTS; i++) {
            String text = mutate(seeds.get(i % seeds.size()), random, 1 + random.nextInt(4));
            SourceFile source = new SourceFile(Path.of("fuzz.nnx"), text);
            List<Diagnostic> diagnostics;
            try {
                NnxParser.Result parsed = NnxParser.parse(source);
                diagnostics = parsed.file().isPresent()
                        ? analyzer.analyze(List.of(parsed.file().get())).diagnostics()
                        : parsed.diagnostics();
            } catch (RuntimeException | StackOverflowError e) {
                fail("mutant " + i + " threw " + e + " on:\n" + text, e);
                return;
            }
            long lines = text.lines().count() + 1;
            for (Diagnostic diagnostic : diagnostics) {
                assertTrue(
                        diagnostic.location().line() >= 1
                                && diagnostic.location().line() <= lines
                                && diagnostic.location().column() >= 1,
                        "mutant " + i + ": " + diagnostic.headline());
                assertFalse(diagnostic.message().isBlank(), "mutant " + i);
                assertFalse(diagnostic.render().isEmpty());
            }
            withDiagnostics += diagnostics.isEmpty() ? 0 : 1;
        }
        assertTrue(withDiagnostics > MUTANTS / 2, "most mutants are wrong somewhere: " + withDiagnostics);
    }

    private static String mutate(String text, SplittableRandom random, int edits) {
        StringBuilder mutant = new StringBuilder(text);
        for (int e = 0; e < edits && mutant.length() > 0; e++) {
            int at = random.nextInt(mutant.length());
            switch (random.nextInt(6)) {
                case 0 -> mutant.deleteCharAt(at);
                case 1 -> mutant.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                case 2 -> mutant.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                case 3 -> {
                    int end = Math.min(mutant.length(), at + 1 + random.nextInt(40));
                    mutant.insert(random.nextInt(mutant.length()), mutant.substring(at, end));
                }
                case 4 ->
                    mutant.insert(
                            at,
                            List.of(
                                            "1e999",
                                            "-0",
                                            "99999999999999999999",
                                            "0.0",
                                            "|",
                                            " | ",
                                            "extends",
                                            "model {",
                                            "}",
                                            "import \"x.nnx\"\n",
                                            "log_range(",
                                            "range(1,2,0)")
                                    .get(random.nextInt(12)));
                default -> mutant.delete(at, Math.min(mutant.length(), at + 1 + random.nextInt(20)));
            }
        }
        return mutant.toString();
    }
}
