package org.nnx.report.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CellGridTest {
    @Test
    void centresOfEqualCellsFromTheLowerLeftCorner() {
        CellGrid grid = new CellGrid(new PlotWindow(0, 4, -1, 1), 4, 2);
        assertEquals(1, grid.cellWidth());
        assertEquals(1, grid.cellHeight());
        assertEquals(0.5, grid.x(0));
        assertEquals(3.5, grid.x(3));
        assertEquals(-0.5, grid.y(0));
        assertEquals(0.5, grid.y(1));
    }

    @Test
    void squareCellsTakeTheirRowsFromThePlotsShape() {
        PlotWindow window = new PlotWindow(0, 1, 0, 1);
        assertEquals(50, CellGrid.squareCells(window, 100, 800, 400).rows());
        assertEquals(2, CellGrid.squareCells(window, 3, 800, 100).rows(), "never fewer than 2");
    }

    @Test
    void aGridWithoutCellsIsRefused() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new CellGrid(new PlotWindow(0, 1, 0, 1), 0, 3));
        assertEquals("a grid needs at least one cell, not 0 × 3", e.getMessage());
    }
}
