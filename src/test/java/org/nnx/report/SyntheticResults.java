package org.nnx.report;

import static org.nnx.report.SyntheticRuns.analyzed;
import static org.nnx.report.SyntheticRuns.config;
import static org.nnx.report.SyntheticRuns.result;
import static org.nnx.report.SyntheticRuns.row;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.nnx.model.ExperimentPlan;
import org.nnx.model.RunPlan;
import org.nnx.model.SweptValues;
import org.nnx.train.ExperimentResult;
import org.nnx.train.Provenance;
import org.nnx.train.RunResult;
import org.nnx.train.RunStatus;

/** Made-up but plausible experiment results for the report tests: no training needed. */
final class SyntheticResults {
    static final String DESCRIPTION = "Sweep <script>alert(\"x\")</script> & 'quotes'";
    static final int TRAIN_SIZE = 8000;
    static final int BATCH_SIZE = 100;

    private SyntheticResults() {}

    /**
     * A learning-rate sweep over {@code rates}: each run {@code iterations} long, evaluated every
     * {@code evaluateEvery} iterations. A rate ≥ 5 diverges: its loss climbs and ends in NaN three
     * quarters of the way through.
     */
    static ExperimentResult learningRateSweep(List<String> rates, int iterations, int evaluateEvery) {
        List<RunPlan> plans = new ArrayList<>();
        List<RunResult> runs = new ArrayList<>();
        for (String rate : rates) {
            RunPlan plan = new RunPlan(
                    "learning_rate=" + rate,
                    SweptValues.of(Map.of("learning_rate", rate)),
                    config(Double.parseDouble(rate), iterations, evaluateEvery));
            plans.add(plan);
            runs.add(SyntheticRuns.learningRateRun(plan, Double.parseDouble(rate), iterations, evaluateEvery));
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
        ExperimentPlan experiment =
                new ExperimentPlan("lr_sweep", DESCRIPTION, Path.of("experiments", "lr.nnx"), plans, config);
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
                result(
                        diverging,
                        RunStatus.DIVERGED,
                        "loss became NaN at iteration 4",
                        List.of(
                                row(1, 2.302585f, nan, nan),
                                row(2, 57.25f, 0.1, 0.098),
                                row(3, 3.5e9f, nan, nan),
                                row(4, Float.NaN, nan, nan)),
                        0.1,
                        0.098,
                        nan,
                        0.5,
                        16000,
                        PROVENANCE),
                result(
                        sgd,
                        RunStatus.OK,
                        "",
                        List.of(
                                row(1, 2.3f, nan, nan),
                                row(2, 1.5f, 0.61, 0.6),
                                row(3, 0.875f, nan, nan),
                                row(4, 0.5f, 0.9235, 0.9125)),
                        0.9235,
                        0.9125,
                        0.5f,
                        12.3456,
                        15234.56,
                        PROVENANCE),
                result(
                        adam,
                        RunStatus.OK,
                        "",
                        List.of(
                                row(1, 2.25f, nan, nan),
                                row(2, 0.75f, 0.8, 0.79),
                                row(3, 0.4f, nan, nan),
                                row(4, 0.1f, 0.97125, 0.955)),
                        0.97125,
                        0.955,
                        0.1f,
                        60.0,
                        20000,
                        PROVENANCE));
        ExperimentPlan experiment = new ExperimentPlan(
                "lr_sweep",
                DESCRIPTION,
                Path.of("experiments", "lr.nnx"),
                List.of(diverging, sgd, adam),
                "experiment lr_sweep {\n    learning_rate 10 | 0.1\n"
                        + "    optimizer sgd | adam\n    note \"<b>bold</b>\"\n}\n");
        return new ExperimentResult(experiment, runs);
    }

    static final Provenance PROVENANCE = new Provenance(Map.of("blas", "pure Java", "jdk", "17.0.15"));

    private static RunPlan plan(String learningRate, String optimizer) {
        Map<String, String> varying = new LinkedHashMap<>();
        varying.put("learning_rate", learningRate);
        varying.put("optimizer", optimizer);
        return new RunPlan(
                "learning_rate=" + learningRate + ",optimizer=" + optimizer,
                SweptValues.of(varying),
                config(Double.parseDouble(learningRate), 4, 2));
    }

    /** The 80-run sweep of {@link #sweep80}; {@code %d} is its iterations. */
    private static final String BIG_SWEEP = """
            experiment big_sweep {
                description "Four settings at once: 2 × 2 × 5 × 4 = 80 runs"
                dataset mnist
                model {
                    dense 25 | 50 | 100 | 200
                    relu
                    dense 10
                }
                loss cross_entropy
                optimizer sgd | adam
                learning_rate 1 | 0.3 | 0.1 | 0.03 | 0.001
                batch_size 50 | 100
                iterations %d
                seed 42
            }
            """;

    /**
     * A 2 × 2 × 5 × 4 sweep, 80 runs: optimizer, batch size, learning rate and hidden units. Accuracy rises
     * with units and with adam, the learning rate has a sweet spot, sgd at the two largest rates diverges,
     * and the smallest rate barely moves. Batch size 50 makes twice as many iterations per epoch, so the
     * runs line up by epoch only in charts of their own. The runs' swept values come from the configuration
     * itself through the analyzer, so they match what {@code nnx run} would name.
     */
    static ExperimentResult sweep80(int iterations) {
        String config = BIG_SWEEP.formatted(iterations);
        List<RunPlan> plans = new ArrayList<>();
        List<RunResult> runs = new ArrayList<>();
        for (RunPlan analyzed : analyzed(config).runs()) {
            Map<String, String> varying = analyzed.varying().asMap();
            String name = analyzed.name();
            double rate = Double.parseDouble(varying.get("learning_rate"));
            boolean adam = varying.get("optimizer").equals("adam");
            int units = Integer.parseInt(varying.values().iterator().next());
            int batch = Integer.parseInt(varying.get("batch_size"));
            RunPlan plan = new RunPlan(
                    name,
                    analyzed.varying(),
                    config(rate, iterations, iterations / 10),
                    analyzed.configuration(),
                    analyzed.settings());
            plans.add(plan);
            boolean diverges = !adam && rate >= 0.3 || adam && rate >= 1;
            double ceiling = 0.80
                    + 0.035 * Math.log(units / 25.0) / Math.log(2)
                    + (adam ? 0.025 : 0)
                    - 0.05 * Math.abs(Math.log10(rate) + 1.3);
            double speed = rate >= 0.01 ? Math.min(1, rate * (adam ? 30 : 12)) : 0.006;
            runs.add(SyntheticRuns.curve(
                    plan,
                    new Random(name.hashCode()),
                    iterations,
                    batch,
                    iterations / 10,
                    speed,
                    Math.min(0.985, ceiling),
                    diverges,
                    0));
        }
        ExperimentPlan experiment = new ExperimentPlan(
                "big_sweep",
                "Four settings at once: 2 × 2 × 5 × 4 = 80 runs",
                Path.of("experiments", "big-sweep.nnx"),
                plans,
                config);
        return new ExperimentResult(experiment, runs);
    }

    /**
     * The sweep of the issue: learning rates 10, 1, 0.1, 0.01, 0.001 over {@code iterations}; 10 diverges,
     * 0.001 barely moves.
     */
    static ExperimentResult issueLearningRates(int iterations) {
        String config = """
                experiment learning_rates {
                    description "Which step size? 10 diverges, 0.001 barely moves"
                    dataset mnist
                    model {
                        dense 50, init = gaussian(0.01)
                        sigmoid
                        dense 10, init = gaussian(0.01)
                    }
                    loss cross_entropy
                    learning_rate 10 | 1 | 0.1 | 0.01 | 0.001
                    batch_size 100
                    iterations %d
                    seed 42
                }
                """.formatted(iterations);
        List<RunPlan> plans = new ArrayList<>();
        List<RunResult> runs = new ArrayList<>();
        for (RunPlan analyzed : analyzed(config).runs()) {
            double rate = Double.parseDouble(analyzed.varying().get("learning_rate"));
            RunPlan plan = new RunPlan(
                    analyzed.name(),
                    analyzed.varying(),
                    config(rate, iterations, iterations / 20),
                    analyzed.configuration(),
                    analyzed.settings());
            plans.add(plan);
            double speed = rate >= 10 ? 1 : rate >= 1 ? 0.9 : rate >= 0.1 ? 0.45 : rate >= 0.01 ? 0.08 : 0.004;
            double ceiling = rate >= 1 ? 0.90 : 0.93;
            runs.add(SyntheticRuns.curve(
                    plan,
                    new Random(Double.hashCode(rate)),
                    iterations,
                    BATCH_SIZE,
                    iterations / 20,
                    speed,
                    ceiling,
                    rate >= 10,
                    0));
        }
        return new ExperimentResult(
                new ExperimentPlan(
                        "learning_rates",
                        "Which step size? 10 diverges, 0.001 barely moves",
                        Path.of("experiments", "learning-rates.nnx"),
                        plans,
                        config),
                runs);
    }

    /** Two configurations, three seeds each: {@code learning_rate 0.1 | 0.05} with {@code repeat 3}. */
    static ExperimentResult repeats(int iterations) {
        String config = """
                experiment seeds {
                    description "Is 0.1 really better than 0.05, or is it the seed?"
                    dataset mnist
                    model {
                        dense 50
                        sigmoid
                        dense 10
                    }
                    loss cross_entropy
                    learning_rate 0.1 | 0.05
                    iterations %d
                    repeat 3
                    seed 7
                }
                """.formatted(iterations);
        List<RunPlan> plans = new ArrayList<>();
        List<RunResult> runs = new ArrayList<>();
        List<RunPlan> analyzed = analyzed(config).runs();
        for (String rate : List.of("0.1", "0.05")) {
            for (int k = 0; k < 3; k++) {
                RunPlan named = analyzed.get(plans.size());
                RunPlan plan = new RunPlan(
                        named.name(),
                        named.varying(),
                        config(Double.parseDouble(rate), iterations, iterations / 10),
                        named.configuration(),
                        named.settings());
                plans.add(plan);
                // Close enough that three seeds cannot tell them apart.
                double ceiling = rate.equals("0.1") ? 0.915 : 0.911;
                runs.add(SyntheticRuns.curve(
                        plan,
                        new Random(31L * k + rate.hashCode()),
                        iterations,
                        BATCH_SIZE,
                        iterations / 10,
                        0.5,
                        ceiling,
                        false,
                        0.006));
            }
        }
        return new ExperimentResult(
                new ExperimentPlan(
                        "seeds",
                        "Is 0.1 really better than 0.05, or is it the seed?",
                        Path.of("experiments", "seeds.nnx"),
                        plans,
                        config),
                runs);
    }
}
