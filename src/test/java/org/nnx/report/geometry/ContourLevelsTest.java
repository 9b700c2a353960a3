package org.nnx.report.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ContourLevelsTest {
    @Test
    void aKnownRangeCoversTheGivenDecadesBelowIt() {
        // f from 5 to 105: range 100, ε = 100 · 10⁻³ = 0.1.
        ContourLevels scale = ContourLevels.of(5, 105, 3);
        assertEquals(5, scale.shift());
        assertEquals(0.1, scale.epsilon(), 1e-15);
        assertEquals(-1, scale.low(), 1e-12);
        assertEquals(Math.log10(100.1), scale.high(), 1e-12);
        assertEquals(scale.low(), scale.t(5), 1e-12, "min f");
        assertEquals(scale.high(), scale.t(105), 1e-12, "max f");
        assertEquals(Math.log10(10.1), scale.t(15), 1e-12);
        assertEquals(scale.low(), scale.t(0), 1e-12, "below min f counts as min f");
        assertTrue(Double.isNaN(scale.t(Double.NaN)));
        assertTrue(Double.isNaN(scale.t(Double.POSITIVE_INFINITY)));
    }

    @Test
    void levelsAreEvenlySpacedStrictlyBetweenLowAndHigh() {
        ContourLevels scale = new ContourLevels(0, 1, 0, 4, true);
        assertArrayEquals(new double[] {1, 2, 3}, scale.levels(3), 1e-12);
        ContourLevels wide = ContourLevels.of(0, 1000, 2);
        double[] levels = wide.levels(14);
        assertEquals(14, levels.length);
        double gap = (wide.high() - wide.low()) / 15;
        for (int k = 0; k < levels.length; k++) {
            assertEquals(wide.low() + (k + 1) * gap, levels[k], 1e-12, "level " + k);
        }
    }

    @Test
    void aFlatFunctionHasNoLevelsAndAUnitRange() {
        ContourLevels flat = ContourLevels.of(2, 2, 3);
        assertFalse(flat.spread());
        assertEquals(0, flat.levels(14).length);
        assertEquals(1e-3, flat.epsilon(), 1e-18);
        ContourLevels nothing = ContourLevels.of(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 3);
        assertEquals(0, nothing.shift(), "no finite f at all");
        assertEquals(0, nothing.levels(5).length);
    }
}
