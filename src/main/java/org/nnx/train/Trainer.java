package org.nnx.train;

import org.nnx.check.GradientCheck;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.nnx.spi.ComponentCall;
import org.nnx.model.GradientMode;
import org.nnx.model.RunConfig;
import org.nnx.model.RunPlan;
import org.nnx.nn.Sgd;
import org.nnx.registry.ComponentRegistry;
import org.nnx.registry.PluginProvenance;
import org.nnx.spi.Dataset;
import org.nnx.spi.Loss;
import org.nnx.spi.Optimizer;
import org.nnx.spi.Split;
import org.nnx.tensor.Blas;
import org.nnx.tensor.CorePair;
import org.nnx.tensor.Precision;
import org.nnx.tensor.SplitBlas;
import org.nnx.tensor.Tensor;

/**
 * Trains one run: mini-batch gradient descent, with periodic evaluation on the training, validation and test
 * sets. The loop allocates nothing per step once batch sizes repeat; randomness comes from the run's seed
 * alone, split into independent streams for initial weights (and dropout masks), for batches and for the
 * validation hold-out.
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
    /** A loss above this many times the first one (and above {@link #DIVERGENCE_FLOOR}) counts as diverged. */
    static final double DIVERGENCE_FACTOR = 1000;
    static final double DIVERGENCE_FLOOR = 1e4;
    /** Threads that share the central differences of {@code gradient numerical}: the machine's two cores. */
    static final int NUMERICAL_THREADS = 2;

    private final ComponentRegistry registry;
    private final Map<Dataset, String> checksums = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());
    private final StopSignal stop;

    public Trainer(ComponentRegistry registry, StopSignal stop) {
        this.registry = registry;
        this.stop = stop;
    }

    public RunResult train(RunPlan run, Dataset dataset, TrainingListener listener, int index, int runCount) {
        return train(run, dataset, listener, index, runCount, null, trained -> {
        });
    }

    /**
     * {@link #train} on the calling thread and the second core of {@code cores}: a run that trains alone splits
     * its matrix products ({@link SplitBlas}, when the BLAS is native with one thread), its long elementwise
     * loops ({@link org.nnx.tensor.SplitLoop}) and its batch fills in halves, one a core. The numbers do not
     * depend on timing; with OpenBLAS they may differ in the last bits from a run on one core, as the halves of
     * a product round differently from the whole.
     */
    public RunResult train(RunPlan run, Dataset dataset, TrainingListener listener, int index, int runCount,
                           CorePair cores) {
        return train(run, dataset, listener, index, runCount, cores, trained -> {
        });
    }

    /** {@link #train} that also hands the trained network to {@code trained} (when it was built), for tests. */
    RunResult train(RunPlan run, Dataset dataset, TrainingListener listener, int index, int runCount,
                    CorePair cores, Consumer<Network> trained) {
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
    private RunResult trainOn(RunPlan run, Dataset dataset, TrainingListener listener, int index, int runCount,
                              Consumer<Network> trained) {
        long started = System.nanoTime();
        RunConfig config = run.config();
        List<MetricsRow> metrics = new ArrayList<>();
        Map<String, String> provenance = provenance(config, dataset);
        provenance.putAll(PluginProvenance.of(registry, config));
        Map<String, Double> gradientCheck = Map.of();
        RunStatus status = RunStatus.OK;
        List<String> reasons = new ArrayList<>();
        long trainingNanos = 0;
        long samples = 0;
        MetricsRow lastEvaluated = null;
        double lastLoss = Double.NaN;
        Network network = null;
        try {
            // Independent streams, split in a fixed order: adding one never changes the numbers of another. The
            // first is the initial weights' stream, which build() recreates for each network it makes.
            SplittableRandom root = new SplittableRandom(config.seed());
            root.split();
            SplittableRandom batchRandom = root.split();
            SplittableRandom holdOutRandom = root.split();
            HoldOut parts = HoldOut.of(dataset.train(), config.validation(), holdOutRandom);
            Split train = parts.training();
            int features = dataset.features();
            int classes = dataset.classes();
            network = build(config, features, Precision.FLOAT32);
            network.skipInputGradient();
            Loss loss = newLoss(config);
            Optimizer optimizer = registry.optimizer(config.optimizer().name()).create(config.optimizer().arguments());
            optimizer.initialize(network.parameters());
            WeightDecay weightDecay = new WeightDecay(config.weightDecay(), network.parameters());
            EarlyStopping earlyStopping = new EarlyStopping(config.earlyStop(), parts.hasValidation());

            GradientMode gradient = config.gradient();
            if (gradient.kind() == GradientMode.Kind.CHECK) {
                try {
                    gradientCheck = NetworkGradientCheck.run(network, build(config, features, Precision.FLOAT64),
                            config.layers().stream().map(ComponentCall::name).toList(), newLoss(config), train,
                            features, classes);
                    String failures = NetworkGradientCheck.failures(gradientCheck, gradient.tolerance());
                    if (!failures.isEmpty()) {
                        reasons.add(failures);
                    }
                } catch (RuntimeException e) {
                    // A plugin layer that cannot run in float64 says nothing about training in float32: say so
                    // and train anyway, as after a failed comparison.
                    reasons.add("gradient check could not run: " + describe(e));
                }
            }

            long iterations = config.length().iterations(train.size(), config.batchSize());
            long perEpoch = Math.max(1, (train.size() + config.batchSize() - 1) / config.batchSize());
            long evaluateEvery = config.evaluateEvery() > 0 ? config.evaluateEvery() : perEpoch;
            Batches batches = new Batches(
                    new BatchSampler(config.sampling(), train.size(), config.batchSize(), batchRandom), train,
                    features, classes);
            Evaluator evaluator = new Evaluator();
            double firstLoss = Double.NaN;
            listener.runStarted(run, index, runCount, iterations);

            // Plain SGD without weight decay steps inside backward (Dense#descendInBackward): two passes over the
            // gradients fewer a step. Decided after the gradient check, which needs real gradients.
            boolean descendInBackward = optimizer instanceof Sgd && config.weightDecay() == 0
                    && gradient.kind() != GradientMode.Kind.NUMERICAL
                    && network.descendInBackward(config.learningRate());
            try (BatchGradient batchGradient = descendInBackward ? BatchGradient.descending(network, loss)
                    : gradientOf(config, network, loss, features)) {
                for (long iteration = 1; iteration <= iterations; iteration++) {
                    if (stop.requested()) {
                        status = RunStatus.STOPPED;
                        reasons.add("stopped by the user after " + (iteration - 1) + " of " + iterations
                                + " iterations");
                        break;
                    }
                    long stepStart = System.nanoTime();
                    batches.next();
                    if (iteration < iterations) {
                        batches.prefetchNext();
                    }
                    double batchLoss;
                    try {
                        batchLoss = batchGradient.compute(batches.features(), batches.targets());
                        // The penalty at the weights the batch loss was computed at, before the step moves them.
                        batchLoss += weightDecay.penalty();
                        weightDecay.addGradients();
                        if (!descendInBackward) {
                            optimizer.step(config.learningRate());
                        }
                    } catch (RuntimeException | Error e) {
                        // The step's own failure is the one to report; the prefetch must still be finished.
                        try {
                            batches.awaitPrefetch();
                        } catch (RuntimeException | Error alsoFailed) {
                            e.addSuppressed(alsoFailed);
                        }
                        throw e;
                    }
                    batches.awaitPrefetch();
                    trainingNanos += System.nanoTime() - stepStart;
                    samples += batches.count();
                    lastLoss = batchLoss;
                    double epoch = (double) samples / train.size();

                    if (iteration == 1) {
                        firstLoss = batchLoss;
                    }
                    if (!Double.isFinite(batchLoss)
                            || batchLoss > Math.max(DIVERGENCE_FLOOR, DIVERGENCE_FACTOR * firstLoss)) {
                        metrics.add(new MetricsRow(iteration, epoch, batchLoss, Double.NaN, Double.NaN));
                        status = RunStatus.DIVERGED;
                        reasons.add(String.format(java.util.Locale.ROOT, "loss became %.4g at iteration %d",
                                batchLoss, iteration));
                        break;
                    }
                    MetricsRow row = new MetricsRow(iteration, epoch, batchLoss, Double.NaN, Double.NaN);
                    boolean stopEarly = false;
                    if (iteration % evaluateEvery == 0 || iteration == iterations) {
                        // Losses include the penalty, as the batch loss does (and as Keras reports them).
                        double penalty = weightDecay.penalty();
                        Evaluator.Evaluation onTrain = evaluator.evaluate(network, loss, train, features, classes)
                                .plusLoss(penalty);
                        Evaluator.Evaluation onTest = evaluator.evaluate(network, loss, dataset.test(), features,
                                classes).plusLoss(penalty);
                        Evaluator.Evaluation onValidation = parts.hasValidation()
                                ? evaluator.evaluate(network, loss, parts.validation(), features, classes)
                                        .plusLoss(penalty)
                                : Evaluator.Evaluation.NONE;
                        row = new MetricsRow(iteration, epoch, batchLoss, onTrain.accuracy(), onTest.accuracy(),
                                onValidation.accuracy(), onValidation.loss());
                        lastEvaluated = row;
                        listener.evaluated(row);
                        stopEarly = earlyStopping.shouldStop(earlyStopping.pick(onTrain, onTest, onValidation));
                    }
                    metrics.add(row);
                    listener.iterationDone(iteration, batchLoss, samples / (trainingNanos / 1e9));
                    if (stopEarly) {
                        reasons.add(earlyStopping.reason(iteration));
                        break;
                    }
                }
            }
        } catch (RuntimeException | LinkageError e) {
            status = RunStatus.FAILED;
            reasons.add(describe(e));
        }
        if (network != null) {
            trained.accept(network);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        RunResult result = RunResult.builder(run, status)
                .reason(String.join("; ", reasons))
                .metrics(metrics)
                .accuracies(lastEvaluated == null ? Double.NaN : lastEvaluated.trainAccuracy(),
                        lastEvaluated == null ? Double.NaN : lastEvaluated.testAccuracy())
                .loss(lastLoss)
                .seconds(seconds)
                .samplesPerSecond(trainingNanos == 0 ? 0 : samples / (trainingNanos / 1e9))
                .provenance(new Provenance(provenance))
                .gradientCheck(gradientCheck)
                .build();
        listener.runFinished(result);
        return result;
    }

    /**
     * The run's layers, made from the seed's initial-weights stream: the trained network and any float64 or
     * replica copy of it start from the same draws, and dropout layers split the same mask streams off it.
     */
    private Network build(RunConfig config, int features, Precision precision) {
        SplittableRandom initRandom = new SplittableRandom(config.seed()).split();
        return new NetworkBuilder(registry).build(config.layers(), features, precision, initRandom);
    }

    private Loss newLoss(RunConfig config) {
        return registry.loss(config.loss().name()).create(config.loss().arguments());
    }

    /** Backprop, or central differences on {@link #NUMERICAL_THREADS} threads with one replica each. */
    private BatchGradient gradientOf(RunConfig config, Network network, Loss loss, int features) {
        if (config.gradient().kind() != GradientMode.Kind.NUMERICAL) {
            return BatchGradient.backprop(network, loss);
        }
        List<Network> replicas = new ArrayList<>();
        List<Loss> losses = new ArrayList<>();
        for (int thread = 0; thread < NUMERICAL_THREADS; thread++) {
            replicas.add(build(config, features, Precision.FLOAT32));
            losses.add(newLoss(config));
        }
        return new NumericalGradient(network, loss, replicas, losses, config.gradient().h());
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
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
