package org.nnx.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.nnx.model.Formula;
import org.nnx.model.GradientMode;
import org.nnx.model.ObjectiveRun;

/**
 * Gradient descent on a formula, x ← x − η·∇f(x), with ∇f exact (the formula's own reverse mode) or by
 * central differences. A run diverges when f, or the largest coordinate of x, stops being finite or outgrows its
 * start by the run's {@code divergence} factor (by default the objectives' rule, {@link Divergence#OBJECTIVES}).
 * ∇f at the start is kept both exactly and by central differences, for a run of no steps to show.
 */
public final class ObjectiveRunner {
    private final StopSignal stop;

    public ObjectiveRunner(StopSignal stop) {
        this.stop = stop;
    }

    public ObjectiveResult run(ObjectiveRun run) {
        long started = System.nanoTime();
        Formula f = run.formula();
        double[] x = run.start().stream().mapToDouble(Double::doubleValue).toArray();
        double[] gradient = new double[x.length];
        List<double[]> points = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        double value = f.evaluate(x);
        points.add(x.clone());
        values.add(value);
        double startValue = value;
        double startSize = maxAbs(x);
        double[] exact = new double[x.length];
        gradient(f, x, GradientMode.BACKPROP, exact);
        double[] numerical = new double[x.length];
        GradientMode differences = run.gradient().kind() == GradientMode.Kind.NUMERICAL
                ? run.gradient()
                : new GradientMode(GradientMode.Kind.NUMERICAL, GradientMode.DEFAULT_H, GradientMode.DEFAULT_TOLERANCE);
        gradient(f, x, differences, numerical);
        Divergence divergence = new Divergence(run.divergence(), run.divergence());
        RunStatus status = RunStatus.OK;
        String reason = "";
        if (!Double.isFinite(value)) {
            status = RunStatus.DIVERGED;
            reason = "f is " + value + " at the start point";
        }
        for (long step = 1; step <= run.steps() && status == RunStatus.OK; step++) {
            if (stop.requested()) {
                status = RunStatus.STOPPED;
                reason = "stopped by the user after " + (step - 1) + " of " + run.steps() + " steps";
                break;
            }
            gradient(f, x, run.gradient(), gradient);
            for (int i = 0; i < x.length; i++) {
                x[i] -= run.learningRate() * gradient[i];
            }
            value = f.evaluate(x);
            points.add(x.clone());
            values.add(value);
            if (divergence.exceeded(value, startValue) || divergence.exceeded(maxAbs(x), startSize)) {
                status = RunStatus.DIVERGED;
                reason = String.format(Locale.ROOT, "f = %.4g at step %d", value, step);
            }
        }
        return new ObjectiveResult(
                run, status, reason, points, values, (System.nanoTime() - started) / 1e9, exact, numerical);
    }

    /** ∇f at x into {@code gradient}: reverse mode, or central differences (f(x+h) − f(x−h)) / 2h. */
    static void gradient(Formula f, double[] x, GradientMode mode, double[] gradient) {
        Arrays.fill(gradient, 0);
        if (mode.kind() != GradientMode.Kind.NUMERICAL) {
            f.backward(x, 1, gradient);
            return;
        }
        double h = mode.h();
        for (int i = 0; i < x.length; i++) {
            double saved = x[i];
            x[i] = saved + h;
            double plus = f.evaluate(x);
            x[i] = saved - h;
            double minus = f.evaluate(x);
            x[i] = saved;
            gradient[i] = (plus - minus) / (2 * h);
        }
    }

    /** The largest |x_i|; NaN when some x_i is NaN, so that a point that is not finite is never within bounds. */
    private static double maxAbs(double[] x) {
        double max = 0;
        for (double v : x) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }
}
