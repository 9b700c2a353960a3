package org.nnx.cli;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.nnx.model.RunPlan;
import org.nnx.train.Baselines;
import org.nnx.train.MetricsRow;
import org.nnx.train.ObjectiveResult;
import org.nnx.train.RunResult;
import org.nnx.train.RunStatus;
import org.nnx.train.TrainingListener;

/**
 * Shows training progress: on a terminal one line redrawn in place (a bar, ETA, loss, samples/s); in a
 * log or pipe a plain line every tenth of a run, so that CI logs stay short.
 */
final class ProgressDisplay implements TrainingListener {
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final int BAR_WIDTH = 24;

    private final PrintStream out;
    private final boolean terminal;
    /** Runs train at the same time: only their starts and ends are shown, a line each. */
    private final boolean sideBySide;

    private long iterations;
    private long started;
    private long lastDrawn;
    private long nextPlainLine;
    private String prefix = "";
    /** Each started run's {@code [i/n] }, for its end line when runs finish in another order than they began. */
    private final Map<String, String> prefixes = new HashMap<>();

    private MetricsRow lastEvaluation;
    /** The current run computes its gradients by central differences, and its batch size. */
    private boolean numerical;

    private int batchSize;

    ProgressDisplay(PrintStream out, boolean terminal) {
        this(out, terminal, false);
    }

    ProgressDisplay(PrintStream out, boolean terminal, boolean sideBySide) {
        this.out = out;
        this.terminal = terminal && !sideBySide;
        this.sideBySide = sideBySide;
    }

    @Override
    public void runStarted(RunPlan run, int index, int runCount, long iterations) {
        this.numerical =
                run.config() != null && run.config().gradient().kind() == org.nnx.model.GradientMode.Kind.NUMERICAL;
        this.batchSize = run.config() == null ? 0 : run.config().batchSize();
        this.iterations = iterations;
        this.started = System.nanoTime();
        this.lastDrawn = 0;
        this.nextPlainLine = Math.max(1, iterations / 10);
        this.lastEvaluation = null;
        this.prefix = runCount > 1 ? "[" + (index + 1) + "/" + runCount + "] " : "";
        prefixes.put(run.name(), prefix);
        if (sideBySide) {
            out.println("  " + prefix + "run " + Terminal.printable(run.name()) + " started: " + iterations
                    + " iterations");
        } else if (!terminal) {
            out.println("  " + prefix + "run " + Terminal.printable(run.name()) + ": " + iterations + " iterations");
        }
    }

    @Override
    public void evaluated(MetricsRow row) {
        lastEvaluation = row;
    }

    @Override
    public void iterationDone(long iteration, double loss, double samplesPerSecond) {
        long now = System.nanoTime();
        if (iteration == 1 && numerical && iterations > 1 && samplesPerSecond > 0) {
            // Central differences take minutes or hours: say how long from the first step, once.
            double step = batchSize / samplesPerSecond;
            out.println(String.format(
                    Locale.ROOT,
                    "%s  %snumerical gradients: the first step took %.3g s, so %d steps " + "take about %s",
                    terminal ? "\r\033[K" : "",
                    prefix,
                    step,
                    iterations,
                    duration(step * iterations)));
        }
        if (terminal) {
            if (now - lastDrawn >= REDRAW_NANOS || iteration == iterations) {
                lastDrawn = now;
                out.print("\r\033[K  " + prefix + bar(iteration) + " " + line(iteration, loss, samplesPerSecond, now));
                out.flush();
            }
        } else if (iteration >= nextPlainLine || iteration == iterations) {
            nextPlainLine = iteration + Math.max(1, iterations / 10);
            out.println("  " + prefix + line(iteration, loss, samplesPerSecond, now));
        }
    }

    private String line(long iteration, double loss, double samplesPerSecond, long now) {
        double elapsed = (now - started) / 1e9;
        double eta = iteration == 0 ? 0 : elapsed / iteration * (iterations - iteration);
        String accuracy = lastEvaluation == null
                ? ""
                : String.format(Locale.ROOT, "  test acc %.4f", lastEvaluation.testAccuracy());
        return String.format(
                Locale.ROOT,
                "%d/%d  loss %.4f%s  %s samples/s  ETA %s",
                iteration,
                iterations,
                loss,
                accuracy,
                compact(samplesPerSecond),
                duration(eta));
    }

    private String bar(long iteration) {
        int filled = (int) (BAR_WIDTH * iteration / Math.max(1, iterations));
        return "[" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "]";
    }

    @Override
    public void runFinished(RunResult result) {
        if (terminal) {
            out.print("\r\033[K");
        }
        out.println("  " + prefixes.getOrDefault(result.name(), "") + Terminal.printable(summary(result)));
    }

    /** {@code two_layer_net: ok, train 0.9512, test 0.9340, loss 0.1702, 9.8 s, 118k samples/s} */
    static String summary(RunResult result) {
        StringBuilder text = new StringBuilder(result.name())
                .append(": ")
                .append(result.status().label());
        if (result.status() != RunStatus.OK && !result.reason().isEmpty()) {
            text.append(" (").append(result.reason()).append(')');
        }
        if (!Double.isNaN(result.testAccuracy())) {
            text.append(String.format(
                    Locale.ROOT, ", train %.4f, test %.4f", result.trainAccuracy(), result.testAccuracy()));
        }
        if (!Double.isNaN(result.loss())) {
            text.append(String.format(Locale.ROOT, ", loss %.4f", result.loss()));
        }
        text.append(String.format(
                Locale.ROOT, ", %.1f s, %s samples/s", result.seconds(), compact(result.samplesPerSecond())));
        return text.toString();
    }

    /** {@code baselines: chance 0.1000, majority class 0.1135 (1), nearest neighbour 0.9495}, on the test split. */
    static String summary(Baselines baselines) {
        return String.format(
                Locale.ROOT,
                "baselines: chance %.4f, majority class %.4f (%s), nearest neighbour %.4f",
                baselines.chance(),
                baselines.majority(),
                baselines.majorityClass(),
                baselines.nearestNeighbour());
    }

    /**
     * {@code learning_rate=0.1: ok, f 3.2e-07 at x = [-0.0004, 0.0005], 100 steps}; for a run of no steps, the
     * single values at its start in full: {@code f(3, 4) = 25, ∇f = (6, 8), by central differences (6.00…, 8.00…)}.
     */
    static String summary(ObjectiveResult result) {
        if (result.run().steps() == 0 && result.status() == RunStatus.OK) {
            if (result.points().get(0).length == 0) {
                return result.name() + ": f = " + result.values().get(0);
            }
            return result.name() + ": f" + tuple(result.points().get(0)) + " = "
                    + result.values().get(0) + ", ∇f = " + tuple(result.gradient()) + ", by central differences "
                    + tuple(result.numericalGradient());
        }
        StringBuilder text = new StringBuilder(result.name())
                .append(": ")
                .append(result.status().label());
        if (!result.reason().isEmpty()) {
            text.append(" (").append(result.reason()).append(')');
        } else if (result.barelyMoved()) {
            text.append(" (barely moved: the learning rate may be too small)");
        }
        double[] last = result.points().get(result.points().size() - 1);
        text.append(String.format(Locale.ROOT, ", f %.4g at x = [", result.finalValue()));
        for (int i = 0; i < last.length; i++) {
            text.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4g", last[i]));
        }
        return text.append("], ")
                .append(result.points().size() - 1)
                .append(" steps")
                .toString();
    }

    /** {@code (3.0, 4.0)}: every digit a double has, as the book prints its derivatives. */
    private static String tuple(double[] values) {
        StringBuilder text = new StringBuilder("(");
        for (int i = 0; i < values.length; i++) {
            text.append(i == 0 ? "" : ", ").append(values[i]);
        }
        return text.append(')').toString();
    }

    static String compact(double value) {
        if (!Double.isFinite(value)) {
            return "-";
        }
        return value >= 1e6
                ? String.format(Locale.ROOT, "%.2fM", value / 1e6)
                : value >= 1e4
                        ? String.format(Locale.ROOT, "%.0fk", value / 1e3)
                        : String.format(Locale.ROOT, "%.0f", value);
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
