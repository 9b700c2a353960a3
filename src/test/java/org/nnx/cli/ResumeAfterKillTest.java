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
import java.util.Random;
import java.util.concurrent.TimeUnit;
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
            assertEquals(
                    withoutSeconds(Files.readString(a.resolve("metrics.csv"))),
                    withoutSeconds(Files.readString(b.resolve("metrics.csv"))),
                    run + ": every metrics row");
            assertArrayEquals(
                    Files.readAllBytes(a.resolve("model.safetensors")),
                    Files.readAllBytes(b.resolve("model.safetensors")),
                    run + ": the weights, bit for bit");
            if (Files.exists(a.resolve("best.safetensors"))) {
                assertArrayEquals(
                        Files.readAllBytes(a.resolve("best.safetensors")),
                        Files.readAllBytes(b.resolve("best.safetensors")),
                        run + ": the best evaluation's weights, bit for bit");
            }
            assertFalse(Files.exists(b.resolve("checkpoint.safetensors")), "an ended run's checkpoint is removed");
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

    /** The metrics without the column that says when each row was written, which no rerun repeats. */
    static String withoutSeconds(String metrics) {
        List<String> lines = metrics.lines().toList();
        int seconds = List.of(lines.get(0).split(",", -1)).indexOf("seconds");
        assertTrue(seconds >= 0, "a seconds column: " + lines.get(0));
        StringBuilder kept = new StringBuilder();
        for (String line : lines) {
            List<String> fields = new java.util.ArrayList<>(List.of(line.split(",", -1)));
            fields.remove(seconds);
            kept.append(String.join(",", fields)).append('\n');
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
