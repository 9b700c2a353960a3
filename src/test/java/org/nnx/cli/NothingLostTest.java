package org.nnx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnx.ChildJvm;
import org.nnx.plugin.PluginJars;

/** Results written as runs finish, atomically, inside --out, never over another file's results. */
class NothingLostTest {
    @TempDir
    Path dir;

    private final CliHarness cli = CliHarness.withPluginFolder(() -> dir.resolve("no-plugins"));

    /** A sweep whose first run takes a moment and whose second would take hours. */
    private static final String SHORT_AND_ENDLESS = """
            experiment sweep {
                dataset mnist, limit = 500
                model {
                    dense 20
                    relu
                    dense 10
                }
                loss cross_entropy
                learning_rate 0.1
                iterations 30 | 100000000
                evaluate_every 10
                seed 5
            }
            """;

    private static final String SMALL = """
            experiment small {
                dataset mnist, limit = 300
                model {
                    dense 16
                    relu
                    dense 10
                }
                loss cross_entropy
                learning_rate 0.1
                iterations 20
                evaluate_every 10
            }
            """;

    private static Process start(Path file, Path reports) throws IOException {
        return ChildJvm.start(Main.class, "run", file.toString(), "--out", reports.toString());
    }

    private static String awaitLine(Process process, String text) throws IOException {
        return ChildJvm.awaitLine(process, line -> line.contains(text));
    }

    @Test
    void sigkillAfterTheFirstRunOfASweepKeepsThatRunsFolderAndASummaryNamingIt() throws Exception {
        Path file = Files.writeString(dir.resolve("sweep.nnx"), SHORT_AND_ENDLESS);
        Path reports = dir.resolve("reports");
        Process process = start(file, reports);
        String notSeen = awaitLine(process, "iterations=30: ok");
        assertEquals(null, notSeen, "the short run never finished");
        process.destroyForcibly();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));

        Path sweep = reports.resolve("sweep");
        List<String> summary = Files.readAllLines(sweep.resolve("summary.csv"));
        assertEquals(
                "run,status,iterations,train_accuracy,test_accuracy,loss,seconds,samples_per_second,reason",
                summary.get(0));
        assertEquals(2, summary.size(), summary.toString());
        assertTrue(summary.get(1).startsWith("iterations=30,ok,30,"), summary.get(1));
        Path run = sweep.resolve("runs").resolve("iterations=30");
        assertEquals(32, Files.readAllLines(run.resolve("metrics.csv")).size(), "a header, iteration 0 and 30 rows");
        assertTrue(Files.readString(run.resolve("run.nnx")).contains("    iterations 30\n"));
        assertTrue(Files.readString(sweep.resolve("experiment.nnx")).contains("iterations 30 | 100000000"));
        // A kill between writing and renaming may leave a hidden temporary beside its target (the next nnx to
        // open the folder removes it: OutputTreeTest); every file under its own name is whole.
        try (var files = Files.walk(reports)) {
            assertFalse(
                    files.map(f -> f.getFileName().toString())
                            .anyMatch(name -> name.endsWith(".tmp") && !name.matches("\\..+\\.[0-9a-f]+\\.tmp")),
                    "no half-written file");
        }
        // The endless run's rows so far are in its partial file, flushed at each evaluation.
        Path partial = sweep.resolve("runs").resolve("iterations=100000000").resolve("metrics.csv.partial");
        assertTrue(Files.exists(partial));
    }

    @Test
    void aSecondProcessWritingTheSameOutIsRefusedBeforeItTrains() throws Exception {
        Path endless = Files.writeString(dir.resolve("endless.nnx"), SHORT_AND_ENDLESS);
        Path reports = dir.resolve("reports");
        Process first = start(endless, reports);
        try {
            assertEquals(null, awaitLine(first, "started"), "the first process never started training");
            Path file = Files.writeString(dir.resolve("small.nnx"), SMALL);
            assertEquals(2, cli.run("run", file.toString(), "--out", reports.toString()));
            assertEquals(
                    "nnx: error: " + reports.toAbsolutePath() + " is being written by another nnx process; wait "
                            + "for it to finish or choose another --out\n",
                    cli.stderr());
            assertFalse(Files.exists(reports.resolve("small")));
        } finally {
            first.destroyForcibly();
            first.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void anOutThatIsAFileIsRefusedBeforeAnythingTrains() throws IOException {
        Path file = Files.writeString(dir.resolve("small.nnx"), SMALL);
        Path notAFolder = Files.writeString(dir.resolve("reports"), "x");
        assertEquals(2, cli.run("run", file.toString(), "--out", notAFolder.toString()));
        assertEquals("nnx: error: " + notAFolder + " is a file, not a folder to write results into\n", cli.stderr());
        assertEquals("", cli.stdout(), "nothing trained");
    }

    @Test
    void aReadOnlyOutIsRefusedBeforeAnythingTrains() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeFalse(
                "root".equals(System.getProperty("user.name")), "root may write into a read-only folder");
        Path file = Files.writeString(dir.resolve("small.nnx"), SMALL);
        Path readOnly = Files.createDirectories(dir.resolve("reports"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        assertEquals(2, cli.run("run", file.toString(), "--out", readOnly.toString()));
        assertEquals("nnx: error: cannot write into " + readOnly + ": permission denied\n", cli.stderr());
        assertEquals("", cli.stdout(), "nothing trained");
    }

    @Test
    void resultsOfAnotherFileAreKeptAsideNotOverwritten() throws IOException {
        Path reports = dir.resolve("reports");
        Path first = Files.writeString(dir.resolve("a.nnx"), SMALL);
        assertEquals(0, cli.run("run", first.toString(), "--out", reports.toString()), cli.stderr());
        assertEquals(0, cli.run("run", first.toString(), "--out", reports.toString()), cli.stderr());
        assertEquals("", cli.stderr(), "the same file again overwrites its own results");
        String summary = Files.readString(reports.resolve("small/summary.csv"));

        Path second = Files.writeString(dir.resolve("b.nnx"), SMALL.replace("learning_rate 0.1", "learning_rate 0.3"));
        assertEquals(0, cli.run("run", second.toString(), "--out", reports.toString()), cli.stderr());
        assertTrue(
                cli.stderr()
                        .startsWith("nnx: warning: " + reports.toAbsolutePath().resolve("small") + " held results of "
                                + "another file, or of another version of " + second + "; they are kept in "
                                + reports.toAbsolutePath().resolve("small.previous-1")),
                cli.stderr());
        assertEquals(summary, Files.readString(reports.resolve("small.previous-1/summary.csv")));
        assertTrue(Files.readString(reports.resolve("small/experiment.nnx")).contains("learning_rate 0.3"));
    }

    /** A layer whose forward asks for more memory than any heap: a real OutOfMemoryError in a run. */
    private static final String HOG_PLUGIN = PluginJars.pluginSource("hog", "HogPlugin", "hog", """
            public List<LayerFactory> layers() {
                return List.of(new LayerFactory() {
                    public String name() {
                        return "hog";
                    }

                    public String description() {
                                return "asks for more memory than there is while training, when hungry";
                    }

                    public List<ParameterSpec> parameters() {
                        return List.of(ParameterSpec.bool("hungry", false, "whether to ask"));
                    }

                    public Layer create(Arguments arguments, LayerContext context) {
                        boolean hungry = arguments.bool("hungry");
                        return new Layer() {
                            public Tensor forward(Tensor input, boolean training) {
                                // A few rows, as nnx's own gradient check feeds it, pass; a real batch does not.
                                if (training && hungry && input.rows() > 10) {
                                    long[] hog = new long[Integer.MAX_VALUE - 8];
                                    hog[0] = 1;
                                }
                                return input;
                            }

                            public Tensor backward(Tensor outputGradient) {
                                return outputGradient;
                            }
                        };
                    }
                });
            }
            """);

    @Test
    void aRunThatRunsOutOfMemoryFailsAloneAndTheOtherIsKept() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(Runtime.getRuntime().maxMemory() < 8L * (Integer.MAX_VALUE - 8));
        Path plugins = PluginJars.pluginFolder(dir, "hog.jar", "hog.HogPlugin", HOG_PLUGIN);
        Path file = Files.writeString(
                dir.resolve("hungry.nnx"),
                SMALL.replace("        relu\n", "        relu\n        hog hungry = false | true\n"));
        Path reports = dir.resolve("reports");
        assertEquals(
                1,
                cli.run("run", file.toString(), "--plugins", plugins.toString(), "--out", reports.toString()),
                cli.stderr());
        assertFalse(cli.stderr().contains("Exception") || cli.stderr().contains("\tat "), cli.stderr());
        List<String> summary = Files.readAllLines(reports.resolve("small/summary.csv"));
        assertTrue(summary.get(1).startsWith("hog.hungry=false,ok,"), summary.toString());
        assertTrue(summary.stream().anyMatch(row -> row.contains(",ok,")), summary.toString());
        // The run trains in a worker process, which ends at its first OutOfMemoryError.
        assertTrue(
                summary.get(2)
                        .endsWith(",failed,true,,,,0,0,hog.jar: ran out of memory (heap "
                                + (Runtime.getRuntime().maxMemory() >> 20) + " MiB)"),
                summary.toString());
        assertTrue(Files.readAllLines(reports.resolve("small/runs")
                                .resolve(summary.get(1).split(",")[0])
                                .resolve("metrics.csv"))
                        .size()
                > 20);
        assertTrue(Files.size(reports.resolve("small/index.html")) > 1000, "the report is written");
    }

    @Test
    void aLinkPlantedInTheOutTreeIsNeverWrittenThrough() throws IOException {
        Path reports = dir.resolve("reports");
        Path file = Files.writeString(dir.resolve("small.nnx"), SMALL);
        assertEquals(0, cli.run("run", file.toString(), "--out", reports.toString()), cli.stderr());
        Path victim = Files.writeString(dir.resolve("victim.txt"), "precious");
        Path summary = reports.resolve("small/summary.csv");
        Files.delete(summary);
        Files.createSymbolicLink(summary, victim);
        assertEquals(1, cli.run("run", file.toString(), "--out", reports.toString()));
        assertEquals(
                "nnx: error: " + summary.toAbsolutePath() + " is a symbolic link; nnx does not write through "
                        + "links\n",
                cli.stderr());
        assertEquals("precious", Files.readString(victim));
    }
}
