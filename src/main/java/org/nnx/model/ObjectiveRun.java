package org.nnx.model;

import java.util.List;

/**
 * One run of gradient descent on a formula: x ← x − η·∇f(x), {@code steps} times from {@code start}.
 *
 * @param name     the values that vary, or the objective's name when nothing varies
 * @param gradient {@link GradientMode.Kind#BACKPROP} (the exact derivative) or {@link GradientMode.Kind#NUMERICAL}
 */
public record ObjectiveRun(
        String name,
        SweptValues varying,
        Formula formula,
        List<Double> start,
        double learningRate,
        long steps,
        GradientMode gradient) {
    public ObjectiveRun {
        start = List.copyOf(start);
    }
}
