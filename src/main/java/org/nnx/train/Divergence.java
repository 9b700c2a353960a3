package org.nnx.train;

/**
 * When a run counts as diverged: a value that is no longer finite, or whose magnitude exceeds both
 * {@code floor} and {@code factor} times the magnitude of where it started. With too large a step size the
 * steps overshoot further each time, so the value soon leaves any bound; the floor keeps a run that starts
 * near zero from diverging on an ordinary wobble.
 *
 * @param factor how many times its start a value may grow to
 * @param floor  the bound a value may always reach, whatever its start
 */
public record Divergence(double factor, double floor) {
    /** Experiments: a batch loss above 1000 times the first batch's loss and above 10 000. */
    public static final Divergence EXPERIMENTS = new Divergence(1000, 1e4);
    /** Objectives: f, or the largest coordinate of x, beyond 10¹⁰ times its start and beyond 10¹⁰. */
    public static final Divergence OBJECTIVES = new Divergence(1e10, 1e10);

    public Divergence {
        if (!(factor > 0) || !(floor >= 0) || Double.isInfinite(factor) || Double.isInfinite(floor)) {
            throw new IllegalArgumentException(
                    "divergence needs a finite factor > 0 and floor ≥ 0: " + factor + ", " + floor);
        }
    }

    /**
     * Whether {@code value} is not finite or {@code |value| > max(floor, factor·|start|)}. A NaN {@code start}
     * bounds nothing, so that then only a value that is not finite counts.
     */
    public boolean exceeded(double value, double start) {
        return !Double.isFinite(value) || Math.abs(value) > Math.max(floor, factor * Math.abs(start));
    }
}
