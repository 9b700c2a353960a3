package org.nnx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnx.train.StopSignal;

/** {@code nnx compare} over experiments that really ran: one small sweep trained end to end, then compared. */
class CompareCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int nnx(String... args) {
        return new Cli(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        new StopSignal(),
                        false)
                .run(args);
    }

    /** Two tiny experiments in one file, the second extending the first with a sweep and repeats. */
    private static final String EXPERIMENTS = """
            experiment base {
                description "a small net"
                dataset mnist, limit = 300
                model {
                    dense 16
                    relu
                    dense 10
                }
                loss cross_entropy
                learning_rate 0.1
                batch_size 50
                iterations 30
                evaluate_every 10
                seed 3
            }

            experiment rates extends base {
                learning_rate 0.3 | 0.001
                repeat 2
            }
            """;

    @Test
    void theSameFolderTwiceAndAnOutputInsideAnInputAreRefused() throws IOException {
        Path file = dir.resolve("two.nnx");
        Files.writeString(file, EXPERIMENTS.replace("iterations 30", "iterations 3"));
        Path reports = dir.resolve("reports");
        assertEquals(0, nnx("run", file.toString(), "--only", "base", "--out", reports.toString()), err.toString());
        Path base = reports.resolve("base");
        String summary = Files.readString(base.resolve("summary.csv"));

        err.reset();
        assertEquals(
                2,
                nnx(
                        "compare",
                        base.toString(),
                        reports.resolve(".").resolve("base").toString(),
                        "--out",
                        dir.resolve("x.html").toString()));
        assertEquals(
                "nnx: error: " + reports.resolve(".").resolve("base") + " is given twice (also as " + base
                        + "); each experiment is compared once\n",
                err.toString());

        err.reset();
        assertEquals(
                2,
                nnx(
                        "compare",
                        base.toString(),
                        "--out",
                        base.resolve("summary.csv").toString()));
        assertEquals(
                "nnx: error: --out " + base.resolve("summary.csv") + " is inside " + base + ", one of the "
                        + "experiments compared; write the comparison beside them\n",
                err.toString());
        assertEquals(summary, Files.readString(base.resolve("summary.csv")), "the input is untouched");
        assertEquals(
                0,
                nnx(
                        "compare",
                        reports.toString(),
                        "--out",
                        reports.resolve("all.html").toString()),
                err.toString());
    }

    @Test
    void runThenCompareJoinsTwoExperimentsInOneReport() throws IOException {
        Path file = dir.resolve("two.nnx");
        Files.writeString(file, EXPERIMENTS);
        Path reports = dir.resolve("reports");
        assertEquals(0, nnx("run", file.toString(), "--out", reports.toString()), err.toString());

        Path rates = reports.resolve("rates");
        assertTrue(Files.readString(rates.resolve("experiment.nnx")).contains("learning_rate 0.3 | 0.001"));
        List<String> run = Files.readAllLines(
                rates.resolve("runs").resolve("learning_rate=0.3,seed=4").resolve("run.csv"));
        assertTrue(run.contains("run,configuration,learning_rate=0.3"), run.toString());
        assertTrue(run.stream().anyMatch(line -> line.startsWith("provenance,jdk,")), run.toString());
        String index = Files.readString(rates.resolve("index.html"));
        assertTrue(index.contains("<h2>Repeats</h2>"));
        assertTrue(index.contains("file sha256"));

        Path page = dir.resolve("out").resolve("both.html");
        out.reset();
        assertEquals(
                0,
                nnx("compare", reports.resolve("base").toString(), rates.toString(), "--out", page.toString()),
                err.toString());
        assertTrue(out.toString().contains("compared 2 experiments, 5 runs"), out.toString());
        String html = Files.readString(page);
        assertTrue(html.contains("<h1>Comparison of base, rates</h1>"));
        assertTrue(html.contains("rates / learning_rate=0.001,seed=3"));
        assertTrue(html.contains("<code>rates</code> against <code>base</code>"));
        assertTrue(html.contains("<span class=\"ins\">+     repeat 2</span>"), "the diff of the two configurations");

        // A folder of experiments is the same as naming each.
        assertEquals(
                0,
                nnx(
                        "compare",
                        reports.toString(),
                        "--out",
                        dir.resolve("all.html").toString()),
                err.toString());
        assertEquals(
                html.length() / 1000, Files.readString(dir.resolve("all.html")).length() / 1000);
    }

    @Test
    void usageAndMissingFoldersExitWith2() throws IOException {
        assertEquals(2, nnx("compare", dir.toString()));
        assertTrue(err.toString().contains("compare needs --out FILE.html"), err.toString());
        err.reset();
        assertEquals(2, nnx("compare", "--out", "x.html"));
        assertTrue(err.toString().contains("no experiment folder given"));
        err.reset();
        assertEquals(
                2,
                nnx(
                        "compare",
                        dir.resolve("nowhere").toString(),
                        "--out",
                        dir.resolve("x.html").toString()));
        assertTrue(err.toString().contains("nowhere"), err.toString());
        assertFalse(err.toString().contains("Exception"), err.toString());
        assertFalse(Files.exists(dir.resolve("x.html")));
        err.reset();
        assertEquals(2, nnx("compare", dir.toString(), "--out", "x.html", "--fast"));
        assertTrue(err.toString().contains("unknown option"), err.toString());
    }
}
