package org.nnx.model;

import java.util.List;

/**
 * One run of gradient descent on a formula: x ← x − η·∇f(x), {@code steps} times from {@code start}.
 *
 * @param name         the values that vary, or the objective's name when nothing varies
 * @param learningRate η; NaN for a run of no steps, which only evaluates its start
 * @param steps        how many steps; 0 evaluates f and ∇f at the start only
 * @param gradient     {@link GradientMode.Kind#BACKPROP} (the exact derivative) or {@link GradientMode.Kind#NUMERICAL}
 * @param divergence   f or the largest |x| growing past this many times its start counts as diverged
 * @param arrows       how the landscape draws the arrows of −∇f
 */
public record ObjectiveRun(
        String name,
        SweptValues varying,
        Formula formula,
        List<Double> start,
        double learningRate,
        long steps,
        GradientMode gradient,
        double divergence,
        GradientArrows arrows) {
    /** The language's default for {@code divergence}. */
    public static final double DEFAULT_DIVERGENCE = 1e10;

    public ObjectiveRun {
        start = List.copyOf(start);
    }

    /** A run with the default divergence bound and scaled arrows. */
    public ObjectiveRun(
            String name,
            SweptValues varying,
            Formula formula,
            List<Double> start,
            double learningRate,
            long steps,
            GradientMode gradient) {
        this(name, varying, formula, start, learningRate, steps, gradient, DEFAULT_DIVERGENCE, GradientArrows.SCALED);
    }
}
