package org.nnx.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nnx.model.GradientMode;
import org.nnx.model.RunConfig;
import org.nnx.registry.ComponentRegistry;
import org.nnx.spi.ComponentCall;
import org.nnx.spi.Dataset;
import org.nnx.spi.Loss;
import org.nnx.spi.Optimizer;
import org.nnx.spi.PlainGradientDescent;
import org.nnx.spi.Split;
import org.nnx.tensor.Precision;

/**
 * What a run trains with, made from its settings before the first step: the run's random streams, the
 * validation hold-out ({@link HoldOut}), the network, loss and optimizer, {@code weight_decay}
 * ({@link WeightDecay}), {@code early_stop} ({@link EarlyStopping}), the evaluation schedule, and with
 * {@code gradient check} the check's outcome ({@link NetworkGradientCheck}). Made in a fixed order, so that the
 * same settings give the same numbers; {@link #newStep()} then gives the step that trains with it.
 */
public final class TrainingSetup {
    /** Threads that share the central differences of {@code gradient numerical}: the machine's two cores. */
    static final int NUMERICAL_THREADS = 2;

    private final ComponentRegistry registry;
    private final RunConfig config;
    private final Dataset dataset;
    private final int features;
    private final int classes;
    private final SplittableRandom batchRandom;
    private final HoldOut parts;
    private final Network network;
    private final Loss loss;
    private final Optimizer optimizer;
    private final WeightDecay weightDecay;
    private final EarlyStopping earlyStopping;
    private final KeptBest keptBest;
    private final EvaluationSchedule schedule;
    private final boolean descendInBackward;
    private Map<String, Double> gradientCheck = Map.of();
    private final List<String> notes = new ArrayList<>();

    private TrainingSetup(ComponentRegistry registry, RunConfig config, Dataset dataset) {
        this.registry = registry;
        this.config = config;
        this.dataset = dataset;
        // Independent streams, split in a fixed order: adding one never changes the numbers of another. The
        // first is the initial weights' stream, which build() recreates for each network it makes.
        SplittableRandom root = new SplittableRandom(config.seed());
        root.split();
        batchRandom = root.split();
        parts = HoldOut.of(dataset.train(), config.validation(), root.split());
        features = dataset.features();
        classes = dataset.classes();
        network = build(Precision.FLOAT32);
        network.skipInputGradient();
        loss = newLoss();
        optimizer = registry.optimizer(config.optimizer().name())
                .create(config.optimizer().arguments());
        optimizer.initialize(network.parameters());
        weightDecay = new WeightDecay(config.weightDecay(), network.parameters());
        earlyStopping = new EarlyStopping(config.earlyStop(), parts.hasValidation());
        keptBest = new KeptBest(config.keepBest());
        if (config.keepBest().startsWith("validation_") && !parts.hasValidation()) {
            throw new IllegalArgumentException(
                    "keep best = " + config.keepBest() + " needs a validation set ('validation F' with F > 0)");
        }
        if (config.gradient().kind() == GradientMode.Kind.CHECK) {
            checkGradients();
        }
        int trainingSize = training().size();
        schedule = EvaluationSchedule.of(
                config.evaluateEvery(),
                config.length().iterations(trainingSize, config.batchSize()),
                trainingSize,
                config.batchSize());
        // After the gradient check, which needs the layers to compute real gradients.
        descendInBackward = descendsInBackward();
    }

    /**
     * Sets up a run of {@code config} on {@code dataset}.
     *
     * @throws RuntimeException whatever the settings or the components refuse; a gradient check that fails or
     *                          cannot run does not throw, but is noted ({@link #notes()})
     */
    public static TrainingSetup prepare(ComponentRegistry registry, RunConfig config, Dataset dataset) {
        return new TrainingSetup(registry, config, dataset);
    }

    /**
     * The step that trains this set-up's network, drawing its batches from the run's batch stream: one per set-up,
     * since the batches and the network's state go on from where the last step left them. Close it to release
     * the threads of {@code gradient numerical}.
     */
    public TrainingStep newStep() {
        return newStep(0);
    }

    /**
     * {@link #newStep()} for a run that resumes after {@code batchesDone} batches: the sampler replays that many
     * draws first, so the next batch is the one an uninterrupted run would draw.
     */
    TrainingStep newStep(long batchesDone) {
        BatchSampler sampler = new BatchSampler(config.sampling(), training().size(), config.batchSize(), batchRandom);
        for (long b = 0; b < batchesDone; b++) {
            sampler.next();
        }
        Batches batches = new Batches(sampler, training(), features, classes);
        BatchGradient gradient = descendInBackward ? BatchGradient.descending(network, loss) : gradient();
        return new TrainingStep(
                batches, gradient, weightDecay, descendInBackward ? null : optimizer, config.learningRate());
    }

    /**
     * {@code gradient check(tolerance)}: records each parameter tensor's largest error and notes the ones above
     * the tolerance. A check that cannot run (a plugin layer that cannot run in float64 says nothing about
     * training in float32) is noted too, and training goes on as after a failed comparison.
     */
    private void checkGradients() {
        try {
            gradientCheck = NetworkGradientCheck.run(
                    network,
                    build(Precision.FLOAT64),
                    config.layers().stream().map(ComponentCall::name).toList(),
                    newLoss(),
                    training(),
                    features,
                    classes);
            String failures = NetworkGradientCheck.failures(
                    gradientCheck, config.gradient().tolerance());
            if (!failures.isEmpty()) {
                notes.add(failures);
            }
        } catch (RuntimeException e) {
            notes.add("gradient check could not run: " + RunFailure.reason(e));
        }
    }

    /**
     * Whether backward takes the optimizer's step itself, saving the passes that zero and step the gradients:
     * only for a {@link PlainGradientDescent} optimizer, without weight decay (whose {@code λ·W} must join the
     * gradient first), with backprop's gradients, and when every layer with parameters can.
     */
    private boolean descendsInBackward() {
        return optimizer instanceof PlainGradientDescent
                && config.weightDecay() == 0
                && config.gradient().kind() != GradientMode.Kind.NUMERICAL
                && network.descendInBackward(config.learningRate());
    }

    /** Backprop, or central differences on {@link #NUMERICAL_THREADS} threads with one replica each. */
    private BatchGradient gradient() {
        if (config.gradient().kind() != GradientMode.Kind.NUMERICAL) {
            return BatchGradient.backprop(network, loss);
        }
        List<Network> replicas = new ArrayList<>();
        List<Loss> losses = new ArrayList<>();
        for (int thread = 0; thread < NUMERICAL_THREADS; thread++) {
            replicas.add(build(Precision.FLOAT32));
            losses.add(newLoss());
        }
        return new NumericalGradient(
                network, loss, replicas, losses, config.gradient().h());
    }

    /**
     * The run's layers, made from the seed's initial-weights stream: the trained network and any float64 or
     * replica copy of it start from the same draws, and dropout layers split the same mask streams off it.
     */
    private Network build(Precision precision) {
        SplittableRandom initRandom = new SplittableRandom(config.seed()).split();
        return new NetworkBuilder(registry).build(config.layers(), dataset.sampleShape(), precision, initRandom);
    }

    private Loss newLoss() {
        return registry.loss(config.loss().name()).create(config.loss().arguments());
    }

    public RunConfig config() {
        return config;
    }

    public Dataset dataset() {
        return dataset;
    }

    public Network network() {
        return network;
    }

    public Loss loss() {
        return loss;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    /** The samples training draws its batches from: the training set less any validation hold-out. */
    public Split training() {
        return parts.training();
    }

    /** Whether backward takes the optimizer's step ({@link org.nnx.spi.DescendsInBackward}). */
    public boolean descendInBackward() {
        return descendInBackward;
    }

    /** The gradient check's largest relative error by parameter tensor; empty without {@code gradient check}. */
    public Map<String, Double> gradientCheck() {
        return gradientCheck;
    }

    /** What the run's reason must say although the set-up succeeded: a gradient check's failures. */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    HoldOut parts() {
        return parts;
    }

    int features() {
        return features;
    }

    int classes() {
        return classes;
    }

    WeightDecay weightDecay() {
        return weightDecay;
    }

    EarlyStopping earlyStopping() {
        return earlyStopping;
    }

    KeptBest keptBest() {
        return keptBest;
    }

    EvaluationSchedule schedule() {
        return schedule;
    }
}
