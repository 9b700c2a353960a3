package org.nnx.train;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.nnx.model.ExperimentPlan;
import org.nnx.model.GradientMode;
import org.nnx.model.RunConfig;
import org.nnx.model.RunPlan;
import org.nnx.registry.DatasetLoader;
import org.nnx.spi.Dataset;
import org.nnx.spi.DatasetContext;
import org.nnx.spi.DatasetException;
import org.nnx.tensor.CoreGroup;

/**
 * Trains every run of an experiment; a run that fails or diverges does not stop the others. Runs are
 * independent, so with {@code cores > 1} they train side by side, as many at once as there are cores (and as
 * fit in memory), each with a single-threaded BLAS: runs side by side use the cores better than one run's work
 * cut ever finer. When there are more cores than runs at once, each run gets a {@link CoreGroup} of its share,
 * {@code cores / runs at once} threads: a run that trains alone gets them all. Every run's numbers are the same
 * from one invocation to the next at a given share; elementwise loops and batch fills give the same bits at
 * any share, and native products may differ in the last bits between shares, as their parts round differently.
 */
public final class ExperimentRunner {
    /** Sample images of each class the report shows, for image data. */
    static final int SAMPLES_PER_CLASS = 10;

    private final Trainer trainer;
    private final DatasetLoader datasets;
    private final StopSignal stop;
    private final int cores;
    private final RunIsolation isolation;

    /** Runs one after another, on one core. */
    public ExperimentRunner(Trainer trainer, DatasetLoader datasets, StopSignal stop) {
        this(trainer, datasets, stop, 1);
    }

    /** @param cores the threads the experiment may train on: runs side by side, or a run's core group */
    public ExperimentRunner(Trainer trainer, DatasetLoader datasets, StopSignal stop, int cores) {
        this(trainer, datasets, stop, cores, RunIsolation.NONE);
    }

    /** @param isolation which runs train in a process of their own (those that use a plugin), and how */
    public ExperimentRunner(
            Trainer trainer, DatasetLoader datasets, StopSignal stop, int cores, RunIsolation isolation) {
        this.trainer = trainer;
        this.datasets = datasets;
        this.stop = stop;
        this.cores = Math.max(1, Math.min(CoreGroup.MAX_SIZE, cores));
        this.isolation = isolation;
    }

    public ExperimentResult run(ExperimentPlan plan, TrainingListener listener) {
        return run(plan, listener, Resumption.NONE);
    }

    /**
     * Trains the plan's runs, but not those {@code resumption} says ended already (their earlier results stand),
     * and each of the others from its last checkpoint when it has one.
     */
    public ExperimentResult run(ExperimentPlan plan, TrainingListener listener, Resumption resumption) {
        List<RunPlan> runs = plan.runs();
        // Numerical gradients use both cores within a run already.
        boolean numerical =
                runs.stream().anyMatch(r -> !r.fails() && r.config().gradient().kind() == GradientMode.Kind.NUMERICAL);
        int threads = numerical ? 1 : Math.min(Math.min(cores, runs.size()), fitTogether(runs));
        // The cores runs side by side leave over go to their groups. With a multi-threaded BLAS, cores is 1 and
        // the BLAS has them.
        int share = numerical ? 1 : cores / threads;
        DataOverview data = overview(plan);
        SearchControl search = SearchControl.of(plan, Instant::now);
        List<RunResult> results = new ArrayList<>();
        if (threads == 1) {
            try (CoreGroup group = share > 1 ? new CoreGroup(share) : null) {
                for (int i = 0; i < runs.size(); i++) {
                    results.add(runOne(plan, i, listener, group, share, resumption, search));
                }
            }
            return new ExperimentResult(plan, results, data);
        }
        TrainingListener boundaries = new RunBoundaries(listener);
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "nnx-run");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<RunResult>> futures = new ArrayList<>();
            for (int i = 0; i < runs.size(); i++) {
                int index = i;
                futures.add(pool.submit(() -> runInShare(plan, index, boundaries, share, resumption, search)));
            }
            for (int i = 0; i < runs.size(); i++) {
                results.add(resultOf(futures.get(i), runs.get(i)));
            }
        } finally {
            pool.shutdownNow();
        }
        return new ExperimentResult(plan, results, data);
    }

    /**
     * How many of the plan's runs fit in memory at once, by the analysis' estimate of each: side by side they
     * must not take together more than the heap holds, or one that fits alone runs out of memory.
     */
    static int fitTogether(List<RunPlan> runs) {
        long largest = runs.stream().mapToLong(RunPlan::memoryBytes).max().orElse(0);
        if (largest <= 0) {
            return Integer.MAX_VALUE;
        }
        Runtime runtime = Runtime.getRuntime();
        long free = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, free / largest));
    }

    /** A run side by side with others, on a group of its {@code share} of the cores when that is 2 or more. */
    private RunResult runInShare(
            ExperimentPlan plan,
            int index,
            TrainingListener listener,
            int share,
            Resumption resumption,
            SearchControl search) {
        if (share < 2 || isolated(plan, plan.runs().get(index))) {
            // An isolated run makes its core group in its own process.
            return runOne(plan, index, listener, null, share, resumption, search);
        }
        try (CoreGroup group = new CoreGroup(share)) {
            return runOne(plan, index, listener, group, share, resumption, search);
        }
    }

    private RunResult runOne(
            ExperimentPlan plan,
            int index,
            TrainingListener listener,
            CoreGroup cores,
            int share,
            Resumption resumption,
            SearchControl search) {
        try {
            return runOne(plan, index, listener, cores, share, resumption, search.gate(index), search.admit(index));
        } finally {
            search.ended(index);
        }
    }

    /**
     * Whether the run trains in a process of its own. A trial of successive halving does so only where it can ask
     * this process at each rung: whether it is pruned is decided from the other trials, here.
     */
    private boolean isolated(ExperimentPlan plan, RunPlan run) {
        return (plan.search().halving().isEmpty() || isolation.asksAtRungs())
                && run.config() != null
                && isolation.isolates(run);
    }

    /** @param refused why the search does not start the run, or empty when it may */
    private RunResult runOne(
            ExperimentPlan plan,
            int index,
            TrainingListener listener,
            CoreGroup cores,
            int share,
            Resumption resumption,
            RunGate gate,
            Optional<String> refused) {
        RunPlan run = plan.runs().get(index);
        Optional<RunResult> ended = resumption.finished(run);
        if (ended.isPresent()) {
            replayRulings(plan, run, gate, ended.get());
            return finished(listener, ended.get());
        }
        if (stop.requested()) {
            return finished(
                    listener, RunResult.notRun(run, RunStatus.STOPPED, "stopped by the user before it started"));
        }
        if (refused.isPresent()) {
            return finished(listener, RunResult.notRun(run, RunStatus.SKIPPED, refused.get()));
        }
        if (isolated(plan, run)) {
            return isolation.train(new IsolatedRun(plan, index, share, resumption.checkpoint(run), gate), listener);
        }
        return train(plan, index, listener, cores, resumption.checkpoint(run), gate);
    }

    /**
     * A trial of successive halving that ended in an earlier process is not trained again, but the search hears
     * its rulings again from its rows: the trials after it are ruled on with its values at each rung, as they
     * were then. Its rows were recorded with the same data, so the data loads as it did.
     */
    private void replayRulings(ExperimentPlan plan, RunPlan run, RunGate gate, RunResult earlier) {
        if (gate == RunGate.NONE || run.config() == null || earlier.metrics().isEmpty()) {
            return;
        }
        int trainingSize;
        try {
            int size = load(plan, run.config()).train().size();
            trainingSize = size - RunConfig.heldOut(size, run.config().validation());
        } catch (DatasetException | RuntimeException e) {
            // The runs still to train fail on the same data and say why.
            return;
        }
        long perEpoch = Trainer.iterationsPerEpoch(trainingSize, run.config().batchSize());
        // The last row was ruled on only if the trial was pruned there: one that diverged or stopped early at a
        // rung ended before its ruling, and one that trained to the end has no rung at its last row.
        gate.replay(earlier.metrics(), perEpoch, earlier.status() == RunStatus.PRUNED);
    }

    /**
     * Trains the plan's run {@code index} in this process, on a core group of this runner's cores when they are 2
     * or more, whichever run it is: how a worker process trains the run it was given.
     */
    public RunResult trainHere(
            ExperimentPlan plan, int index, TrainingListener listener, Optional<Checkpoint> resumeFrom) {
        return trainHere(plan, index, listener, resumeFrom, RunGate.NONE);
    }

    /** As {@link #trainHere(ExperimentPlan, int, TrainingListener, Optional)}, ruled on at {@code gate}'s rungs. */
    public RunResult trainHere(
            ExperimentPlan plan, int index, TrainingListener listener, Optional<Checkpoint> resumeFrom, RunGate gate) {
        try (CoreGroup group = cores > 1 ? new CoreGroup(cores) : null) {
            return train(plan, index, listener, group, resumeFrom, gate);
        }
    }

    private RunResult train(
            ExperimentPlan plan,
            int index,
            TrainingListener listener,
            CoreGroup cores,
            Optional<Checkpoint> resumeFrom,
            RunGate gate) {
        RunPlan run = plan.runs().get(index);
        if (run.fails()) {
            // It names what cannot be used (and has no config): it fails without training, here or in a worker.
            return finished(listener, RunResult.notRun(run, RunStatus.FAILED, run.failure()));
        }
        Dataset dataset;
        try {
            dataset = load(plan, run.config());
        } catch (DatasetException e) {
            return finished(listener, RunResult.notRun(run, RunStatus.FAILED, e.getMessage()));
        } catch (Throwable e) {
            return finished(
                    listener,
                    RunResult.builder(run, RunStatus.FAILED)
                            .reason(RunFailure.reason(e))
                            .trace(RunFailure.trace(e))
                            .build());
        }
        return trainer.train(run, dataset, listener, index, plan.runs().size(), cores, resumeFrom.orElse(null), gate);
    }

    private static RunResult finished(TrainingListener listener, RunResult result) {
        listener.runFinished(result);
        return result;
    }

    private static RunResult resultOf(Future<RunResult> future, RunPlan run) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            // Trainer catches what a run throws; this is what escapes even that, a listener's failure say.
            return RunResult.builder(run, RunStatus.FAILED)
                    .reason(RunFailure.reason(e.getCause()))
                    .trace(RunFailure.trace(e.getCause()))
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RunResult.notRun(run, RunStatus.STOPPED, "interrupted");
        }
    }

    /** The first run that trains: one that fails without training has no data. */
    public static Optional<RunPlan> firstTraining(ExperimentPlan plan) {
        return plan.runs().stream()
                .filter(run -> !run.fails() && run.config() != null)
                .findFirst();
    }

    /**
     * What the report shows of the first training run's data. A plugin's data is summarized in a process of its
     * own where runs that use a plugin train in one: plugin code runs in this process only while the file is
     * checked.
     */
    private DataOverview overview(ExperimentPlan plan) {
        Optional<RunPlan> first = firstTraining(plan);
        if (first.isEmpty()) {
            return new DataOverview(Optional.empty(), Optional.empty(), Optional.empty());
        }
        if (isolation.isolatesData(first.get())) {
            return isolation.data(plan, plan.runs().indexOf(first.get()));
        }
        return overview(plan, first.get(), datasets, false);
    }

    /**
     * What the report shows of run {@code index}'s data, made in this process: how a process of its own
     * summarizes a plugin's data.
     */
    public static DataOverview overviewHere(ExperimentPlan plan, int index, DatasetLoader datasets) {
        return overview(plan, plan.runs().get(index), datasets, true);
    }

    /** @param saysWhy whether a summary that cannot be made says why, or is only left out */
    private static DataOverview overview(ExperimentPlan plan, RunPlan run, DatasetLoader datasets, boolean saysWhy) {
        Dataset dataset;
        try {
            dataset = load(plan, run.config(), datasets);
        } catch (DatasetException | RuntimeException e) {
            // That run fails and says why.
            return new DataOverview(Optional.empty(), Optional.empty(), Optional.empty());
        }
        Optional<DatasetSummary> summary;
        Optional<String> unavailable = Optional.empty();
        try {
            summary = Optional.of(DatasetSummary.of(
                    dataset,
                    RunConfig.heldOut(dataset.train().size(), run.config().validation()),
                    SAMPLES_PER_CLASS));
        } catch (RuntimeException e) {
            summary = Optional.empty();
            if (saysWhy) {
                unavailable = Optional.of(RunFailure.reason(e));
            }
        }
        return new DataOverview(summary, baselines(dataset), unavailable);
    }

    /** What no learning scores on the data, once for all runs of the experiment. */
    private static Optional<Baselines> baselines(Dataset dataset) {
        try {
            return Optional.of(Baselines.of(dataset));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private Dataset load(ExperimentPlan plan, RunConfig config) throws DatasetException {
        return load(plan, config, datasets);
    }

    private static Dataset load(ExperimentPlan plan, RunConfig config, DatasetLoader datasets) throws DatasetException {
        var baseDirectory = plan.source().toAbsolutePath().getParent();
        return datasets.load(
                config.dataset().name(),
                config.dataset().arguments(),
                new DatasetContext(baseDirectory, config.seed()));
    }

    /**
     * What a display can follow of runs that train at the same time: when each starts and ends, one call at a
     * time. Iteration progress would interleave into nonsense, so it is not passed on.
     */
    private static final class RunBoundaries implements TrainingListener {
        private final TrainingListener listener;

        RunBoundaries(TrainingListener listener) {
            this.listener = listener;
        }

        @Override
        public synchronized void runStarted(RunPlan run, int index, int runCount, long iterations) {
            listener.runStarted(run, index, runCount, iterations);
        }

        @Override
        public synchronized void runFinished(RunResult result) {
            listener.runFinished(result);
        }

        @Override
        public void tested(RunPlan run, TestOutcome outcome) {
            listener.tested(run, outcome);
        }

        @Override
        public void modelDescribed(RunPlan run, ModelDescription description) {
            listener.modelDescribed(run, description);
        }

        @Override
        public void checkpointed(RunPlan run, Checkpoint checkpoint) {
            listener.checkpointed(run, checkpoint);
        }

        @Override
        public boolean wantsCheckpoints() {
            return listener.wantsCheckpoints();
        }

        /** From each run's own thread, like its rows: the listener keeps runs apart. */
        @Override
        public void modelTrained(RunPlan run, TrainedModel model) {
            listener.modelTrained(run, model);
        }

        @Override
        public void bestKept(RunPlan run, TrainedModel model, MetricsRow at) {
            listener.bestKept(run, model, at);
        }

        /** Each run's rows go on at once, from each run's thread: the listener keeps runs apart. */
        @Override
        public void recorded(RunPlan run, MetricsRow row) {
            listener.recorded(run, row);
        }
    }
}
