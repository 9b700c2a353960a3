package org.nnx.spark;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.nnx.cli.RunEngine;
import org.nnx.cli.RunReplay;
import org.nnx.model.ExperimentPlan;
import org.nnx.model.RunPlan;
import org.nnx.train.IsolatedRun;
import org.nnx.train.Provenance;
import org.nnx.train.RunResult;
import org.nnx.train.RunStatus;
import org.nnx.train.TrainingListener;

/**
 * The runs of one {@code nnx run --engine spark}: a Spark context for the command, and each run one job of one
 * task, submitted from the thread nnx trains it on, so that Spark queues and places them all. The task hands back
 * the run's messages, which this replays into nnx's writers, naming the executor in the run's provenance. Ctrl-C
 * cancels every job: runs that ended stand in the report, the others are stopped.
 */
final class SparkRuns implements RunEngine.Runs {
    /** The master without {@code --master}: Spark in this process, on every core. */
    static final String DEFAULT_MASTER = "local[*]";
    /** The provenance entry that names where a run trained. */
    static final String EXECUTOR = "executor";
    /**
     * The setting that names the folder on shared storage where executors keep runs' checkpoints, for a retried
     * task to go on from; without it, a folder on the driver's machine, which executors on that machine can reach.
     */
    static final String CHECKPOINTS = "nnx.checkpoints";

    /** Runs submitted at once: all of a sweep's, for Spark to queue (nnx caps this at its core-group limit). */
    private static final int ALL_RUNS = Integer.MAX_VALUE;

    private final RunEngine.Settings settings;
    private final JavaSparkContext spark;
    private final SparkProgress progress;
    private final Shipment shipment;
    private final Path scratch;
    private final Path checkpoints;
    private final int taskCores;
    private final Thread canceller;
    private volatile boolean closed;

    SparkRuns(RunEngine.Settings settings) {
        this.settings = settings;
        SparkConf conf = configuration(settings);
        try {
            spark = new JavaSparkContext(conf);
        } catch (RuntimeException e) {
            throw new RunEngine.Unavailable(
                    "--engine spark: Spark cannot start at " + conf.get("spark.master") + ": " + firstLine(e));
        }
        this.taskCores = Math.max(1, spark.getConf().getInt("spark.task.cpus", 1));
        this.progress = new SparkProgress(settings.out());
        spark.sc().addSparkListener(progress);
        try {
            this.scratch = Files.createTempDirectory("nnx-spark");
        } catch (IOException e) {
            spark.stop();
            throw new RunEngine.Unavailable("--engine spark: cannot make a temporary folder: " + e.getMessage());
        }
        this.shipment = new Shipment(spark, scratch);
        this.checkpoints = Path.of(spark.getConf()
                        .get(CHECKPOINTS, scratch.resolve("checkpoints").toString()))
                .toAbsolutePath()
                .resolve(spark.sc().applicationId());
        settings.out()
                .println("spark: " + spark.master() + ", application "
                        + spark.sc().applicationId() + ", " + taskCores + " core" + (taskCores == 1 ? "" : "s")
                        + " a run");
        this.canceller = new Thread(this::cancelOnStop, "nnx-spark-cancel");
        canceller.setDaemon(true);
        canceller.start();
    }

    /** Every run of the plan as soon as nnx has it: Spark queues them on the executors' cores. */
    @Override
    public int runsAtOnce(int localCores) {
        return ALL_RUNS;
    }

    /**
     * Spark's settings: those spark-submit set, then {@code --master} (else {@code local[*]}) and {@code --conf},
     * with nnx's defaults for what neither says: a one-thread OpenBLAS on executors, as {@code ./nnx} runs, no
     * console progress bar over nnx's lines, and nnx's jars for executors that do not have them.
     */
    static SparkConf configuration(RunEngine.Settings settings) {
        SparkConf conf = new SparkConf();
        conf.setIfMissing("spark.app.name", "nnx");
        settings.master().ifPresent(conf::setMaster);
        conf.setIfMissing("spark.master", DEFAULT_MASTER);
        settings.conf().forEach(conf::set);
        conf.setIfMissing("spark.executorEnv.OPENBLAS_NUM_THREADS", "1");
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        Set<String> jars = new LinkedHashSet<>();
        for (String jar : conf.get("spark.jars", "").split(",")) {
            if (!jar.isBlank()) {
                jars.add(jar.strip());
            }
        }
        for (String jar : nnxJars()) {
            String name = new File(jar).getName();
            if (jars.stream().noneMatch(known -> known.endsWith("/" + name) || known.equals(name))) {
                jars.add(jar);
            }
        }
        if (!jars.isEmpty()) {
            conf.set("spark.jars", String.join(",", jars));
        }
        return conf;
    }

    /**
     * The jars nnx's classes and this module's come from, for executors to load; none when they come from folders
     * of classes (a build's, whose class path an executor on the same machine is given otherwise).
     */
    static List<String> nnxJars() {
        List<String> jars = new ArrayList<>();
        for (Class<?> type : List.of(RunEngine.class, SparkRuns.class)) {
            var source = type.getProtectionDomain().getCodeSource();
            if (source == null) {
                continue;
            }
            try {
                Path path = Path.of(source.getLocation().toURI());
                if (Files.isRegularFile(path) && !jars.contains(path.toString())) {
                    jars.add(path.toString());
                }
            } catch (java.net.URISyntaxException | IllegalArgumentException e) {
                // Not a file: the executors must have nnx's classes some other way.
            }
        }
        return jars;
    }

    @Override
    public RunResult train(IsolatedRun isolated, TrainingListener listener) {
        ExperimentPlan plan = isolated.plan();
        int index = isolated.index();
        RunPlan run = isolated.run();
        progress.training(plan);
        RunTask task;
        try {
            List<Shipment.Shipped> folders = new ArrayList<>();
            for (Path folder : settings.pluginFolders()) {
                folders.add(shipment.pluginFolder(folder));
            }
            task = new RunTask(
                    shipment.nnxFile(plan.source()),
                    plan.name(),
                    index,
                    run.name(),
                    taskCores,
                    settings.chooseBlas(),
                    shipment.file(settings.lockFile()),
                    folders,
                    RunReplay.firstCommand(isolated.resumeFrom()),
                    checkpointFile(plan, index).toString());
        } catch (IOException | UncheckedIOException e) {
            return ended(
                    listener, RunResult.notRun(run, RunStatus.FAILED, "cannot ship it to Spark: " + e.getMessage()));
        }
        TaskOutcome outcome;
        try {
            if (settings.stop().requested()) {
                return ended(
                        listener, RunResult.notRun(run, RunStatus.STOPPED, "stopped by the user before it started"));
            }
            // Job properties belong to the submitting thread: each run's job carries its own.
            spark.setJobGroup("nnx-" + plan.name() + "-" + index, "nnx " + plan.name() + ": run " + run.name(), true);
            spark.setLocalProperty(SparkProgress.RUN, run.name());
            outcome = spark.parallelize(List.of(index), 1).map(task).collect().get(0);
        } catch (Exception e) {
            if (settings.stop().requested()) {
                return ended(
                        listener,
                        RunResult.notRun(run, RunStatus.STOPPED, "stopped by the user: its Spark job was cancelled"));
            }
            return ended(
                    listener,
                    RunResult.builder(run, RunStatus.FAILED)
                            .reason("Spark could not train it: " + firstLine(e))
                            .trace(String.valueOf(e))
                            .build());
        }
        forget(checkpointFile(plan, index));
        if (outcome.resumedAt() > 0) {
            settings.out()
                    .println("  spark: run " + run.name() + " went on from its checkpoint at iteration "
                            + outcome.resumedAt() + " on " + outcome.where());
        }
        RunReplay replay = new RunReplay(run, listener, result -> trainedOn(result, outcome));
        try {
            for (String line : outcome.lines()) {
                replay.accept(line);
            }
        } catch (IOException e) {
            return ended(
                    listener,
                    RunResult.notRun(
                            run,
                            RunStatus.FAILED,
                            "its messages from " + outcome.where() + " cannot be read: " + e.getMessage()));
        }
        if (replay.result().isEmpty()) {
            return ended(
                    listener,
                    RunResult.builder(run, RunStatus.FAILED)
                            .reason("its task on " + outcome.where() + " ended without the run's result")
                            .metrics(replay.rows())
                            .build());
        }
        progress.finished(replay.result().get());
        return replay.result().get();
    }

    /** Where the executors keep the run's last checkpoint while it trains. */
    private Path checkpointFile(ExperimentPlan plan, int index) {
        return checkpoints.resolve(plan.name()).resolve(index + ".checkpoint");
    }

    /** Deletes a checkpoint file the run no longer needs, when this machine sees it. */
    private static void forget(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Left on shared storage: the folder holds the application's id, and no later command reads it.
        }
    }

    /** The result as the executor gave it, naming the executor in its provenance, and in the reason of a failure. */
    static RunResult trainedOn(RunResult result, TaskOutcome outcome) {
        Map<String, String> provenance = new LinkedHashMap<>(result.provenance().entries());
        provenance.put(EXECUTOR, outcome.where());
        String reason = result.status() == RunStatus.FAILED && !result.reason().isEmpty()
                ? result.reason() + " (on " + outcome.where() + ")"
                : result.reason();
        return new RunResult(
                result.plan(),
                result.status(),
                reason,
                result.metrics(),
                result.trainAccuracy(),
                result.testAccuracy(),
                result.loss(),
                result.seconds(),
                result.samplesPerSecond(),
                new Provenance(provenance),
                result.gradientCheck(),
                result.trace());
    }

    private RunResult ended(TrainingListener listener, RunResult result) {
        listener.runFinished(result);
        progress.finished(result);
        return result;
    }

    /** Cancels every job once the user asks nnx to stop (Ctrl-C): their runs end stopped. */
    private void cancelOnStop() {
        try {
            while (!closed && !settings.stop().requested()) {
                Thread.sleep(100);
            }
            if (!closed) {
                settings.out().println("spark: cancelling the runs' jobs; the report keeps the runs that ended");
                spark.cancelAllJobs();
            }
        } catch (InterruptedException e) {
            // Closing: nothing left to cancel.
        }
    }

    private static String firstLine(Throwable e) {
        String message = String.valueOf(e.getMessage());
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }

    /** Every run: even one that could train in the driver's process trains where Spark places it. */
    @Override
    public boolean isolates(RunPlan run) {
        return true;
    }

    @Override
    public void close() {
        closed = true;
        canceller.interrupt();
        spark.stop();
        deleteAll(checkpoints);
        deleteAll(scratch);
    }

    private static void deleteAll(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A folder left behind: a temporary one the system's cleanup takes, or the application's on shared storage.
        }
    }
}
