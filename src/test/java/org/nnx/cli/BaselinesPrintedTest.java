package org.nnx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** nnx run prints an experiment's baselines once, after its runs, and its report shows them. */
class BaselinesPrintedTest {
    @TempDir
    Path dir;

    @Test
    void onceForTheExperimentNotPerRun() throws IOException {
        Path file = dir.resolve("spiral.nnx");
        Files.writeString(file, """
                experiment spiral {
                    dataset spiral, classes = 3, points = 60
                    model {
                        dense 10
                        relu
                        dense 3
                    }
                    loss cross_entropy
                    learning_rate 0.1 | 0.5
                    epochs 2
                }
                """);
        CliHarness cli = CliHarness.choosingBlas(() -> dir.resolve("no-plugins"));
        int status =
                cli.run("run", file.toString(), "--out", dir.resolve("reports").toString());
        assertEquals(0, status, cli.stderr());
        String printed = cli.stdout();
        List<String> lines =
                printed.lines().filter(line -> line.startsWith("  baselines: ")).toList();
        assertEquals(1, lines.size(), printed);
        assertTrue(
                Pattern.matches(
                        "  baselines: chance 0\\.3333, majority class 0\\.\\d{4} \\(\\w+\\), nearest neighbour 0\\.\\d{4}",
                        lines.get(0)),
                lines.get(0));
        String html = Files.readString(dir.resolve("reports/spiral/index.html"));
        assertTrue(html.contains("<h2>Baselines</h2>"));
        // nnx compare reads them back from the folder.
        assertEquals(
                0.3333,
                org.nnx.report.ExperimentFiles.read(dir.resolve("reports/spiral"))
                        .result()
                        .baselines()
                        .orElseThrow()
                        .chance(),
                1e-4);
    }
}
