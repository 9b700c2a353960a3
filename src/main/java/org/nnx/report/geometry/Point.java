package org.nnx.report.geometry;

/** A point of the plotted plane: (x0, x1) for two variables, (x0, f) for one. */
public record Point(double x, double y) {
    /** Whether both coordinates are finite. */
    public boolean isFinite() {
        return Double.isFinite(x) && Double.isFinite(y);
    }
}
