package org.nnx.report.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClippedPathTest {
    private final PlotWindow window = new PlotWindow(0, 10, 0, 10);

    @Test
    void aPathInsideIsKeptWhole() {
        List<Point> path = List.of(new Point(1, 1), new Point(2, 3), new Point(10, 10));
        ClippedPath clipped = ClippedPath.of(path, window);
        assertEquals(path, clipped.points());
        assertEquals(3, clipped.kept());
        assertFalse(clipped.left());
        assertEquals(Optional.of(new Point(10, 10)), clipped.end());
    }

    @Test
    void aPathThatLeavesIsCutAtTheEdgeForGood() {
        List<Point> path = List.of(new Point(5, 5), new Point(8, 5), new Point(20, 11), new Point(6, 6));
        ClippedPath clipped = ClippedPath.of(path, window);
        assertEquals(List.of(new Point(5, 5), new Point(8, 5), new Point(10, 6)), clipped.points());
        assertEquals(2, clipped.kept());
        assertTrue(clipped.left());
        assertEquals(Optional.of(new Point(10, 6)), clipped.end());
    }

    @Test
    void aPathThatStopsBeingFiniteEndsAtItsLastFinitePoint() {
        ClippedPath clipped = ClippedPath.of(List.of(new Point(5, 5), new Point(Double.NaN, 5)), window);
        assertEquals(List.of(new Point(5, 5)), clipped.points());
        assertTrue(clipped.left());
    }

    @Test
    void aPathStartingOutsideDrawsNothing() {
        ClippedPath clipped = ClippedPath.of(List.of(new Point(-1, 5), new Point(5, 5)), window);
        assertEquals(List.of(), clipped.points());
        assertEquals(0, clipped.kept());
        assertTrue(clipped.left());
        assertEquals(Optional.empty(), clipped.end());
        assertEquals(Optional.empty(), ClippedPath.of(List.of(), window).end());
    }
}
