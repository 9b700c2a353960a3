package org.nnx.report.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nnx.model.Formula;

class FunctionGridTest {
    /** x0 − 2·x1. */
    private static final Formula PLANE = new Formula.Binary(
            '-', new Formula.Variable(0), new Formula.Binary('*', new Formula.Constant(2), new Formula.Variable(1)));

    @Test
    void fAtTheCentreOfEveryCell() {
        FunctionGrid grid = FunctionGrid.sample(PLANE, new CellGrid(new PlotWindow(0, 2, 0, 4), 2, 2));
        assertArrayEquals(new double[] {0.5 - 2, 0.5 - 6}, grid.values()[0]);
        assertArrayEquals(new double[] {1.5 - 2, 1.5 - 6}, grid.values()[1]);
        assertEquals(new ValueRange(-5.5, -0.5), grid.range());
    }

    @Test
    void variablesBeyondThePlotAreZero() {
        Formula withX2 = new Formula.Binary('+', new Formula.Variable(0), new Formula.Variable(2));
        FunctionGrid grid = FunctionGrid.sample(withX2, new CellGrid(new PlotWindow(0, 1, 0, 1), 1, 1));
        assertEquals(0.5, grid.values()[0][0]);
    }

    @Test
    void theRangeLeavesOutWhereFIsNotFinite() {
        // log x0 is NaN left of 0: the centres are at x0 = −1.5, −0.5, 0.5, 1.5.
        Formula log = new Formula.Function("log", new Formula.Variable(0));
        FunctionGrid grid = FunctionGrid.sample(log, new CellGrid(new PlotWindow(-2, 2, 0, 1), 4, 1));
        assertTrue(Double.isNaN(grid.values()[0][0]));
        assertEquals(new ValueRange(Math.log(0.5), Math.log(1.5)), grid.range());
        double[][] doubled = grid.map(v -> 2 * v);
        assertEquals(2 * Math.log(1.5), doubled[3][0]);
        assertTrue(Double.isNaN(doubled[1][0]));
    }
}
