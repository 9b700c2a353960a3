package org.nnx.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.nnx.cli.SparkCli;
import org.nnx.train.StopSignal;

/** A sweep submitted to a real standalone cluster on the loopback interface, which the test starts and stops. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneClusterTest {
    private static final String RUNS = "0.1 | 0.3";
    private static final int ITERATIONS = 2500;

    @TempDir
    static Path dir;

    private StandaloneCluster cluster;
    private Path sweep;

    @BeforeAll
    void startCluster() throws Exception {
        cluster = StandaloneCluster.start(Files.createDirectories(dir.resolve("cluster")));
        sweep = Sweeps.write(Files.createDirectories(dir.resolve("sweep")), RUNS, ITERATIONS);
    }

    @AfterAll
    void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    private int submit(SparkCli cli, StopSignal stop, Path out, String... conf) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "run",
                sweep.toString(),
                "--out",
                out.toString(),
                "--engine",
                "spark",
                "--master",
                cluster.url(),
                "--conf",
                "spark.driver.host=127.0.0.1",
                "--conf",
                "spark.driver.bindAddress=127.0.0.1",
                "--conf",
                "spark.executor.memory=512m",
                "--conf",
                "spark.ui.enabled=false",
                "--conf",
                "spark.executor.extraClassPath=" + System.getProperty("java.class.path")));
        for (String setting : conf) {
            args.add("--conf");
            args.add(setting);
        }
        return cli.run(dir.resolve("no-plugins"), stop, args.toArray(String[]::new));
    }

    @Test
    @Order(1)
    void aSweepRunsOnTheClustersExecutors() throws Exception {
        SparkCli cli = new SparkCli();
        assertEquals(0, submit(cli, new StopSignal(), dir.resolve("whole")), cli.stdout() + cli.stderr());
        Map<String, Map<String, String>> runs = Sweeps.summary(dir.resolve("whole"));
        assertEquals(List.of("learning_rate=0.1", "learning_rate=0.3"), List.copyOf(runs.keySet()));
        for (String run : runs.keySet()) {
            assertEquals("ok", runs.get(run).get("status"), run);
            String executor = Sweeps.provenance(dir.resolve("whole"), run, SparkRuns.EXECUTOR);
            assertTrue(executor.matches("127\\.0\\.0\\.1 \\(executor \\d+\\)"), run + ": " + executor);
        }
        assertTrue(cli.stdout().contains("spark: spark://127.0.0.1:"), cli.stdout());
    }

    @Test
    @Order(2)
    void aSweepCompletesWhenTheExecutorIsKilledMidRun() throws Exception {
        SparkCli cli = new SparkCli();
        StopSignal stop = new StopSignal();
        AtomicInteger status = new AtomicInteger(-1);
        Path checkpoints = dir.resolve("checkpoints");
        Thread driver = new Thread(
                () -> status.set(submit(cli, stop, dir.resolve("killed"), SparkRuns.CHECKPOINTS + "=" + checkpoints)),
                "driver");
        driver.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (checkpointFiles(checkpoints).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            // Well into training: a run has a checkpoint on the shared folder to go on from.
            assertTrue(!checkpointFiles(checkpoints).isEmpty(), "a checkpoint file: " + cli.stdout());
            Optional<ProcessHandle> executor = cluster.executor();
            assertTrue(executor.isPresent(), "an executor to kill: " + cli.stdout());
            assertTrue(driver.isAlive(), "the sweep still trains when its executor is killed: " + cli.stdout());
            executor.get().destroyForcibly();
            driver.join(TimeUnit.MINUTES.toMillis(4));
        } finally {
            // A driver left running would keep this process's one Spark context from the next test.
            stop.request();
            driver.join(TimeUnit.MINUTES.toMillis(2));
        }

        assertEquals(0, status.get(), cli.stdout() + cli.stderr());
        assertTrue(cli.stdout().contains("(ExecutorLostFailure); Spark retries it"), cli.stdout());
        Matcher resumed = Pattern.compile("spark: run (\\S+) went on from its checkpoint at iteration (\\d+) on ")
                .matcher(cli.stdout());
        assertTrue(resumed.find(), "a retried run went on from its checkpoint: " + cli.stdout());
        assertTrue(Long.parseLong(resumed.group(2)) > 1, resumed.group());
        // Retried from its checkpoint on the new executor, each run comes out as it did on the first one.
        Sweeps.assertSameSweep(dir.resolve("whole"), dir.resolve("killed"));
        assertEquals(List.of(), checkpointFiles(checkpoints), "the application's checkpoints are deleted");
    }

    private static List<Path> checkpointFiles(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(file -> file.toString().endsWith(".checkpoint")).toList();
        }
    }
}
