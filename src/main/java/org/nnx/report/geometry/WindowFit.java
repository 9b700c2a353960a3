package org.nnx.report.geometry;

import java.util.List;

/**
 * The window around a set of points: their bounding box, centred, grown by a margin on every side, and
 * never empty, so that a path that barely moves still has some landscape around it.
 */
public final class WindowFit {
    private WindowFit() {}

    /**
     * The window around the first {@code dimensions} (1 or 2) coordinates of {@code points}; points with a
     * non-finite coordinate among those are left out. Each axis reaches {@code margin} times the larger
     * extent beyond the points. For one dimension y is 0 to 0.
     */
    public static PlotWindow around(List<double[]> points, int dimensions, double margin) {
        double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (double[] p : points) {
            if (finite(p, dimensions)) {
                for (int d = 0; d < dimensions; d++) {
                    lo[d] = Math.min(lo[d], p[d]);
                    hi[d] = Math.max(hi[d], p[d]);
                }
            }
        }
        double extent = 0;
        double scale = 0;
        for (int d = 0; d < dimensions; d++) {
            if (!(hi[d] >= lo[d])) {
                lo[d] = 0;
                hi[d] = 0;
            }
            extent = Math.max(extent, hi[d] - lo[d]);
            scale = Math.max(scale, Math.max(Math.abs(lo[d]), Math.abs(hi[d])));
        }
        double half = halfSide(extent, scale, margin);
        double[] min = new double[2];
        double[] max = new double[2];
        for (int d = 0; d < dimensions; d++) {
            double centre = (lo[d] + hi[d]) / 2;
            double reach = Math.max(half, (hi[d] - lo[d]) / 2 + extent * margin);
            min[d] = centre - reach;
            max[d] = centre + reach;
        }
        return new PlotWindow(min[0], max[0], min[1], max[1]);
    }

    /**
     * The least half side of the window. Points spread over {@code extent} get their margin, and at least 5 %
     * of their distance from 0; a single point gets half its distance from 0, or a unit around 0.
     */
    private static double halfSide(double extent, double scale, double margin) {
        double half = extent > 0 ? Math.max(extent * (0.5 + margin), scale * 0.05) : scale * 0.5;
        return half > 0 && Double.isFinite(half) ? half : 1;
    }

    private static boolean finite(double[] p, int dimensions) {
        for (int d = 0; d < dimensions; d++) {
            if (!Double.isFinite(p[d])) {
                return false;
            }
        }
        return true;
    }
}
