package org.nnx.report.geometry;

/** Where a segment that starts inside a window leaves it. */
public final class SegmentClipping {
    private SegmentClipping() {}

    /**
     * Where the segment from {@code inside} to {@code outside} first crosses the edge of {@code window}:
     * {@code outside} itself when it is inside too, {@code inside} when the segment does not leave through
     * a finite edge ahead of it. An infinite edge is never crossed.
     */
    public static Point exit(Point inside, Point outside, PlotWindow window) {
        double dx = outside.x() - inside.x();
        double dy = outside.y() - inside.y();
        double t = 1;
        if (dx > 0 && Double.isFinite(window.maxX())) {
            t = Math.min(t, (window.maxX() - inside.x()) / dx);
        } else if (dx < 0 && Double.isFinite(window.minX())) {
            t = Math.min(t, (window.minX() - inside.x()) / dx);
        }
        if (dy > 0 && Double.isFinite(window.maxY())) {
            t = Math.min(t, (window.maxY() - inside.y()) / dy);
        } else if (dy < 0 && Double.isFinite(window.minY())) {
            t = Math.min(t, (window.minY() - inside.y()) / dy);
        }
        t = Math.max(0, t);
        return new Point(inside.x() + t * dx, inside.y() + t * dy);
    }
}
