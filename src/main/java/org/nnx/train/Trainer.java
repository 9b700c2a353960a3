package org.nnx.train;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.nnx.model.GradientMode;
import org.nnx.model.RunConfig;
import org.nnx.model.RunPlan;
import org.nnx.registry.ComponentRegistry;
import org.nnx.spi.Dataset;
import org.nnx.tensor.Blas;
import org.nnx.tensor.CorePair;
import org.nnx.tensor.SplitBlas;

/**
 * Trains one run: mini-batch gradient descent, with periodic evaluation on the training, validation and test
 * sets. The run is set up by {@link TrainingSetup}, trained a {@link TrainingStep} at a time, evaluated when its
 * {@link EvaluationSchedule} says, and ends early when its loss diverges ({@link Divergence#EXPERIMENTS}), when
 * {@code early_stop} says so, or when the user stops it. Randomness comes from the run's seed alone, split into
 * independent streams for initial weights (and dropout masks), for batches and for the validation hold-out.
 *
 * <p>What a run's settings do here: {@code weight_decay λ} adds {@code λ·W} to the gradient of every parameter
 * that decays and {@code λ/2·Σ‖W‖²} to every reported loss; {@code validation F} holds out part of the training
 * set ({@link HoldOut}), which then neither trains nor counts as training accuracy; {@code early_stop} ends a run
 * that is still ok, saying why in its reason ({@link EarlyStopping}); {@code gradient numerical(h)} computes the
 * gradients by central differences ({@link NumericalGradient}); {@code gradient check(tolerance)} compares
 * backprop with central differences before training ({@link NetworkGradientCheck}), records each parameter
 * tensor's largest error and names the ones above the tolerance in the reason, then trains by backprop.
 */
public final class Trainer {
    private final ComponentRegistry registry;
    private final Map<Dataset, String> checksums = Collections.synchronizedMap(new IdentityHashMap<>());
    private final StopSignal stop;

    public Trainer(ComponentRegistry registry, StopSignal stop) {
        this.registry = registry;
        this.stop = stop;
    }

    public RunResult train(RunPlan run, Dataset dataset, TrainingListener listener, int index, int runCount) {
        return train(run, dataset, listener, index, runCount, null, trained -> {});
    }

    /**
     * {@link #train} on the calling thread and the second core of {@code cores}: a run that trains alone splits
     * its matrix products ({@link SplitBlas}, when the BLAS is native with one thread), its long elementwise
     * loops ({@link org.nnx.tensor.SplitLoop}) and its batch fills in halves, one a core. The numbers do not
     * depend on timing; with OpenBLAS they may differ in the last bits from a run on one core, as the halves of
     * a product round differently from the whole.
     */
    public RunResult train(
            RunPlan run, Dataset dataset, TrainingListener listener, int index, int runCount, CorePair cores) {
        return train(run, dataset, listener, index, runCount, cores, trained -> {});
    }

    /** {@link #train} that also hands the trained network to {@code trained} (when it was built), for tests. */
    RunResult train(
            RunPlan run,
            Dataset dataset,
            TrainingListener listener,
            int index,
            int runCount,
            CorePair cores,
            Consumer<Network> trained) {
        // Numerical gradients have threads of their own: such a run keeps to its one core.
        boolean numerical = run.config().gradient().kind() == GradientMode.Kind.NUMERICAL;
        CorePair pair = numerical ? null : cores;
        if (pair == null) {
            return trainOn(run, dataset, listener, index, runCount, trained);
        }
        Blas.useOnThisThread(SplitBlas.over(Blas.current(), pair).orElse(null));
        CorePair.useOnThisThread(pair);
        try {
            return trainOn(run, dataset, listener, index, runCount, trained);
        } finally {
            Blas.useOnThisThread(null);
            CorePair.useOnThisThread(null);
        }
    }

    /** Trains on the calling thread, with the BLAS and core pair it was given (both thread-local). */
    private RunResult trainOn(
            RunPlan run,
            Dataset dataset,
            TrainingListener listener,
            int index,
            int runCount,
            Consumer<Network> trained) {
        long started = System.nanoTime();
        RunConfig config = run.config();
        Map<String, String> provenance = provenance(config, dataset);
        provenance.putAll(PluginProvenance.of(registry, config));
        RunRecord record = new RunRecord(row -> listener.recorded(run, row));
        TrainingSetup setup = null;
        try {
            setup = TrainingSetup.prepare(registry, config, dataset);
            setup.notes().forEach(record::note);
            listener.runStarted(run, index, runCount, setup.schedule().iterations());
            try (TrainingStep step = setup.newStep()) {
                iterate(setup, step, record, listener, started);
            }
        } catch (Throwable e) {
            record.fail(RunFailure.reason(e), RunFailure.trace(e));
        }
        if (setup != null) {
            trained.accept(setup.network());
        }
        RunResult result = record.result(run)
                .seconds((System.nanoTime() - started) / 1e9)
                .provenance(new Provenance(provenance))
                .gradientCheck(setup == null ? Map.of() : setup.gradientCheck())
                .build();
        listener.runFinished(result);
        return result;
    }

    /** The iterations: each a step, then the divergence rule, the evaluation when due, and early stopping. */
    private void iterate(
            TrainingSetup setup, TrainingStep step, RunRecord record, TrainingListener listener, long started) {
        long iterations = setup.schedule().iterations();
        Evaluator evaluator = new Evaluator();
        double firstLoss = Double.NaN;

        for (long iteration = 1; iteration <= iterations; iteration++) {
            if (stop.requested()) {
                record.end(
                        RunStatus.STOPPED,
                        "stopped by the user after " + (iteration - 1) + " of " + iterations + " iterations");
                return;
            }
            double batchLoss = step.take(iteration < iterations);
            record.stepped(batchLoss, step.samplesPerSecond());
            double epoch = (double) step.samples() / setup.training().size();
            if (iteration == 1) {
                firstLoss = batchLoss;
            }
            MetricsRow row = new MetricsRow(
                    iteration,
                    epoch,
                    batchLoss,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    secondsSince(started));
            if (Divergence.EXPERIMENTS.exceeded(batchLoss, firstLoss)) {
                record.add(row);
                record.end(
                        RunStatus.DIVERGED,
                        String.format(Locale.ROOT, "loss became %.4g at iteration %d", batchLoss, iteration));
                return;
            }
            boolean stopEarly = false;
            if (setup.schedule().due(iteration)) {
                stopEarly = evaluate(setup, evaluator, row, record, listener, started);
            } else {
                record.add(row);
            }
            listener.iterationDone(iteration, batchLoss, step.samplesPerSecond());
            if (stopEarly) {
                record.note(setup.earlyStopping().reason(iteration));
                return;
            }
        }
    }

    /** Evaluates after the step of {@code row}, records the row with the evaluation; true to stop early. */
    private static boolean evaluate(
            TrainingSetup setup,
            Evaluator evaluator,
            MetricsRow row,
            RunRecord record,
            TrainingListener listener,
            long started) {
        Evaluations evaluations = Evaluations.of(evaluator, setup);
        MetricsRow evaluated = evaluations.row(row.iteration(), row.epoch(), row.loss(), secondsSince(started));
        record.addEvaluated(evaluated);
        listener.evaluated(evaluated);
        EarlyStopping earlyStopping = setup.earlyStopping();
        return earlyStopping.shouldStop(evaluations.watched(earlyStopping));
    }

    private static double secondsSince(long started) {
        return (System.nanoTime() - started) / 1e9;
    }

    private Map<String, String> provenance(RunConfig config, Dataset dataset) {
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("nnx", Version.current());
        provenance.put("jdk", System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
        provenance.put("blas", Blas.current().name());
        provenance.put("dataset", dataset.description());
        // Hashed once per loaded dataset: the runs of a sweep share it.
        provenance.put("dataset sha256", checksums.computeIfAbsent(dataset, DatasetChecksum::of));
        provenance.put("seed", Long.toString(config.seed()));
        return provenance;
    }
}
