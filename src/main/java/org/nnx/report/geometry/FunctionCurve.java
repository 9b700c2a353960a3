package org.nnx.report.geometry;

import java.util.stream.DoubleStream;
import org.nnx.model.Formula;

/**
 * f of one variable sampled at evenly spaced x0: {@code x[i]} and {@code f[i]}, with NaN where f is not
 * finite so that a drawn curve has a gap there.
 */
public record FunctionCurve(double[] x, double[] f) {
    /** f at {@code intervals + 1} points from {@code window.minX()} to {@code window.maxX()}, both included. */
    public static FunctionCurve sample(Formula formula, PlotWindow window, int intervals) {
        double[] xs = new double[intervals + 1];
        double[] fs = new double[intervals + 1];
        double[] x = FormulaArguments.of(formula, 1);
        for (int i = 0; i <= intervals; i++) {
            x[0] = window.minX() + window.width() * i / intervals;
            double value = formula.evaluate(x);
            xs[i] = x[0];
            fs[i] = Double.isFinite(value) ? value : Double.NaN;
        }
        return new FunctionCurve(xs, fs);
    }

    /** The range of the finite values of f. */
    public ValueRange range() {
        return ValueRange.ofFinite(DoubleStream.of(f));
    }
}
