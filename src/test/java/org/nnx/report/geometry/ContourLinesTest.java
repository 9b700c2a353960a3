package org.nnx.report.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContourLinesTest {
    private static final Point ORIGIN = new Point(-2, -2);

    /** x0² + x1² sampled every 0.1 from −2 to 2 on both axes. */
    private static double[][] bowl() {
        int n = 41;
        double[][] grid = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double x = -2 + i * 0.1;
                double y = -2 + j * 0.1;
                grid[i][j] = x * x + y * y;
            }
        }
        return grid;
    }

    @Test
    void theContourOfABowlAtRSquaredIsTheCircleOfRadiusR() {
        for (double r : new double[] {0.5, 1, 1.7}) {
            List<Segment> segments = ContourLines.at(bowl(), r * r, ORIGIN, 0.1, 0.1);
            assertTrue(segments.size() >= 2 * Math.PI * r / 0.1, "segments all round at r = " + r);
            double[] angles = new double[4];
            for (Segment segment : segments) {
                for (Point p : List.of(segment.from(), segment.to())) {
                    // Linear interpolation of r² between samples lies a little outside the circle.
                    assertEquals(r, Math.hypot(p.x(), p.y()), 0.01, "r = " + r);
                    angles[(int) ((Math.atan2(p.y(), p.x()) + Math.PI) / (Math.PI / 2)) % 4]++;
                }
            }
            for (double quadrant : angles) {
                assertTrue(quadrant > 0, "every quadrant");
            }
        }
    }

    @Test
    void aCrossingIsInterpolatedOnTheEdge() {
        // One square, lower left 0, lower right 4, upper right 4, upper left 0: level 1 crosses a quarter across.
        double[][] values = {{0, 0}, {4, 4}};
        List<Segment> segments = ContourLines.at(values, 1, new Point(10, 20), 2, 3);
        assertEquals(List.of(new Segment(new Point(10.5, 20), new Point(10.5, 23))), segments);
    }

    @Test
    void aSaddleIsResolvedByTheMeanOfItsCorners() {
        // a = c = 1 above level 0.5, b = d = 0 below; the mean 0.5 is not above, so the high corners are cut off.
        double[][] values = {{1, 0}, {0, 1}};
        List<Segment> low = ContourLines.at(values, 0.5, new Point(0, 0), 1, 1);
        assertEquals(
                List.of(
                        new Segment(new Point(0, 0.5), new Point(0.5, 0)),
                        new Segment(new Point(1, 0.5), new Point(0.5, 1))),
                low);
        // Level 0.4: the mean is above, so the low corners b and d are cut off.
        List<Segment> high = ContourLines.at(values, 0.4, new Point(0, 0), 1, 1);
        assertEquals(2, high.size());
        assertPoint(0.6, 0, high.get(0).from());
        assertPoint(1, 0.4, high.get(0).to());
        assertPoint(0, 0.6, high.get(1).from());
        assertPoint(0.4, 1, high.get(1).to());
    }

    @Test
    void squaresWithANaNCornerGetNoSegment() {
        double[][] grid = bowl();
        int all = ContourLines.at(grid, 1, ORIGIN, 0.1, 0.1).size();
        grid[5][5] = Double.NaN; // (−1.5, −1.5), far from the circle
        assertEquals(all, ContourLines.at(grid, 1, ORIGIN, 0.1, 0.1).size());
        grid[30][20] = Double.NaN; // (1, 0), on the circle
        List<Segment> holed = ContourLines.at(grid, 1, ORIGIN, 0.1, 0.1);
        assertTrue(holed.size() < all);
        for (Segment segment : holed) {
            double midX = (segment.from().x() + segment.to().x()) / 2;
            double midY = (segment.from().y() + segment.to().y()) / 2;
            assertTrue(Math.abs(midX - 1) > 0.1 || Math.abs(midY) > 0.1, "no segment beside the NaN: " + segment);
        }
    }

    @Test
    void flatOrEmptyValuesGetNoSegment() {
        assertEquals(List.of(), ContourLines.at(new double[][] {{2, 2}, {2, 2}}, 2, ORIGIN, 1, 1), "flat at the level");
        assertEquals(List.of(), ContourLines.at(new double[][] {{1, 2}, {1, 2}}, 5, ORIGIN, 1, 1), "all below");
        assertEquals(List.of(), ContourLines.at(new double[0][0], 1, ORIGIN, 1, 1));
        assertEquals(List.of(), ContourLines.at(new double[][] {{0, 4}}, 1, ORIGIN, 1, 1), "one column: no square");
    }

    private static void assertPoint(double x, double y, Point actual) {
        assertEquals(x, actual.x(), 1e-12, "x of " + actual);
        assertEquals(y, actual.y(), 1e-12, "y of " + actual);
    }
}
