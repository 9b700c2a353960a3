package org.nnx.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.function.Function;
import org.nnx.cli.RunReplay;
import org.nnx.cli.Worker;
import org.nnx.files.AtomicFile;
import org.nnx.train.Checkpoint;
import org.nnx.train.StopSignal;

/**
 * One run of a plan, trained on an executor as a worker process trains it ({@link Worker#train}): the executor
 * checks the run's file again and trains the run of that name and index. Each path is the driver's when the
 * executor sees it (the same machine, or shared storage), else the copy shipped with the job ({@link
 * Shipment}).
 *
 * @param file         the run's {@code .nnx} file
 * @param cores        the run's cores ({@code spark.task.cpus}): a core group of that many threads when 2 or more
 * @param chooseBlas   whether the executor chooses its BLAS backend as nnx does
 * @param lockFile     {@code plugins.lock}, as the driver names it
 * @param pluginFolders the driver's plugin folders, each with the name of its shipped copy
 * @param firstCommand {@code start}, or {@code resume BASE64} with the checkpoint to go on from
 * @param checkpointFile where the executor keeps the run's last checkpoint, for a retry of the task to go on from
 *                     it; a retry on an executor that cannot read it (no shared storage) starts from the start
 */
record RunTask(
        Shipment.Shipped file,
        String experiment,
        int index,
        String runName,
        int cores,
        boolean chooseBlas,
        Shipment.Shipped lockFile,
        List<Shipment.Shipped> pluginFolders,
        String firstCommand,
        String checkpointFile)
        implements Function<Integer, TaskOutcome> {
    /** At most one checkpoint file written in this time: writing each would cost a short epoch more than it. */
    private static final long CHECKPOINT_FILE_NANOS = 1_000_000_000L;

    @Override
    public TaskOutcome call(Integer ignored) {
        List<String> args = new ArrayList<>();
        args.add(file.here().toString());
        args.add(experiment);
        args.add(Integer.toString(index));
        args.add(runName);
        args.add(Integer.toString(cores));
        args.add(Boolean.toString(chooseBlas));
        args.add(lockFile.here().toString());
        pluginFolders.forEach(folder -> args.add(folder.here().toString()));
        Path store = Path.of(checkpointFile);
        Optional<Checkpoint> stored = stored(store);
        String command = firstCommand;
        if (stored.isPresent()) {
            try {
                command = RunReplay.firstCommand(stored);
            } catch (IOException e) {
                stored = Optional.empty();
            }
        }
        Optional<Checkpoint> resumed = stored;
        List<String> lines = new ArrayList<>();
        int[] lastCheckpoint = {-1};
        long[] lastWritten = {System.nanoTime() - CHECKPOINT_FILE_NANOS};
        Worker.train(args, command, new StopSignal(), line -> {
            // Each checkpoint holds the rows so far: the run's messages would grow with the square of its steps.
            if (RunReplay.isCheckpoint(line)) {
                if (lastCheckpoint[0] >= 0) {
                    lines.remove(lastCheckpoint[0]);
                }
                lastCheckpoint[0] = lines.size();
                lastWritten[0] = keep(store, line, lastWritten[0]);
            }
            lines.add(line);
            if (resumed.isPresent() && RunReplay.isStarted(line)) {
                // The driver heard nothing of the attempt that made the checkpoint: it needs the rows before it.
                lines.addAll(RunReplay.recordedLines(resumed.get()));
            }
        });
        SparkEnv env = SparkEnv.get();
        return new TaskOutcome(
                env.executorId(),
                env.blockManager().blockManagerId().host(),
                lines,
                resumed.map(Checkpoint::iteration).orElse(0L));
    }

    /** The checkpoint an earlier attempt of this task left; empty when none is there or this executor cannot read it. */
    private static Optional<Checkpoint> stored(Path store) {
        try {
            return Files.isRegularFile(store)
                    ? Optional.of(RunReplay.checkpointOf(Files.readString(store)))
                    : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Writes the checkpoint's message to the run's checkpoint file, at most once in {@link #CHECKPOINT_FILE_NANOS};
     * when was last written.
     */
    private static long keep(Path store, String line, long lastWritten) {
        long now = System.nanoTime();
        if (now - lastWritten < CHECKPOINT_FILE_NANOS) {
            return lastWritten;
        }
        try {
            Files.createDirectories(store.getParent());
            AtomicFile.writeString(store, line);
        } catch (IOException | RuntimeException e) {
            // A folder this executor cannot write: a retry trains the run from its start.
        }
        return now;
    }
}
