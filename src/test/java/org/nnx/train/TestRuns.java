package org.nnx.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.nnx.model.EarlyStop;
import org.nnx.model.GradientMode;
import org.nnx.model.RunConfig;
import org.nnx.model.RunPlan;
import org.nnx.model.Sampling;
import org.nnx.model.TrainingLength;
import org.nnx.plugin.Registries;
import org.nnx.registry.ComponentRegistry;
import org.nnx.registry.DatasetLoader;
import org.nnx.spi.Arguments;
import org.nnx.spi.ComponentCall;
import org.nnx.spi.Dataset;
import org.nnx.spi.DatasetContext;
import org.nnx.spi.DatasetException;

/**
 * Runs built straight from a {@link RunConfig}, bypassing the language, so that the trainer's settings can be
 * tested before the statements that set them exist. Defaults: the digits, {@code cross_entropy}, {@code sgd},
 * learning rate 0.1, batches of 50, shuffling, seed 1, one evaluation per epoch, everything else off.
 */
final class TestRuns {
    static final ComponentRegistry REGISTRY = Registries.builtins();
    private static final DatasetLoader DATASETS = new DatasetLoader(REGISTRY);
    private org.nnx.tensor.CoreGroup cores;

    private ComponentRegistry registry = REGISTRY;
    private final List<ComponentCall> layers = new ArrayList<>();
    private String loss = "cross_entropy";
    private ComponentCall optimizer = new ComponentCall("sgd", Arguments.EMPTY);
    private double learningRate = 0.1;
    private int batchSize = 50;
    private TrainingLength length = TrainingLength.epochs(1);
    private Sampling sampling = Sampling.SHUFFLE;
    private long seed = 1;
    private long evaluateEvery;
    private long checkpointEvery;
    private double weightDecay;
    private double validation;
    private EarlyStop earlyStop = EarlyStop.OFF;
    private GradientMode gradient = GradientMode.BACKPROP;

    /** A run of the given layers; each is a name, or a name and its arguments as name-value pairs. */
    static TestRuns model(Object... layers) {
        TestRuns run = new TestRuns();
        for (Object layer : layers) {
            run.layers.add(
                    layer instanceof ComponentCall use ? use : new ComponentCall((String) layer, Arguments.EMPTY));
        }
        return run;
    }

    static ComponentCall layer(String name, Object... arguments) {
        return new ComponentCall(name, Arguments.of(arguments));
    }

    static ComponentCall dense(long units) {
        return layer("dense", "units", units, "bias", true);
    }

    /** {@code conv2d filters, size = size}, stride 1, no padding, with a bias. */
    static ComponentCall conv2d(long filters, long size) {
        List<Long> one = List.of(1L, 1L);
        return layer(
                "conv2d",
                "filters",
                filters,
                "size",
                List.of(size, size),
                "stride",
                one,
                "pad",
                List.of(0L, 0L),
                "bias",
                true);
    }

    static ComponentCall dense(long units, String init) {
        return layer(
                "dense", "units", units, "bias", true, "init", new org.nnx.spi.ComponentCall(init, Arguments.EMPTY));
    }

    TestRuns registry(ComponentRegistry registry) {
        this.registry = registry;
        return this;
    }

    TestRuns loss(String loss) {
        this.loss = loss;
        return this;
    }

    TestRuns optimizer(String name, Object... arguments) {
        this.optimizer = new ComponentCall(name, Arguments.of(arguments));
        return this;
    }

    TestRuns learningRate(double rate) {
        this.learningRate = rate;
        return this;
    }

    TestRuns batchSize(int size) {
        this.batchSize = size;
        return this;
    }

    TestRuns epochs(long epochs) {
        this.length = TrainingLength.epochs(epochs);
        return this;
    }

    TestRuns iterations(long iterations) {
        this.length = TrainingLength.iterations(iterations);
        return this;
    }

    TestRuns sampling(Sampling sampling) {
        this.sampling = sampling;
        return this;
    }

    /** Trains on both cores of {@code pair}, as a run that trains alone does. */
    TestRuns cores(org.nnx.tensor.CoreGroup pair) {
        this.cores = pair;
        return this;
    }

    TestRuns seed(long seed) {
        this.seed = seed;
        return this;
    }

    TestRuns evaluateEvery(long iterations) {
        this.evaluateEvery = iterations;
        return this;
    }

    TestRuns checkpointEvery(long iterations) {
        this.checkpointEvery = iterations;
        return this;
    }

    TestRuns weightDecay(double lambda) {
        this.weightDecay = lambda;
        return this;
    }

    TestRuns validation(double fraction) {
        this.validation = fraction;
        return this;
    }

    TestRuns earlyStop(int patience, String metric) {
        this.earlyStop = new EarlyStop(patience, metric);
        return this;
    }

    TestRuns gradient(GradientMode.Kind kind, double h, double tolerance) {
        this.gradient = new GradientMode(kind, h, tolerance);
        return this;
    }

    RunConfig config(long limit) {
        return RunConfig.builder()
                .dataset(new ComponentCall("mnist", Arguments.of("limit", limit)))
                .layers(layers)
                .loss(new ComponentCall(loss, Arguments.EMPTY))
                .optimizer(optimizer)
                .learningRate(learningRate)
                .batchSize(batchSize)
                .length(length)
                .sampling(sampling)
                .seed(seed)
                .evaluateEvery(evaluateEvery)
                .checkpointEvery(checkpointEvery)
                .weightDecay(weightDecay)
                .validation(validation)
                .earlyStop(earlyStop)
                .gradient(gradient)
                .build();
    }

    /** The built-in digits with the first {@code limit} training samples. */
    static Dataset digits(long limit) {
        try {
            return DATASETS.load("mnist", Arguments.of("limit", limit), new DatasetContext(Path.of("."), 0));
        } catch (DatasetException e) {
            throw new AssertionError(e);
        }
    }

    /** Trains on the first {@code limit} digits. */
    RunResult train(long limit) {
        return train(digits(limit), limit, network -> {});
    }

    /** Trains on {@code dataset}, handing the trained network to {@code trained}. */
    RunResult train(Dataset dataset, long limit, Consumer<Network> trained) {
        RunPlan plan = new RunPlan("test", org.nnx.model.SweptValues.NONE, config(limit));
        return new Trainer(registry, new StopSignal(), trained)
                .train(plan, dataset, TrainingListener.NONE, 0, 1, cores, null, RunGate.NONE);
    }

    /** The trained network's parameter values, copied, in order. */
    static List<org.nnx.tensor.Tensor> values(Network network) {
        return network.parameters().stream().map(p -> p.value().copy()).toList();
    }
}
