package org.nnx.report.geometry;

import java.util.ArrayList;
import java.util.List;

/**
 * Contour lines of values sampled on a regular grid of points, by marching squares: each square of four
 * neighbouring samples that the level separates gets one segment (two at a saddle) between the crossings
 * on its edges, placed by linear interpolation.
 */
public final class ContourLines {
    private ContourLines() {}

    /**
     * The contour at {@code level} of {@code values}, where {@code values[i][j]} was sampled at
     * ({@code origin.x() + i·dx}, {@code origin.y() + j·dy}). A saddle square is resolved by the mean of its
     * corners, as the value at its centre; a square with a NaN corner gets no segment, so undefined parts
     * of f leave gaps rather than invented lines.
     */
    public static List<Segment> at(double[][] values, double level, Point origin, double dx, double dy) {
        List<Segment> segments = new ArrayList<>();
        int columns = values.length;
        int rows = columns == 0 ? 0 : values[0].length;
        for (int i = 0; i + 1 < columns; i++) {
            for (int j = 0; j + 1 < rows; j++) {
                Square square = new Square(
                        values[i][j],
                        values[i + 1][j],
                        values[i + 1][j + 1],
                        values[i][j + 1],
                        origin.x() + i * dx,
                        origin.y() + j * dy,
                        dx,
                        dy);
                square.addSegments(level, segments);
            }
        }
        return segments;
    }

    /** Four samples a (lower left), b (lower right), c (upper right), d (upper left) and where they lie. */
    private record Square(double a, double b, double c, double d, double left, double bottom, double dx, double dy) {
        void addSegments(double level, List<Segment> segments) {
            if (Double.isNaN(a) || Double.isNaN(b) || Double.isNaN(c) || Double.isNaN(d)) {
                return;
            }
            int index = (a > level ? 1 : 0) | (b > level ? 2 : 0) | (c > level ? 4 : 0) | (d > level ? 8 : 0);
            if (index == 0 || index == 15) {
                return;
            }
            Point south = new Point(left + dx * fraction(a, b, level), bottom);
            Point east = new Point(left + dx, bottom + dy * fraction(b, c, level));
            Point north = new Point(left + dx * fraction(d, c, level), bottom + dy);
            Point west = new Point(left, bottom + dy * fraction(a, d, level));
            boolean centreAbove = (a + b + c + d) / 4 > level;
            // At a saddle (5 or 10) the lines cut off the two corners on the other side of the level from the centre.
            boolean cutsOffSouthWestAndNorthEast = index == 5 ? !centreAbove : index == 10 && centreAbove;
            switch (index) {
                case 1, 14 -> segments.add(new Segment(west, south));
                case 2, 13 -> segments.add(new Segment(south, east));
                case 3, 12 -> segments.add(new Segment(west, east));
                case 4, 11 -> segments.add(new Segment(east, north));
                case 6, 9 -> segments.add(new Segment(south, north));
                case 7, 8 -> segments.add(new Segment(west, north));
                default -> {
                    if (cutsOffSouthWestAndNorthEast) {
                        segments.add(new Segment(west, south));
                        segments.add(new Segment(east, north));
                    } else {
                        segments.add(new Segment(south, east));
                        segments.add(new Segment(west, north));
                    }
                }
            }
        }

        /** Where {@code level} lies between two samples, 0 at the first, 1 at the second. */
        private static double fraction(double from, double to, double level) {
            return from == to ? 0.5 : (level - from) / (to - from);
        }
    }
}
