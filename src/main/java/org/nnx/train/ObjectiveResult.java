package org.nnx.train;

import java.util.List;
import org.nnx.model.ObjectiveRun;

/**
 * What one gradient-descent run on a formula produced: the point and value at every step, step 0 being
 * the start, and ∇f at the start both exactly and by central differences, side by side.
 *
 * @param points            x at each step
 * @param values            f(x) at each step
 * @param reason            why the run diverged or stopped; empty when ok
 * @param gradient          ∇f at the start, exact (reverse mode)
 * @param numericalGradient ∇f at the start by central differences, with the run's h or the default 1e-4
 */
public record ObjectiveResult(
        ObjectiveRun run,
        RunStatus status,
        String reason,
        List<double[]> points,
        List<Double> values,
        double seconds,
        double[] gradient,
        double[] numericalGradient) {
    /** A run whose f fell by less than this fraction of its start "barely moved", as an experiment's loss. */
    public static final double BARELY_MOVED_DROP = 0.10;

    public ObjectiveResult {
        points = List.copyOf(points);
        values = List.copyOf(values);
        gradient = gradient.clone();
        numericalGradient = numericalGradient.clone();
    }

    /** A result without the gradients at the start, as read back or made in tests. */
    public ObjectiveResult(
            ObjectiveRun run,
            RunStatus status,
            String reason,
            List<double[]> points,
            List<Double> values,
            double seconds) {
        this(run, status, reason, points, values, seconds, new double[0], new double[0]);
    }

    public String name() {
        return run.name();
    }

    /** The last value of f, NaN when there is none. */
    public double finalValue() {
        return values.isEmpty() ? Double.NaN : values.get(values.size() - 1);
    }

    /**
     * It took its steps and ended ok, but f hardly fell: the learning rate is too small, as for an experiment
     * whose loss barely moved.
     */
    public boolean barelyMoved() {
        if (status != RunStatus.OK || run.steps() == 0 || values.size() < 2) {
            return false;
        }
        double start = values.get(0);
        double drop = start - finalValue();
        return Math.abs(start) > 0 ? drop < BARELY_MOVED_DROP * Math.abs(start) : drop <= 0;
    }
}
