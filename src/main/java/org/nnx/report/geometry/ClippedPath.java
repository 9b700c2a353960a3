package org.nnx.report.geometry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A path of points as drawn in a window: its points up to the first one that is outside or not finite,
 * then, when that one is finite, the point where the path crosses the edge towards it. A path that leaves
 * is cut there for good, because the rest of a diverging path lies far away and would say nothing more.
 *
 * @param points the points to draw: the kept points of the path, then the crossing, if any
 * @param kept   how many points of the path, from the first, are inside
 * @param left   whether the path left the window or stopped being finite before its end
 */
public record ClippedPath(List<Point> points, int kept, boolean left) {
    public ClippedPath {
        points = List.copyOf(points);
    }

    /** {@code path} clipped to {@code window}. */
    public static ClippedPath of(List<Point> path, PlotWindow window) {
        List<Point> points = new ArrayList<>();
        for (Point p : path) {
            if (p.isFinite() && window.contains(p)) {
                points.add(p);
                continue;
            }
            int kept = points.size();
            if (kept > 0 && p.isFinite()) {
                points.add(SegmentClipping.exit(points.get(kept - 1), p, window));
            }
            return new ClippedPath(points, kept, true);
        }
        return new ClippedPath(points, points.size(), false);
    }

    /** Where the drawn path ends: its last kept point, or the crossing; empty when nothing is drawn. */
    public Optional<Point> end() {
        return points.isEmpty() ? Optional.empty() : Optional.of(points.get(points.size() - 1));
    }
}
