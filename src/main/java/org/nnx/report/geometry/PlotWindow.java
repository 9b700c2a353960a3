package org.nnx.report.geometry;

/** The region of the plane drawn: x from {@code minX} to {@code maxX}, y from {@code minY} to {@code maxY}. */
public record PlotWindow(double minX, double maxX, double minY, double maxY) {
    /** Whether (x, y) is inside or on the edge; false when either is NaN. */
    public boolean contains(double x, double y) {
        return x >= minX && x <= maxX && y >= minY && y <= maxY;
    }

    /** Whether {@code point} is inside or on the edge. */
    public boolean contains(Point point) {
        return contains(point.x(), point.y());
    }

    public double width() {
        return maxX - minX;
    }

    public double height() {
        return maxY - minY;
    }

    /**
     * This window widened along one axis, about its centre, so that a unit is as long on both axes of a
     * plot with that {@code aspect} (width / height); unchanged when that would stretch it more than
     * {@code maxStretch} times, because then one axis would show almost nothing: the axes keep their own
     * scales.
     */
    public PlotWindow withEqualScales(double aspect, double maxStretch) {
        double wanted = height() * aspect;
        double stretch = Math.max(wanted / width(), width() / wanted);
        if (!(stretch <= maxStretch)) {
            return this;
        }
        if (wanted > width()) {
            double centre = (minX + maxX) / 2;
            return new PlotWindow(centre - wanted / 2, centre + wanted / 2, minY, maxY);
        }
        double wantedHeight = width() / aspect;
        double centre = (minY + maxY) / 2;
        return new PlotWindow(minX, maxX, centre - wantedHeight / 2, centre + wantedHeight / 2);
    }
}
