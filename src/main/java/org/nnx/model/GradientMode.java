package org.nnx.model;

/**
 * How ∂L/∂W is computed: by backpropagation; by central differences (f(x+h) − f(x−h)) / 2h; or by
 * backpropagation after comparing it with central differences on a few samples.
 *
 * @param h         the step of central differences ({@code numerical})
 * @param tolerance the largest relative error that passes the comparison ({@code check})
 */
public record GradientMode(Kind kind, double h, double tolerance) {
    public enum Kind {
        BACKPROP,
        NUMERICAL,
        CHECK
    }

    public static final double DEFAULT_H = 1e-4;
    public static final double DEFAULT_TOLERANCE = 1e-4;
    public static final GradientMode BACKPROP = new GradientMode(Kind.BACKPROP, DEFAULT_H, DEFAULT_TOLERANCE);
}
