package org.nnx.report.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SegmentClippingTest {
    private final PlotWindow window = new PlotWindow(-1, 1, -1, 1);

    @Test
    void aSegmentCrossingAnEdgeIsCutThere() {
        assertEquals(new Point(1, 0.25), SegmentClipping.exit(new Point(0, 0), new Point(4, 1), window), "right edge");
        assertEquals(new Point(-0.5, -1), SegmentClipping.exit(new Point(0, 1), new Point(-1, -3), window), "bottom");
    }

    @Test
    void throughACornerTheNearerEdgeCounts() {
        // Towards (3, 2) from (0, 0): x reaches 1 at t = 1/3, y at t = 1/2.
        Point exit = SegmentClipping.exit(new Point(0, 0), new Point(3, 2), window);
        assertEquals(1, exit.x(), 1e-15);
        assertEquals(2.0 / 3, exit.y(), 1e-15);
    }

    @Test
    void aSegmentThatStaysInsideEndsAtItsEnd() {
        assertEquals(new Point(0.5, -0.5), SegmentClipping.exit(new Point(0, 0), new Point(0.5, -0.5), window));
    }

    @Test
    void anInfiniteEdgeIsNeverCrossed() {
        PlotWindow open = new PlotWindow(-1, Double.POSITIVE_INFINITY, -1, 1);
        assertEquals(new Point(8, 0), SegmentClipping.exit(new Point(0, 0), new Point(8, 0), open));
    }
}
