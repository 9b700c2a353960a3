package org.nnx.train;

import java.util.List;
import org.nnx.model.ObjectiveRun;

/**
 * What one gradient-descent run on a formula produced: the point and value at every step, step 0 being
 * the start.
 *
 * @param points  x at each step
 * @param values  f(x) at each step
 * @param reason  why the run diverged or stopped; empty when ok
 */
public record ObjectiveResult(
        ObjectiveRun run, RunStatus status, String reason, List<double[]> points, List<Double> values, double seconds) {
    public ObjectiveResult {
        points = List.copyOf(points);
        values = List.copyOf(values);
    }

    public String name() {
        return run.name();
    }

    /** The last value of f, NaN when there is none. */
    public double finalValue() {
        return values.isEmpty() ? Double.NaN : values.get(values.size() - 1);
    }
}
