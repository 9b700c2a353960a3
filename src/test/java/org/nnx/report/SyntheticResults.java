package org.nnx.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.nnx.model.ComponentUse;
import org.nnx.model.EarlyStop;
import org.nnx.model.GradientMode;
import org.nnx.model.ExperimentPlan;
import org.nnx.model.RunConfig;
import org.nnx.model.RunPlan;
import org.nnx.model.Sampling;
import org.nnx.model.TrainingLength;
import org.nnx.spi.Arguments;
import org.nnx.train.ExperimentResult;
import org.nnx.train.MetricsRow;
import org.nnx.train.RunResult;
import org.nnx.train.RunStatus;

/** Made-up but plausible experiment results for the report tests: no training needed. */
final class SyntheticResults {
    static final String DESCRIPTION = "Sweep <script>alert(\"x\")</script> & 'quotes'";
    static final int TRAIN_SIZE = 8000;
    static final int BATCH_SIZE = 100;

    private SyntheticResults() {
    }

    /**
     * A learning-rate sweep over {@code rates}: each run {@code iterations} long, evaluated every
     * {@code evaluateEvery} iterations. A rate ≥ 5 diverges: its loss climbs and ends in NaN three
     * quarters of the way through.
     */
    static ExperimentResult learningRateSweep(List<String> rates, int iterations, int evaluateEvery) {
        List<RunPlan> plans = new ArrayList<>();
        List<RunResult> runs = new ArrayList<>();
        for (String rate : rates) {
            RunPlan plan = new RunPlan("learning_rate=" + rate, Map.of("learning_rate", rate),
                    config(Double.parseDouble(rate), iterations, evaluateEvery));
            plans.add(plan);
            runs.add(run(plan, Double.parseDouble(rate), iterations, evaluateEvery));
        }
        String config = """
                experiment lr_sweep {
                    dataset mnist
                    model {
                        dense 50, init = gaussian(0.01)
                        sigmoid
                        dense 10, init = gaussian(0.01)
                    }
                    learning_rate %s
                }
                """.formatted(String.join(" | ", rates));
        ExperimentPlan experiment = new ExperimentPlan("lr_sweep", DESCRIPTION, Path.of("experiments", "lr.nnx"),
                plans, config);
        return new ExperimentResult(experiment, runs);
    }

    /** A small generated sweep for chart tests: rates 10 (diverges), 0.1 and 0.01; 200 iterations. */
    static ExperimentResult small() {
        return learningRateSweep(List.of("10", "0.1", "0.01"), 200, 50);
    }

    /**
     * Three hand-written runs of a sweep over {@code learning_rate} and {@code optimizer}, four iterations
     * each, evaluated at iterations 2 and 4, with every number chosen so the files can be checked exactly:
     * <ul>
     *   <li>{@code learning_rate=10,optimizer=sgd} diverges: its loss explodes, the last one is NaN;</li>
     *   <li>{@code learning_rate=0.1,optimizer=sgd} is ok;</li>
     *   <li>{@code learning_rate=0.1,optimizer=adam} is ok and has the best test accuracy.</li>
     * </ul>
     * Losses are floats, as float32 training produces them.
     */
    static ExperimentResult handMade() {
        double nan = Double.NaN;
        RunPlan diverging = plan("10", "sgd");
        RunPlan sgd = plan("0.1", "sgd");
        RunPlan adam = plan("0.1", "adam");
        List<RunResult> runs = List.of(
                new RunResult(diverging, RunStatus.DIVERGED, "loss became NaN at iteration 4", List.of(
                        row(1, 2.302585f, nan, nan),
                        row(2, 57.25f, 0.1, 0.098),
                        row(3, 3.5e9f, nan, nan),
                        row(4, Float.NaN, nan, nan)),
                        0.1, 0.098, nan, 0.5, 16000, PROVENANCE, Map.of()),
                new RunResult(sgd, RunStatus.OK, "", List.of(
                        row(1, 2.3f, nan, nan),
                        row(2, 1.5f, 0.61, 0.6),
                        row(3, 0.875f, nan, nan),
                        row(4, 0.5f, 0.9235, 0.9125)),
                        0.9235, 0.9125, 0.5f, 12.3456, 15234.56, PROVENANCE, Map.of()),
                new RunResult(adam, RunStatus.OK, "", List.of(
                        row(1, 2.25f, nan, nan),
                        row(2, 0.75f, 0.8, 0.79),
                        row(3, 0.4f, nan, nan),
                        row(4, 0.1f, 0.97125, 0.955)),
                        0.97125, 0.955, 0.1f, 60.0, 20000, PROVENANCE, Map.of()));
        ExperimentPlan experiment = new ExperimentPlan("lr_sweep", DESCRIPTION, Path.of("experiments", "lr.nnx"),
                List.of(diverging, sgd, adam), "experiment lr_sweep {\n    learning_rate 10 | 0.1\n"
                        + "    optimizer sgd | adam\n    note \"<b>bold</b>\"\n}\n");
        return new ExperimentResult(experiment, runs);
    }

    static final Map<String, String> PROVENANCE = Map.of("blas", "pure Java", "jdk", "17.0.15");

    private static RunPlan plan(String learningRate, String optimizer) {
        Map<String, String> varying = new java.util.LinkedHashMap<>();
        varying.put("learning_rate", learningRate);
        varying.put("optimizer", optimizer);
        return new RunPlan("learning_rate=" + learningRate + ",optimizer=" + optimizer, varying,
                config(Double.parseDouble(learningRate), 4, 2));
    }

    /** A metrics row at batch size 100 of 8000 training samples. */
    static MetricsRow row(long iteration, float loss, double trainAccuracy, double testAccuracy) {
        return new MetricsRow(iteration, (double) iteration * BATCH_SIZE / TRAIN_SIZE, loss, trainAccuracy,
                testAccuracy);
    }

    static RunConfig config(double learningRate, long iterations, long evaluateEvery) {
        return new RunConfig(new ComponentUse("mnist", Arguments.EMPTY),
                List.of(new ComponentUse("dense", Arguments.of("units", 50L)), new ComponentUse("sigmoid", null),
                        new ComponentUse("dense", Arguments.of("units", 10L))),
                new ComponentUse("cross_entropy", null), new ComponentUse("sgd", null), learningRate, BATCH_SIZE,
                TrainingLength.iterations(iterations), Sampling.SHUFFLE, 42, evaluateEvery, 0, 0, EarlyStop.OFF,
                GradientMode.BACKPROP);
    }

    private static RunResult run(RunPlan plan, double rate, int iterations, int evaluateEvery) {
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
            rows.add(new MetricsRow(i, (double) i * BATCH_SIZE / TRAIN_SIZE, asFloat, trainAccuracy, testAccuracy));
        }
        RunStatus status = diverges ? RunStatus.DIVERGED : RunStatus.OK;
        String reason = diverges ? "loss became NaN at iteration " + last : "";
        double seconds = 0.004 * last + 0.5;
        double samplesPerSecond = last * (double) BATCH_SIZE / (0.004 * last);
        return new RunResult(plan, status, reason, rows, train, test, rows.get(rows.size() - 1).loss(), seconds,
                samplesPerSecond, Map.of("blas", "pure Java", "jdk", "17.0.15", "dataset", "mnist 8000/2000"), Map.of());
    }
}
