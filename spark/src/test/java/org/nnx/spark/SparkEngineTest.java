package org.nnx.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnx.cli.SparkCli;
import org.nnx.train.StopSignal;

/** {@code nnx run --engine spark --master local[2]}: an embedded Spark, in this process, as the driver. */
class SparkEngineTest {
    @TempDir
    Path dir;

    private final SparkCli cli = new SparkCli();

    private int spark(Path file, Path out, String... conf) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "run",
                file.toString(),
                "--out",
                out.toString(),
                "--engine",
                "spark",
                "--master",
                "local[2]",
                "--conf",
                "spark.ui.enabled=false"));
        for (String setting : conf) {
            args.add("--conf");
            args.add(setting);
        }
        return cli.run(dir.resolve("no-plugins"), new StopSignal(), args.toArray(String[]::new));
    }

    /**
     * The local engine as ./nnx runs it, in a process of its own, into {@code local/}: one core a run, as each
     * Spark task has.
     */
    private void runLocally(Path file, String... more) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("run", file.toString()));
        args.addAll(List.of(more));
        args.addAll(List.of("--out", dir.resolve("local").toString()));
        ProcessBuilder local = Sweeps.java("org.nnx.cli.Main", args)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("local.log").toFile());
        local.environment().put("NNX_CORES", "2");
        Process process = local.start();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the local engine ends");
        assertEquals(0, process.exitValue(), Files.readString(dir.resolve("local.log")));
    }

    @Test
    void aSweepOnSparkWritesTheReportTheLocalEngineWrites() throws Exception {
        Path file = Sweeps.write(dir, "0.1 | 0.3", 60);
        runLocally(file);

        assertEquals(0, spark(file, dir.resolve("spark")), cli.stderr());
        Sweeps.assertSameSweep(dir.resolve("local"), dir.resolve("spark"));
        for (String run : List.of("learning_rate=0.1", "learning_rate=0.3")) {
            String executor = Sweeps.provenance(dir.resolve("spark"), run, SparkRuns.EXECUTOR);
            assertTrue(executor != null && executor.endsWith("(executor driver)"), run + ": " + executor);
            assertEquals(null, Sweeps.provenance(dir.resolve("local"), run, SparkRuns.EXECUTOR));
        }
        String out = cli.stdout();
        assertTrue(out.contains("spark: local[2], application "), out);
        assertTrue(out.contains("  spark: run learning_rate=0.1 started on "), out);
        assertTrue(out.contains("  spark: 1 done, "), out);
        // Both runs classify every test row: the best so far is whichever ended first.
        assertTrue(
                Pattern.compile(
                                "\n  spark: 2 done, 0 running, 0 left; best so far learning_rate=0\\.[13], test 1\\.0000\n")
                        .matcher(out)
                        .find(),
                out);
        assertTrue(out.contains("learning_rate=0.1: ok, train "), out);
    }

    @Test
    void aSweepThatUsesAPluginLoadsItsJarOnTheExecutorsAndWritesWhatTheLocalEngineWrites() throws Exception {
        // The example plugin as it was built against SPI 1: a third party's jar nnx was not built with.
        Path fixture = Path.of("src", "test", "resources", "fixtures", "acme-example-spi1.jar");
        if (!Files.exists(fixture)) {
            fixture = Path.of("..").resolve(fixture);
        }
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.copy(fixture, plugins.resolve("acme-example-spi1.jar"));
        Path file = Sweeps.write(dir, "0.1 | 0.3", 40);
        Files.writeString(file, Files.readString(file).replace("        relu\n", "        swish beta = 1.5\n"));

        runLocally(file, "--plugins", plugins.toString());

        int status = cli.run(
                dir.resolve("no-plugins"),
                new StopSignal(),
                "run",
                file.toString(),
                "--plugins",
                plugins.toString(),
                "--out",
                dir.resolve("spark").toString(),
                "--engine",
                "spark",
                "--master",
                "local[2]",
                "--conf",
                "spark.ui.enabled=false");
        assertEquals(0, status, cli.stdout() + cli.stderr());
        Sweeps.assertSameSweep(dir.resolve("local"), dir.resolve("spark"));
        assertTrue(cli.stdout().contains("learning_rate=0.3: ok, train "), cli.stdout());
    }

    @Test
    void aRunThatFailsForItsOwnReasonIsFailedAndTheOthersFinish() throws Exception {
        Path file = Sweeps.write(dir, "0.1", 30);
        // The wide net's messages (its weights and checkpoints) are more than the driver takes from one task.
        Files.writeString(file, Files.readString(file).replace("dense 8", "dense 8 | 50000"));

        int status = spark(file, dir.resolve("out"), "spark.driver.maxResultSize=1m");

        assertEquals(1, status, "a failed run fails the command: " + cli.stdout());
        Map<String, Map<String, String>> runs = Sweeps.summary(dir.resolve("out"));
        assertEquals(List.of("dense[1]=8", "dense[1]=50000"), List.copyOf(runs.keySet()));
        assertEquals("ok", runs.get("dense[1]=8").get("status"));
        assertEquals("failed", runs.get("dense[1]=50000").get("status"));
        String reason = runs.get("dense[1]=50000").get("reason");
        assertTrue(reason.startsWith("Spark could not train it: Job aborted due to stage failure: "), reason);
        assertTrue(reason.contains("spark.driver.maxResultSize"), reason);
        assertTrue(Files.exists(dir.resolve("out/tiny/runs/dense[1]=8/metrics.csv")));
        assertTrue(
                cli.stdout().contains("  spark: 2 done, 0 running, 0 left; best so far dense[1]=8, test "),
                cli.stdout());
    }

    @Test
    void runsWhoseDataTheExecutorCannotReadFailWithTheHostAndThePath() throws Exception {
        Path file = Sweeps.write(dir, "0.1 | 0.3", "30", "\"gone.csv\"");
        Map<String, Map<String, String>> runs = withGoneCsvDeletedAtStart(file);
        assertEquals(2, runs.size(), runs.toString());
        for (Map<String, String> run : runs.values()) {
            assertEquals("failed", run.get("status"));
            String reason = run.get("reason");
            assertNamesGoneCsvAndTheExecutor(reason);
        }
        assertTrue(Files.exists(dir.resolve("out/tiny/index.html")), "the report is written");
    }

    @Test
    void aDatasetTheExecutorCannotReadFailsOnlyTheRunsThatReadIt() throws Exception {
        Path file = Sweeps.write(dir, "0.1", "30", "\"tiny.csv\" | \"gone.csv\"");
        Map<String, Map<String, String>> runs = withGoneCsvDeletedAtStart(file);
        assertEquals(List.of("dataset.path=\"tiny.csv\"", "dataset.path=\"gone.csv\""), List.copyOf(runs.keySet()));
        assertEquals("ok", runs.get("dataset.path=\"tiny.csv\"").get("status"), runs.toString());
        assertEquals("failed", runs.get("dataset.path=\"gone.csv\"").get("status"), runs.toString());
        String reason = runs.get("dataset.path=\"gone.csv\"").get("reason");
        assertNamesGoneCsvAndTheExecutor(reason);
        assertTrue(Files.exists(dir.resolve("out/tiny/index.html")), "the report is written");
    }

    /**
     * The summary of the file's runs on Spark, after {@code gone.csv} was written for nnx to check the file and
     * deleted before any executor reads it; the command must fail.
     */
    private Map<String, Map<String, String>> withGoneCsvDeletedAtStart(Path file) throws Exception {
        Files.copy(dir.resolve("tiny.csv"), dir.resolve("gone.csv"));
        int status = spark(
                file,
                dir.resolve("out"),
                "spark.extraListeners=" + DeletesFileAtStart.class.getName(),
                "spark.nnx.test.delete=" + dir.resolve("gone.csv"));
        assertEquals(1, status, "a failed run fails the command: " + cli.stdout());
        return Sweeps.summary(dir.resolve("out"));
    }

    private void assertNamesGoneCsvAndTheExecutor(String reason) {
        assertTrue(reason.contains("gone.csv: no such file (looked for " + dir.resolve("gone.csv") + ")"), reason);
        assertTrue(reason.endsWith(" (executor driver))"), "the executor's host: " + reason);
    }

    @Test
    void withoutSparkEngineOptionsTheLocalEngineRefusesThem() throws Exception {
        Path file = Sweeps.write(dir, "0.1", 10);
        int status = cli.run(
                dir.resolve("no-plugins"),
                new StopSignal(),
                "run",
                file.toString(),
                "--out",
                dir.resolve("out").toString(),
                "--master",
                "local[2]");
        assertEquals(2, status);
        assertEquals(
                "nnx: error: --master and --conf are for another engine than local: add --engine spark",
                cli.stderr().strip());
    }
}
