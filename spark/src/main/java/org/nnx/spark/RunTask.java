package org.nnx.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.function.Function;
import org.nnx.cli.RunReplay;
import org.nnx.cli.Worker;
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
        String firstCommand)
        implements Function<Integer, TaskOutcome> {

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
        List<String> lines = new ArrayList<>();
        int[] lastCheckpoint = {-1};
        Worker.train(args, firstCommand, new StopSignal(), line -> {
            // Each checkpoint holds the rows so far: the run's messages would grow with the square of its steps.
            if (RunReplay.isCheckpoint(line)) {
                if (lastCheckpoint[0] >= 0) {
                    lines.remove(lastCheckpoint[0]);
                }
                lastCheckpoint[0] = lines.size();
            }
            lines.add(line);
        });
        SparkEnv env = SparkEnv.get();
        return new TaskOutcome(
                env.executorId(), env.blockManager().blockManagerId().host(), lines);
    }
}
