package org.nnx.train;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.nnx.model.GradientMode;
import org.nnx.model.RunConfig;
import org.nnx.model.RunPlan;
import org.nnx.registry.ComponentRegistry;
import org.nnx.spi.Dataset;
import org.nnx.tensor.Blas;
import org.nnx.tensor.BlasSelection;
import org.nnx.tensor.CoreGroup;
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

    /** Handed each trained network (when it was built); tests read its weights. */
    private final Consumer<Network> trained;

    public Trainer(ComponentRegistry registry, StopSignal stop) {
        this(registry, stop, network -> {});
    }

    /** A trainer that also hands each trained network to {@code trained} (when it was built), for tests. */
    Trainer(ComponentRegistry registry, StopSignal stop, Consumer<Network> trained) {
        this.registry = registry;
        this.stop = stop;
        this.trained = trained;
    }

    /**
     * Trains {@code run} on the calling thread and the helpers of {@code cores}: a run with a core group splits its
     * matrix products ({@link SplitBlas}, when the BLAS is native with one thread), its long elementwise loops
     * ({@link org.nnx.tensor.SplitLoop}) and its batch fills in parts, one a thread. The numbers do not depend on
     * timing; with OpenBLAS they may differ in the last bits from a run on one core, as the parts of a product
     * round differently from the whole.
     *
     * <p>It goes on from {@code resumeFrom} (null to start afresh), as a search's trial that {@code gate} may prune
     * at its milestones ({@link RunGate#NONE} outside a search): the numbers, rows and weights of a resumed run are
     * those of a run that was never interrupted.
     */
    public RunResult train(
            RunPlan run,
            Dataset dataset,
            TrainingListener listener,
            int index,
            int runCount,
            CoreGroup cores,
            Checkpoint resumeFrom,
            RunGate gate) {
        // Numerical gradients have threads of their own: such a run keeps to its one core.
        boolean numerical = run.config().gradient().kind() == GradientMode.Kind.NUMERICAL;
        CoreGroup group = numerical ? null : cores;
        if (group == null) {
            return trainOn(run, dataset, listener, index, runCount, resumeFrom, gate);
        }
        Blas.useOnThisThread(SplitBlas.over(Blas.current(), group).orElse(null));
        CoreGroup.useOnThisThread(group);
        try {
            return trainOn(run, dataset, listener, index, runCount, resumeFrom, gate);
        } finally {
            Blas.useOnThisThread(null);
            CoreGroup.useOnThisThread(null);
        }
    }

    /** Trains on the calling thread, with the BLAS and core group it was given (both thread-local). */
    private RunResult trainOn(
            RunPlan run,
            Dataset dataset,
            TrainingListener listener,
            int index,
            int runCount,
            Checkpoint resumeFrom,
            RunGate gate) {
        long started = System.nanoTime();
        RunConfig config = run.config();
        Map<String, String> provenance = provenance(config, dataset);
        provenance.putAll(PluginProvenance.of(registry, config));
        RunRecord record = new RunRecord(row -> listener.recorded(run, row));
        TrainingSetup setup = null;
        Optional<LearnedFilters.Start> filters = Optional.empty();
        try {
            setup = TrainingSetup.prepare(registry, config, dataset);
            // As initialized, before a checkpoint's values replace them.
            filters = LearnedFilters.start(setup.network());
            setup.notes().forEach(record::note);
            listener.runStarted(run, index, runCount, setup.schedule().iterations());
            long done = 0;
            if (resumeFrom != null) {
                Checkpoints.restore(setup, resumeFrom);
                record.resume(resumeFrom.metrics(), resumeFrom.lastLoss());
                done = resumeFrom.iteration();
                // The clock goes on from the checkpoint's last row, as if the run had never stopped.
                started = System.nanoTime() - (long) (resumeFrom.elapsedSeconds() * 1e9);
            }
            try (TrainingStep step = setup.newStep(done)) {
                if (resumeFrom != null) {
                    step.resumeAfter(resumeFrom.samples());
                }
                iterate(run, setup, step, record, listener, resumeFrom, gate, started);
            }
        } catch (Throwable e) {
            record.fail(RunFailure.reason(e), RunFailure.trace(e));
        }
        if (setup != null) {
            trained.accept(setup.network());
            if (record.status() != RunStatus.FAILED) {
                listener.modelTrained(run, TrainedModel.of(setup.network(), dataset));
                keptBest(run, setup, record, listener).ifPresent(kept -> provenance.put(KeptBest.PROVENANCE_KEY, kept));
                testOutcome(run, setup, dataset, record, listener);
                listener.modelDescribed(
                        run,
                        new ModelDescription(
                                LayerTable.of(registry, config.layers(), dataset.sampleShape()),
                                filters.map(LearnedFilters.Start::end)));
            }
        }
        RunResult result = record.result(run)
                .seconds((System.nanoTime() - started) / 1e9)
                .provenance(new Provenance(provenance))
                .gradientCheck(setup == null ? Map.of() : setup.gradientCheck())
                .build();
        listener.runFinished(result);
        return result;
    }

    /**
     * {@code keep best}: hands on the values of the run's best evaluation, and returns what its provenance says
     * of them; empty when nothing was kept.
     */
    private static Optional<String> keptBest(
            RunPlan run, TrainingSetup setup, RunRecord record, TrainingListener listener) {
        KeptBest best = setup.keptBest();
        if (!best.kept()) {
            return Optional.empty();
        }
        MetricsRow row = record.metrics().stream()
                .filter(r -> r.iteration() == best.iteration())
                .findFirst()
                .orElseThrow();
        listener.bestKept(run, TrainedModel.of(best.tensors(), setup.dataset()), row);
        return Optional.of(best.description());
    }

    /** The test set's confusion matrix for the report; a failure here is the run's, as any other. */
    private static void testOutcome(
            RunPlan run, TrainingSetup setup, Dataset dataset, RunRecord record, TrainingListener listener) {
        try {
            listener.tested(run, TestOutcome.of(setup.network(), dataset));
        } catch (RuntimeException e) {
            record.note("the test set could not be classified for the report: " + RunFailure.reason(e));
        }
    }

    /** The iterations: each a step, then the divergence rule, the evaluation when due, and early stopping. */
    private void iterate(
            RunPlan run,
            TrainingSetup setup,
            TrainingStep step,
            RunRecord record,
            TrainingListener listener,
            Checkpoint resumeFrom,
            RunGate gate,
            long started) {
        long iterations = setup.schedule().iterations();
        long perEpoch =
                iterationsPerEpoch(setup.training().size(), setup.config().batchSize());
        Evaluator evaluator = new Evaluator();
        ParameterDiagnostics diagnostics = ParameterDiagnostics.of(setup);
        if (resumeFrom != null) {
            diagnostics.resume(resumeFrom.lastEvaluated());
            // A checkpoint is written after its iteration's ruling: every milestone it passed was ruled on.
            if (ruledOut(
                    gate.replay(resumeFrom.metrics(), perEpoch, true), resumeFrom.iteration(), iterations, record)) {
                return;
            }
        } else {
            evaluateBeforeTraining(setup, evaluator, record, listener, started);
        }
        double firstLoss = resumeFrom == null ? Double.NaN : resumeFrom.firstLoss();
        long first = resumeFrom == null ? 1 : resumeFrom.iteration() + 1;
        int trainingSize = setup.training().size();
        boolean checkpoints = listener.wantsCheckpoints();
        long checkpointEvery = setup.config().checkpointEvery();
        for (long iteration = first; iteration <= iterations; iteration++) {
            if (stop.requested()) {
                record.end(
                        RunStatus.STOPPED,
                        "stopped by the user after " + (iteration - 1) + " of " + iterations + " iterations");
                return;
            }
            long epochsBefore = step.samples() / trainingSize;
            boolean milestone = gate.milestone(iteration, perEpoch);
            boolean due = setup.schedule().due(iteration) || milestone;
            if (due) {
                diagnostics.beforeEvaluatedStep();
                step.keepGradientsOfNextStep();
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
            if (due) {
                stopEarly = evaluate(
                        setup, evaluator, row.withParameters(diagnostics.measure()), record, listener, started);
            } else {
                record.add(row);
            }
            listener.iterationDone(iteration, batchLoss, step.samplesPerSecond());
            if (stopEarly) {
                record.note(setup.earlyStopping().reason(iteration));
                return;
            }
            if (milestone
                    && ruledOut(
                            gate.prune(iteration, perEpoch, record.lastEvaluated()), iteration, iterations, record)) {
                return;
            }
            boolean epochEnded = step.samples() / trainingSize > epochsBefore;
            if (checkpoints && iteration < iterations && (epochEnded || checkpointDue(iteration, checkpointEvery))) {
                listener.checkpointed(
                        run, Checkpoints.capture(run, setup, step, record, diagnostics, iteration, firstLoss));
            }
        }
    }

    /**
     * Ends the run when a search's ruling after {@code iteration} pruned it, and says whether it did. A ruling made
     * once the user asked to stop may have counted trials stopped short of the rung as ended there: the run then
     * ends stopped instead, and is ruled on again when it is resumed.
     */
    private boolean ruledOut(Optional<String> pruned, long iteration, long iterations, RunRecord record) {
        if (pruned.isEmpty()) {
            return false;
        }
        if (stop.requested()) {
            record.end(
                    RunStatus.STOPPED, "stopped by the user after " + iteration + " of " + iterations + " iterations");
        } else {
            record.end(RunStatus.PRUNED, pruned.get());
        }
        return true;
    }

    /** The iterations of one epoch: batches of {@code batchSize}, the last one possibly smaller. */
    static long iterationsPerEpoch(int trainingSize, int batchSize) {
        return Math.max(1, (trainingSize + batchSize - 1) / batchSize);
    }

    /**
     * The evaluation at iteration 0, before any step, so the charts show where the run started. It has no
     * mini-batch loss, is not a candidate for {@code keep best} or early stopping, and draws no random
     * numbers (the network runs with training behaviour off), so training goes on exactly as without it.
     */
    private static void evaluateBeforeTraining(
            TrainingSetup setup, Evaluator evaluator, RunRecord record, TrainingListener listener, long started) {
        MetricsRow row = Evaluations.of(evaluator, setup).row(0, 0, Double.NaN, secondsSince(started));
        record.addStart(row);
        listener.evaluated(row);
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
        MetricsRow evaluated = evaluations
                .row(row.iteration(), row.epoch(), row.loss(), secondsSince(started))
                .withParameters(row.parameters());
        record.addEvaluated(evaluated);
        setup.keptBest().offer(evaluations, row.iteration(), setup.network());
        listener.evaluated(evaluated);
        EarlyStopping earlyStopping = setup.earlyStopping();
        return earlyStopping.shouldStop(evaluations.watched(earlyStopping));
    }

    /** {@code checkpoint_every N}: whether iteration {@code iteration} ends N of them; never when N is 0. */
    private static boolean checkpointDue(long iteration, long every) {
        return every > 0 && iteration % every == 0;
    }

    private static double secondsSince(long started) {
        return (System.nanoTime() - started) / 1e9;
    }

    private Map<String, String> provenance(RunConfig config, Dataset dataset) {
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("nnx", Version.current());
        provenance.put("jdk", System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
        provenance.put("blas", Blas.current().name());
        String blasNote = BlasSelection.noteFor(Blas.current());
        if (blasNote != null) {
            // Why the backend is not the one nnx prefers, e.g. a bundled library that could not be written.
            provenance.put("blas note", blasNote);
        }
        provenance.put("dataset", dataset.description());
        // Hashed once per loaded dataset: the runs of a sweep share it.
        provenance.put("dataset sha256", checksums.computeIfAbsent(dataset, DatasetChecksum::of));
        provenance.put("seed", Long.toString(config.seed()));
        return provenance;
    }
}
