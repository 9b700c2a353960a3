package org.nnx.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nnx.model.RunConfig;
import org.nnx.model.RunPlan;
import org.nnx.registry.ComponentRegistry;
import org.nnx.registry.PluginProvenance;
import org.nnx.spi.Dataset;
import org.nnx.spi.Loss;
import org.nnx.spi.Optimizer;
import org.nnx.spi.Split;
import org.nnx.tensor.Blas;
import org.nnx.tensor.Precision;
import org.nnx.tensor.Tensor;

/**
 * Trains one run: mini-batch gradient descent by backpropagation, with periodic evaluation on the
 * training and test sets. The loop allocates nothing per step once batch sizes repeat; randomness comes
 * from the run's seed alone, split into independent streams for initial weights and for batches.
 */
public final class Trainer {
    /** A loss above this many times the first one (and above {@link #DIVERGENCE_FLOOR}) counts as diverged. */
    static final double DIVERGENCE_FACTOR = 1000;
    static final double DIVERGENCE_FLOOR = 1e4;

    private final ComponentRegistry registry;
    private final StopSignal stop;

    public Trainer(ComponentRegistry registry, StopSignal stop) {
        this.registry = registry;
        this.stop = stop;
    }

    public RunResult train(RunPlan run, Dataset dataset, TrainingListener listener, int index, int runCount) {
        long started = System.nanoTime();
        RunConfig config = run.config();
        List<MetricsRow> metrics = new ArrayList<>();
        Map<String, String> provenance = provenance(config, dataset);
        provenance.putAll(PluginProvenance.of(registry, config));
        RunStatus status = RunStatus.OK;
        String reason = "";
        long trainingNanos = 0;
        long samples = 0;
        MetricsRow lastEvaluated = null;
        double lastLoss = Double.NaN;
        try {
            SplittableRandom root = new SplittableRandom(config.seed());
            SplittableRandom initRandom = root.split();
            SplittableRandom batchRandom = root.split();
            Split train = dataset.train();
            int features = dataset.features();
            int classes = dataset.classes();
            Network network = new NetworkBuilder(registry).build(config.layers(), features, Precision.FLOAT32, initRandom);
            Loss loss = registry.loss(config.loss().name()).create(config.loss().arguments());
            Optimizer optimizer = registry.optimizer(config.optimizer().name()).create(config.optimizer().arguments());
            optimizer.initialize(network.parameters());

            long iterations = config.length().iterations(train.size(), config.batchSize());
            long perEpoch = Math.max(1, (train.size() + config.batchSize() - 1) / config.batchSize());
            long evaluateEvery = config.evaluateEvery() > 0 ? config.evaluateEvery() : perEpoch;
            BatchSampler sampler = new BatchSampler(config.sampling(), train.size(), config.batchSize(), batchRandom);
            Evaluator evaluator = new Evaluator();
            Tensor x = null;
            Tensor t = null;
            double firstLoss = Double.NaN;
            listener.runStarted(run, index, runCount, iterations);

            for (long iteration = 1; iteration <= iterations; iteration++) {
                if (stop.requested()) {
                    status = RunStatus.STOPPED;
                    reason = "stopped by the user after " + (iteration - 1) + " of " + iterations + " iterations";
                    break;
                }
                long stepStart = System.nanoTime();
                int start = sampler.next();
                int count = sampler.count(start);
                x = Tensor.reuseOrAllocate(x, Precision.FLOAT32, count, features);
                t = Tensor.reuseOrAllocate(t, Precision.FLOAT32, count, classes);
                train.features(sampler.indices(), start, count, x);
                OneHot.fill(train, sampler.indices(), start, count, t);
                network.zeroGradients();
                double batchLoss = loss.forward(network.forward(x, true), t);
                network.backward(loss.backward());
                optimizer.step(config.learningRate());
                trainingNanos += System.nanoTime() - stepStart;
                samples += count;
                lastLoss = batchLoss;
                double epoch = (double) samples / train.size();

                if (iteration == 1) {
                    firstLoss = batchLoss;
                }
                if (!Double.isFinite(batchLoss)
                        || batchLoss > Math.max(DIVERGENCE_FLOOR, DIVERGENCE_FACTOR * firstLoss)) {
                    metrics.add(new MetricsRow(iteration, epoch, batchLoss, Double.NaN, Double.NaN));
                    status = RunStatus.DIVERGED;
                    reason = "loss became " + batchLoss + " at iteration " + iteration;
                    break;
                }
                MetricsRow row = new MetricsRow(iteration, epoch, batchLoss, Double.NaN, Double.NaN);
                if (iteration % evaluateEvery == 0 || iteration == iterations) {
                    Evaluator.Evaluation trainEvaluation = evaluator.evaluate(network, loss, train, features, classes);
                    Evaluator.Evaluation testEvaluation = evaluator.evaluate(network, loss, dataset.test(), features, classes);
                    row = new MetricsRow(iteration, epoch, batchLoss, trainEvaluation.accuracy(), testEvaluation.accuracy());
                    lastEvaluated = row;
                    listener.evaluated(row);
                }
                metrics.add(row);
                listener.iterationDone(iteration, batchLoss, samples / (trainingNanos / 1e9));
            }
        } catch (RuntimeException | LinkageError e) {
            status = RunStatus.FAILED;
            reason = describe(e);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        RunResult result = new RunResult(run, status, reason, metrics,
                lastEvaluated == null ? Double.NaN : lastEvaluated.trainAccuracy(),
                lastEvaluated == null ? Double.NaN : lastEvaluated.testAccuracy(),
                lastLoss, seconds, trainingNanos == 0 ? 0 : samples / (trainingNanos / 1e9), provenance);
        listener.runFinished(result);
        return result;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static Map<String, String> provenance(RunConfig config, Dataset dataset) {
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("nnx", Version.current());
        provenance.put("jdk", System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
        provenance.put("blas", Blas.current().name());
        provenance.put("dataset", dataset.description());
        provenance.put("seed", Long.toString(config.seed()));
        return provenance;
    }
}
