package org.nnx.report.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class WindowFitTest {
    @Test
    void aMarginOfTheLargerExtentOnEverySideAroundTheCentre() {
        // x spans 0 … 10, y 0 … 4: the larger extent is 10, so the least half side is 10 · (0.5 + 0.1) = 6.
        PlotWindow window = WindowFit.around(List.of(new double[] {0, 0}, new double[] {10, 4}), 2, 0.1);
        assertEquals(new PlotWindow(-1, 11, -4, 8), window);
    }

    @Test
    void nonFiniteCoordinatesAreLeftOut() {
        PlotWindow window = WindowFit.around(
                List.of(
                        new double[] {0, 0},
                        new double[] {Double.NaN, 100},
                        new double[] {1e300, Double.POSITIVE_INFINITY},
                        new double[] {2, 2}),
                2,
                0.25);
        assertEquals(new PlotWindow(-0.5, 2.5, -0.5, 2.5), window);
    }

    @Test
    void aSinglePointGetsHalfItsDistanceFromZeroAndZeroAUnit() {
        assertEquals(new PlotWindow(-6, -2, 2, 6), WindowFit.around(List.<double[]>of(new double[] {-4, 4}), 2, 0.1));
        assertEquals(new PlotWindow(-1, 1, -1, 1), WindowFit.around(List.<double[]>of(new double[] {0, 0}), 2, 0.1));
        assertEquals(new PlotWindow(-1, 1, -1, 1), WindowFit.around(List.of(), 2, 0.1), "no points at all");
    }

    @Test
    void aPathThatBarelyMovesFarFromZeroGetsFivePercentOfItsDistance() {
        PlotWindow window = WindowFit.around(List.of(new double[] {100, 0}, new double[] {100.001, 0}), 2, 0.1);
        assertEquals(100.0005 - 5.00005, window.minX(), 1e-9);
        assertEquals(100.0005 + 5.00005, window.maxX(), 1e-9);
    }

    @Test
    void oneDimensionLeavesYAtZero() {
        PlotWindow window = WindowFit.around(List.of(new double[] {1}, new double[] {3}), 1, 0.5);
        assertEquals(new PlotWindow(0, 4, 0, 0), window);
    }
}
