package org.nnx.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnx.saved.CheckpointFile;

/**
 * {@code nnx run} killed with SIGKILL in the middle of an epoch, then {@code nnx run --resume}: every metrics
 * row and the saved weights are bit for bit those of a run never interrupted, for one run and for a sweep whose
 * runs train side by side. Every {@code nnx} here is its own process, with nnx's own BLAS, so that all three
 * compute alike.
 */
class ResumeAfterKillTest {
    private static final String ONE_RUN = """
            experiment resumable {
                dataset mnist, limit = 2000
                model {
                    dense 32
                    relu
                    batch_norm
                    dropout 0.2
                    dense 10
                }
                loss cross_entropy
                optimizer adam
                learning_rate 0.002
                batch_size 20
                epochs 5
                seed 11
            }
            """;

    /**
     * Six trials of four epochs, ruled on after one and two: some pruned at each rung, some trained to the end,
     * with a checkpoint every 5 of their 40 iterations an epoch.
     */
    private static final String HALVING = ONE_RUN.replace("limit = 2000", "limit = 1000")
            .replace("epochs 5", "epochs 4\n    validation 0.2\n    checkpoint_every 5")
            .replace("learning_rate 0.002", "learning_rate log_uniform(0.0005, 0.02)")
            .replace("seed 11", "seed 3\n    search halving(trials = 6, min = 1 epoch, factor = 2)");

    @TempDir
    Path dir;

    @Test
    void aRunKilledMidEpochResumesBitForBit() throws Exception {
        killResumeAndCompare(ONE_RUN, List.of("resumable"));
    }

    @Test
    void aSweepWithRunsSideBySideResumesBitForBit() throws Exception {
        String sweep = ONE_RUN.replace("learning_rate 0.002", "learning_rate 0.002 | 0.001")
                .replace("optimizer adam", "optimizer momentum");
        killResumeAndCompare(sweep, List.of("learning_rate=0.002", "learning_rate=0.001"));
    }

    /**
     * With {@code checkpoint_every 7} and 100 batches an epoch (and {@code keep best}, whose best so far the
     * checkpoint holds), nearly every checkpoint falls inside an epoch; the
     * kill is repeated in a fresh folder in the rare case that the last one written ended an epoch.
     */
    @Test
    void aRunKilledAfterAMidEpochCheckpointResumesBitForBit() throws Exception {
        String text = ONE_RUN.replace("seed 11", "seed 11\n    checkpoint_every 7\n    keep best = test_loss");
        Path file = dir.resolve("resumable.nnx");
        Files.writeString(file, text);
        Path whole = dir.resolve("whole");
        assertEquals(0, finish(nnx("run", file.toString(), "--out", whole.toString())));
        for (int attempt = 1; ; attempt++) {
            Path killed = dir.resolve("killed-" + attempt);
            // Past the second epoch's start, so that the resumed sampler replays a reshuffle.
            Path checkpoint = killWhileTraining(file, killed, List.of("resumable"), 20);
            long iteration = CheckpointFile.read(checkpoint).iteration();
            assertTrue(iteration % 7 == 0 || iteration % 100 == 0, "checkpointed at " + iteration);
            if (iteration % 100 != 0) {
                resumeAndCompare(file, whole, killed, List.of("resumable"));
                assertTrue(Files.exists(whole.resolve("resumable/runs/resumable/best.safetensors")), "a best kept");
                return;
            }
            assertTrue(attempt < 5, "five kills in a row came right after an epoch's end");
        }
    }

    private void killResumeAndCompare(String text, List<String> runs) throws Exception {
        Path file = dir.resolve("resumable.nnx");
        Files.writeString(file, text);
        Path whole = dir.resolve("whole");
        Path killed = dir.resolve("killed");
        Process uninterrupted = nnx("run", file.toString(), "--out", whole.toString());
        assertEquals(0, finish(uninterrupted));
        // Somewhere in the third of five epochs.
        killWhileTraining(file, killed, runs, 2);
        resumeAndCompare(file, whole, killed, runs);
    }

    /**
     * Starts {@code nnx run}, kills it a random share of a checkpoint's interval after its {@code checkpoints}-th
     * checkpoint, and returns the first run's checkpoint file.
     */
    private Path killWhileTraining(Path file, Path killed, List<String> runs, int checkpoints) throws Exception {
        Process victim = nnx("run", file.toString(), "--out", killed.toString());
        Path experiment = killed.resolve("resumable");
        Path checkpoint = experiment.resolve("runs").resolve(runs.get(0)).resolve("checkpoint.safetensors");
        Object seen = nextCheckpoint(victim, checkpoint, null);
        long lastSeen = System.nanoTime();
        long intervalNanos = 0;
        for (int n = 2; n <= checkpoints; n++) {
            seen = nextCheckpoint(victim, checkpoint, seen);
            intervalNanos = System.nanoTime() - lastSeen;
            lastSeen = System.nanoTime();
        }
        Thread.sleep((long) (new Random().nextDouble() * 0.6 * intervalNanos / 1_000_000));
        assertTrue(victim.isAlive(), "nnx ended before it could be killed");
        victim.destroyForcibly();
        assertTrue(victim.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, victim.exitValue(), "killed by SIGKILL");
        return checkpoint;
    }

    /** {@code nnx run --resume} in {@code killed}: every run's rows and weights as in {@code whole}. */
    private void resumeAndCompare(Path file, Path whole, Path killed, List<String> runs) throws Exception {
        Path experiment = killed.resolve("resumable");
        for (String run : runs) {
            assertFalse(
                    Files.exists(experiment.resolve("runs").resolve(run).resolve("model.safetensors")),
                    run + " had not ended when it was killed");
        }

        assertEquals(0, finish(nnx("run", file.toString(), "--out", killed.toString(), "--resume")));
        for (String run : runs) {
            Path a = whole.resolve("resumable").resolve("runs").resolve(run);
            Path b = experiment.resolve("runs").resolve(run);
            assertSameRowsAndWeights(a, b, run);
            if (Files.exists(a.resolve("best.safetensors"))) {
                assertArrayEquals(
                        Files.readAllBytes(a.resolve("best.safetensors")),
                        Files.readAllBytes(b.resolve("best.safetensors")),
                        run + ": the best evaluation's weights, bit for bit");
            }
            assertFalse(Files.exists(b.resolve("checkpoint.safetensors")), "an ended run's checkpoint is removed");
        }
    }

    /**
     * A halving search killed once some trials have ended and another has a checkpoint: resumed, it ends with
     * the summary (statuses, rungs, reasons) and every trial's rows and weights of the search never killed, and
     * the trials that had ended are not trained again (their files are as they were, times included).
     */
    @Test
    void aHalvingSearchKilledMidwayResumesToTheSameTrialsRungsAndRows() throws Exception {
        Path file = dir.resolve("resumable.nnx");
        Files.writeString(file, HALVING);
        Path whole = dir.resolve("whole");
        assertEquals(0, finish(nnx("run", file.toString(), "--out", whole.toString())));
        String summary = Files.readString(whole.resolve("resumable/summary.csv"));
        assertTrue(summary.contains(",pruned,") && summary.contains(",ok,"), summary);
        List<String> trials;
        try (var folders = Files.list(whole.resolve("resumable/runs"))) {
            trials = folders.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(6, trials.size());
        for (int attempt = 1; ; attempt++) {
            Path killed = dir.resolve("killed-" + attempt);
            Map<String, String> ended = killWhenATrialEndedAndAnotherCheckpointed(file, killed);
            if (ended != null) {
                assertEquals(0, finish(nnx("run", file.toString(), "--out", killed.toString(), "--resume")));
                Path experiment = killed.resolve("resumable");
                assertEquals(
                        withoutColumns(summary, "seconds", "samples_per_second"),
                        withoutColumns(
                                Files.readString(experiment.resolve("summary.csv")), "seconds", "samples_per_second"),
                        "the summary: statuses, rungs and reasons");
                for (String trial : trials) {
                    Path a = whole.resolve("resumable/runs").resolve(trial);
                    Path b = experiment.resolve("runs").resolve(trial);
                    assertSameRowsAndWeights(a, b, trial);
                    if (ended.containsKey(trial)) {
                        assertEquals(
                                ended.get(trial),
                                Files.readString(b.resolve("metrics.csv")),
                                trial + " had ended: not trained again");
                    }
                }
                return;
            }
            assertTrue(attempt < 3, "three searches in a row ended before they could be killed midway");
        }
    }

    /**
     * Starts the halving search and kills it with SIGKILL once the summary lists a trial that ended and another
     * trial has a checkpoint; returns the metrics files of the trials that had ended, by folder, or null when the
     * search ended first.
     */
    private Map<String, String> killWhenATrialEndedAndAnotherCheckpointed(Path file, Path killed) throws Exception {
        Process victim = nnx("run", file.toString(), "--out", killed.toString());
        Path experiment = killed.resolve("resumable");
        while (victim.isAlive()) {
            Path summary = experiment.resolve("summary.csv");
            List<String> done = List.of();
            if (Files.isRegularFile(summary)) {
                done = CliHarness.csvRows(summary).stream()
                        .map(r -> r.get("run"))
                        .toList();
            }
            if (!done.isEmpty() && hasCheckpointBesides(experiment.resolve("runs"), done)) {
                victim.destroyForcibly();
                assertTrue(victim.waitFor(30, TimeUnit.SECONDS));
                if (victim.exitValue() != 137) {
                    return null;
                }
                // Read again: a trial may have ended between the look and the kill.
                Map<String, String> ended = new java.util.HashMap<>();
                for (CSVRecord row : CliHarness.csvRows(summary)) {
                    ended.put(
                            row.get("run"),
                            Files.readString(experiment
                                    .resolve("runs")
                                    .resolve(row.get("run"))
                                    .resolve("metrics.csv")));
                }
                return ended;
            }
            Thread.sleep(2);
        }
        finish(victim);
        return null;
    }

    /** Whether a trial not among {@code ended} has a checkpoint. */
    private static boolean hasCheckpointBesides(Path runs, List<String> ended) throws IOException {
        try (var folders = Files.list(runs)) {
            return folders.anyMatch(f ->
                    !ended.contains(f.getFileName().toString()) && Files.isRegularFile(f.resolve(CheckpointFile.NAME)));
        }
    }

    @Test
    void resumeRefusesAFolderWrittenWithAnotherSeedNamingTheRuns() throws Exception {
        Path file = dir.resolve("resumable.nnx");
        Files.writeString(file, ONE_RUN.replace("epochs 3", "iterations 5").replace("limit = 4000", "limit = 200"));
        Path out = dir.resolve("out");
        assertEquals(0, finish(nnx("run", file.toString(), "--out", out.toString())));
        byte[] before = Files.readAllBytes(out.resolve("resumable/runs/resumable/metrics.csv"));
        Files.writeString(file, Files.readString(file).replace("seed 11", "seed 12"));
        Process refused = nnx("run", file.toString(), "--out", out.toString(), "--resume");
        String output = new String(refused.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, finish(refused), output);
        assertTrue(
                output.contains("nnx: error: --resume: " + out.resolve("resumable")
                        + " holds runs written by other settings than " + file + "'s: resumable; nnx will not"
                        + " overwrite them (use another --out)\n"),
                output);
        assertArrayEquals(before, Files.readAllBytes(out.resolve("resumable/runs/resumable/metrics.csv")));
    }

    /** Waits for a checkpoint file other than {@code previous} (a new file is renamed over the old one). */
    private static Object nextCheckpoint(Process victim, Path checkpoint, Object previous) throws Exception {
        while (true) {
            assertTrue(victim.isAlive(), "nnx ended before its checkpoints");
            try {
                Object key = Files.readAttributes(checkpoint, BasicFileAttributes.class)
                        .fileKey();
                if (!key.equals(previous)) {
                    return key;
                }
            } catch (NoSuchFileException e) {
                // Not written yet.
            }
            Thread.sleep(2);
        }
    }

    /** The run folders {@code a} and {@code b} hold the same metrics rows (times aside) and the same weights. */
    private static void assertSameRowsAndWeights(Path a, Path b, String run) throws IOException {
        assertEquals(
                withoutSeconds(Files.readString(a.resolve("metrics.csv"))),
                withoutSeconds(Files.readString(b.resolve("metrics.csv"))),
                run + ": every metrics row");
        assertArrayEquals(
                Files.readAllBytes(a.resolve("model.safetensors")),
                Files.readAllBytes(b.resolve("model.safetensors")),
                run + ": the weights, bit for bit");
    }

    /** The metrics without the column that says when each row was written, which no rerun repeats. */
    static String withoutSeconds(String metrics) {
        return withoutColumns(metrics, "seconds");
    }

    /** The CSV text without the named columns, each of which it must have. */
    static String withoutColumns(String text, String... names) {
        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.parse(text, CSVFormat.DEFAULT)) {
            records = parser.getRecords();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<String> header = records.get(0).toList();
        List<Integer> dropped = new java.util.ArrayList<>();
        for (String name : names) {
            assertTrue(header.contains(name), "a " + name + " column: " + header);
            dropped.add(header.indexOf(name));
        }
        StringBuilder kept = new StringBuilder();
        for (CSVRecord record : records) {
            List<String> fields = new java.util.ArrayList<>();
            for (int i = 0; i < record.size(); i++) {
                if (!dropped.contains(i)) {
                    fields.add(record.get(i));
                }
            }
            kept.append(fields).append('\n');
        }
        return kept.toString();
    }

    private Process nnx(String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(
                List.of(java, "-cp", System.getProperty("java.class.path"), "org.nnx.cli.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("NNX_BLAS", "java");
        builder.redirectOutput(ProcessBuilder.Redirect.PIPE);
        return builder.start();
    }

    private static int finish(Process process) throws Exception {
        process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertTrue(process.waitFor(300, TimeUnit.SECONDS), "nnx did not end");
        return process.exitValue();
    }
}
