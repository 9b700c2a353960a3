package org.nnx.report.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PlotWindowTest {
    private final PlotWindow window = new PlotWindow(-1, 3, 2, 4);

    @Test
    void containsItsInsideAndEdgesButNotNaN() {
        assertTrue(window.contains(0, 3));
        assertTrue(window.contains(-1, 2), "corner");
        assertTrue(window.contains(new Point(3, 4)), "corner");
        assertFalse(window.contains(3.0001, 3));
        assertFalse(window.contains(0, 1.9999));
        assertFalse(window.contains(Double.NaN, 3));
        assertEquals(4, window.width());
        assertEquals(2, window.height());
    }

    @Test
    void equalScalesWidenTheNarrowerAxisAboutItsCentre() {
        assertEquals(
                new PlotWindow(-0.5, 1.5, 0, 1),
                new PlotWindow(0, 1, 0, 1).withEqualScales(2, 6),
                "x widened to twice the height");
        assertEquals(
                new PlotWindow(0, 8, -1.5, 2.5),
                new PlotWindow(0, 8, 0, 1).withEqualScales(2, 6),
                "y widened to half the width");
        PlotWindow already = new PlotWindow(0, 2, 0, 1);
        assertEquals(already, already.withEqualScales(2, 6));
    }

    @Test
    void equalScalesGiveUpBeyondTheLargestStretch() {
        PlotWindow skewed = new PlotWindow(0, 1000, 0, 1);
        assertEquals(skewed, skewed.withEqualScales(2, 6), "would stretch y 500 times");
        PlotWindow sixTimes = new PlotWindow(0, 12, 0, 1);
        assertEquals(new PlotWindow(0, 12, -2.5, 3.5), sixTimes.withEqualScales(2, 6), "exactly the limit");
    }
}
