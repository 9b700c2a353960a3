package org.nnx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nnx compare} over experiments that really ran: one small sweep trained end to end, then compared. */
class CompareCommandTest {
    @TempDir
    Path dir;

    private final CliHarness cli = CliHarness.withDefaultPlugins();

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
    void objectivesAreComparedWithObjectivesNotWithExperiments() throws IOException {
        Path file = dir.resolve("bowls.nnx");
        Files.writeString(file, """
                objective bowl {
                    minimize x0^2 + x1^2
                    start [-3.0, 4.0]
                    learning_rate 0.1 | 10
                    steps 20
                }

                objective shallow {
                    minimize 0.5 * x0^2
                    start [2.0]
                    learning_rate 0.1
                    steps 20
                }
                """);
        Path reports = dir.resolve("reports");
        assertEquals(0, cli.run("run", file.toString(), "--out", reports.toString()), cli.stderr());
        Path page = dir.resolve("objectives.html");
        assertEquals(0, cli.run("compare", reports.toString(), "--out", page.toString()), cli.stderr());
        assertEquals("compared 2 objectives, 3 runs\nreport: " + page + "\n", cli.stdout());
        String html = Files.readString(page);
        assertTrue(html.contains("Comparison of bowl, shallow"), "one page over both");
        assertTrue(html.contains("bowl / learning_rate=10"), "runs named by objective");
        assertTrue(html.contains("Diverged (1):"), "learning rate 10 overshoots further each step");

        Files.writeString(dir.resolve("base.nnx"), EXPERIMENTS.replace("iterations 30", "iterations 3"));
        assertEquals(
                0,
                cli.run("run", dir.resolve("base.nnx").toString(), "--only", "base", "--out", reports.toString()),
                cli.stderr());
        assertEquals(
                2,
                cli.run(
                        "compare",
                        reports.resolve("bowl").toString(),
                        reports.resolve("base").toString(),
                        "--out",
                        page.toString()));
        assertEquals(
                "nnx: error: " + reports.resolve("base") + " is an experiment and " + reports.resolve("bowl")
                        + " an objective; compare experiments with experiments, objectives with objectives\n",
                cli.stderr());
    }

    @Test
    void theSameFolderTwiceAndAnOutputInsideAnInputAreRefused() throws IOException {
        Path file = dir.resolve("two.nnx");
        Files.writeString(file, EXPERIMENTS.replace("iterations 30", "iterations 3"));
        Path reports = dir.resolve("reports");
        assertEquals(0, cli.run("run", file.toString(), "--only", "base", "--out", reports.toString()), cli.stderr());
        Path base = reports.resolve("base");
        String summary = Files.readString(base.resolve("summary.csv"));

        assertEquals(
                2,
                cli.run(
                        "compare",
                        base.toString(),
                        reports.resolve(".").resolve("base").toString(),
                        "--out",
                        dir.resolve("x.html").toString()));
        assertEquals(
                "nnx: error: " + reports.resolve(".").resolve("base") + " is given twice (also as " + base
                        + "); each experiment is compared once\n",
                cli.stderr());

        assertEquals(
                2,
                cli.run(
                        "compare",
                        base.toString(),
                        "--out",
                        base.resolve("summary.csv").toString()));
        assertEquals(
                "nnx: error: --out " + base.resolve("summary.csv") + " is inside " + base + ", one of the "
                        + "experiments compared; write the comparison beside them\n",
                cli.stderr());
        assertEquals(summary, Files.readString(base.resolve("summary.csv")), "the input is untouched");
        assertEquals(
                0,
                cli.run(
                        "compare",
                        reports.toString(),
                        "--out",
                        reports.resolve("all.html").toString()),
                cli.stderr());
    }

    @Test
    void runThenCompareJoinsTwoExperimentsInOneReport() throws IOException {
        Path file = dir.resolve("two.nnx");
        Files.writeString(file, EXPERIMENTS);
        Path reports = dir.resolve("reports");
        assertEquals(0, cli.run("run", file.toString(), "--out", reports.toString()), cli.stderr());

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
        assertEquals(
                0,
                cli.run("compare", reports.resolve("base").toString(), rates.toString(), "--out", page.toString()),
                cli.stderr());
        assertTrue(cli.stdout().contains("compared 2 experiments, 5 runs"), cli.stdout());
        String html = Files.readString(page);
        assertTrue(html.contains("<h1>Comparison of base, rates</h1>"));
        assertTrue(html.contains("rates / learning_rate=0.001,seed=3"));
        assertTrue(html.contains("<code>rates</code> against <code>base</code>"));
        assertTrue(html.contains("<span class=\"ins\">+     repeat 2</span>"), "the diff of the two configurations");

        // A folder of experiments is the same as naming each.
        assertEquals(
                0,
                cli.run(
                        "compare",
                        reports.toString(),
                        "--out",
                        dir.resolve("all.html").toString()),
                cli.stderr());
        assertEquals(
                html.length() / 1000, Files.readString(dir.resolve("all.html")).length() / 1000);
    }

    @Test
    void usageAndMissingFoldersExitWith2() throws IOException {
        assertEquals(2, cli.run("compare", dir.toString()));
        assertTrue(cli.stderr().contains("compare needs --out FILE.html"), cli.stderr());
        assertEquals(2, cli.run("compare", "--out", "x.html"));
        assertTrue(cli.stderr().contains("no experiment folder given"));
        assertEquals(
                2,
                cli.run(
                        "compare",
                        dir.resolve("nowhere").toString(),
                        "--out",
                        dir.resolve("x.html").toString()));
        assertTrue(cli.stderr().contains("nowhere"), cli.stderr());
        assertFalse(cli.stderr().contains("Exception"), cli.stderr());
        assertFalse(Files.exists(dir.resolve("x.html")));
        assertEquals(2, cli.run("compare", dir.toString(), "--out", "x.html", "--fast"));
        assertTrue(cli.stderr().contains("unknown option"), cli.stderr());
    }
}
