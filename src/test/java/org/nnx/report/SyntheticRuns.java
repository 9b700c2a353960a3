package org.nnx.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.nnx.analysis.Analyzer;
import org.nnx.dsl.NnxParser;
import org.nnx.dsl.SourceFile;
import org.nnx.model.ExperimentPlan;
import org.nnx.model.RunConfig;
import org.nnx.model.RunPlan;
import org.nnx.model.TrainingLength;
import org.nnx.plugin.Registries;
import org.nnx.registry.DatasetLoader;
import org.nnx.spi.Arguments;
import org.nnx.spi.ComponentCall;
import org.nnx.train.MetricsRow;
import org.nnx.train.Provenance;
import org.nnx.train.RunResult;
import org.nnx.train.RunStatus;

/** The parts of {@link SyntheticResults}: plans, metrics rows, and made-up curves whose loss falls or blows up. */
final class SyntheticRuns {
    private SyntheticRuns() {}

    /** A result with every number given. */
    static RunResult result(
            RunPlan plan,
            RunStatus status,
            String reason,
            List<MetricsRow> metrics,
            double trainAccuracy,
            double testAccuracy,
            double loss,
            double seconds,
            double samplesPerSecond,
            Provenance provenance) {
        return RunResult.builder(plan, status)
                .reason(reason)
                .metrics(metrics)
                .accuracies(trainAccuracy, testAccuracy)
                .loss(loss)
                .seconds(seconds)
                .samplesPerSecond(samplesPerSecond)
                .provenance(provenance)
                .build();
    }

    /**
     * The result of a made-up curve of {@code last} iterations: diverged, its loss NaN at the last one, or
     * ok; its loss is the last row's.
     */
    private static RunResult curveResult(
            RunPlan plan,
            boolean diverges,
            int last,
            List<MetricsRow> rows,
            double train,
            double test,
            double seconds,
            double samplesPerSecond,
            Provenance provenance) {
        return result(
                plan,
                diverges ? RunStatus.DIVERGED : RunStatus.OK,
                diverges ? "loss became NaN at iteration " + last : "",
                rows,
                train,
                test,
                rows.get(rows.size() - 1).loss(),
                seconds,
                samplesPerSecond,
                provenance);
    }

    /** The plan {@code nnx run} makes of one experiment's text, through the analyzer and the built-ins. */
    static ExperimentPlan analyzed(String config) {
        var parsed = NnxParser.parse(new SourceFile(Path.of("experiment.nnx"), config));
        var registry = Registries.builtins();
        var result = new Analyzer(registry, new DatasetLoader(registry))
                .analyze(List.of(parsed.file().orElseThrow()));
        if (!result.ok()) {
            throw new AssertionError(result.diagnostics().toString());
        }
        return result.plans().get(0);
    }

    /** A metrics row at batch size 100 of 8000 training samples. */
    static MetricsRow row(long iteration, float loss, double trainAccuracy, double testAccuracy) {
        return new MetricsRow(
                iteration,
                (double) iteration * SyntheticResults.BATCH_SIZE / SyntheticResults.TRAIN_SIZE,
                loss,
                trainAccuracy,
                testAccuracy);
    }

    static RunConfig config(double learningRate, long iterations, long evaluateEvery) {
        return RunConfig.builder()
                .dataset(new ComponentCall("mnist", Arguments.EMPTY))
                .layers(List.of(
                        new ComponentCall("dense", Arguments.of("units", 50L)),
                        new ComponentCall("sigmoid", Arguments.EMPTY),
                        new ComponentCall("dense", Arguments.of("units", 10L))))
                .loss(new ComponentCall("cross_entropy", Arguments.EMPTY))
                .learningRate(learningRate)
                .batchSize(SyntheticResults.BATCH_SIZE)
                .length(TrainingLength.iterations(iterations))
                .seed(42)
                .evaluateEvery(evaluateEvery)
                .build();
    }

    /**
     * One run of {@link SyntheticResults#learningRateSweep}: a rate ≥ 5 diverges, its loss climbing to NaN
     * three quarters of the way; the others learn faster the larger the rate.
     */
    static RunResult learningRateRun(RunPlan plan, double rate, int iterations, int evaluateEvery) {
        Random random = new Random(Double.hashCode(rate));
        boolean diverges = rate >= 5;
        int last = diverges ? iterations * 3 / 4 : iterations;
        double speed = Math.min(1, rate * 8);
        List<MetricsRow> rows = new ArrayList<>();
        double train = Double.NaN;
        double test = Double.NaN;
        for (int i = 1; i <= last; i++) {
            double progress = 1 - Math.exp(-speed * i / (iterations / 6.0));
            double loss;
            if (diverges) {
                loss = i == last ? Double.NaN : 2.3 * Math.exp(i * 12.0 / last + 0.3 * random.nextGaussian());
            } else {
                loss = (2.3 - 2.0 * progress) * Math.exp(0.25 * random.nextGaussian());
            }
            // Training runs in float32, so losses are floats widened to double.
            float asFloat = (float) loss;
            double trainAccuracy = Double.NaN;
            double testAccuracy = Double.NaN;
            if (i % evaluateEvery == 0 && !Double.isNaN(loss)) {
                double accuracy = diverges ? 0.0985 : 0.1 + 0.82 * progress;
                trainAccuracy = Math.round((accuracy + 0.01) * 8000) / 8000.0;
                testAccuracy = Math.round(accuracy * 2000) / 2000.0;
                train = trainAccuracy;
                test = testAccuracy;
            }
            rows.add(new MetricsRow(
                    i,
                    (double) i * SyntheticResults.BATCH_SIZE / SyntheticResults.TRAIN_SIZE,
                    asFloat,
                    trainAccuracy,
                    testAccuracy));
        }
        double seconds = 0.004 * last + 0.5;
        double samplesPerSecond = last * (double) SyntheticResults.BATCH_SIZE / (0.004 * last);
        Provenance provenance =
                new Provenance(Map.of("blas", "pure Java", "jdk", "17.0.15", "dataset", "mnist 8000/2000"));
        return curveResult(plan, diverges, last, rows, train, test, seconds, samplesPerSecond, provenance);
    }

    /**
     * A made-up training curve: loss falling from 2.3 at {@code speed}, accuracy rising towards
     * {@code ceiling} (plus seed noise of sd {@code seedNoise}); a diverging run's loss climbs and ends
     * in NaN two thirds of the way.
     */
    static RunResult curve(
            RunPlan plan,
            Random random,
            int iterations,
            int batch,
            int evaluateEvery,
            double speed,
            double ceiling,
            boolean diverges,
            double seedNoise) {
        int last = diverges ? iterations * 2 / 3 : iterations;
        double shift = seedNoise * random.nextGaussian();
        List<MetricsRow> rows = new ArrayList<>();
        double train = Double.NaN;
        double test = Double.NaN;
        for (int i = 1; i <= last; i++) {
            double progress = 1 - Math.exp(-speed * i / (iterations / 6.0));
            double loss = diverges
                    ? (i == last ? Double.NaN : 2.3 * Math.exp(i * 14.0 / last + 0.3 * random.nextGaussian()))
                    : (2.3 - 2.3 * (ceiling - 0.1) / 0.9 * progress) * Math.exp(0.2 * random.nextGaussian());
            double trainAccuracy = Double.NaN;
            double testAccuracy = Double.NaN;
            if ((i % evaluateEvery == 0 || i == last) && !Double.isNaN(loss)) {
                double accuracy = diverges ? 0.098 : 0.1 + (ceiling - 0.1 + shift) * progress;
                testAccuracy = Math.round(accuracy * 2000) / 2000.0;
                trainAccuracy = Math.min(1, Math.round((accuracy + 0.02 * progress) * 8000) / 8000.0);
                train = trainAccuracy;
                test = testAccuracy;
            }
            rows.add(new MetricsRow(
                    i, (double) i * batch / SyntheticResults.TRAIN_SIZE, (float) loss, trainAccuracy, testAccuracy));
        }
        double seconds = 0.002 * last * batch / 100.0 + 0.4;
        Provenance provenance = new Provenance(Map.of(
                "nnx",
                "0.1.0",
                "blas",
                "pure Java",
                "jdk",
                "Debian 17.0.15",
                "dataset",
                "mnist 8000/2000 sha256:3f1c…",
                "seed",
                plan.varying().getOrDefault("seed", "42")));
        double samplesPerSecond = last * (double) batch / (seconds - 0.4);
        return curveResult(plan, diverges, last, rows, train, test, seconds, samplesPerSecond, provenance);
    }
}
