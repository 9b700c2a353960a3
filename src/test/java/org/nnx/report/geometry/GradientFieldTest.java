package org.nnx.report.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnx.model.Formula;

class GradientFieldTest {
    /** x0² + x1², its minimum at 0. */
    private static final Formula BOWL = new Formula.Binary(
            '+',
            new Formula.Binary('^', new Formula.Variable(0), new Formula.Constant(2)),
            new Formula.Binary('^', new Formula.Variable(1), new Formula.Constant(2)));

    @Test
    void onABowlTheGradientPointsAwayFromTheMinimumSoTheArrowsPointAtIt() {
        CellGrid cells = new CellGrid(new PlotWindow(-3, 5, -2, 2), 8, 4);
        List<Arrow> arrows = GradientField.unit(BOWL, cells, 0.5);
        assertEquals(32, arrows.size(), "one arrow per cell: no centre is at the minimum");
        for (Arrow arrow : arrows) {
            double cx = arrow.x() + arrow.dx() / 2;
            double cy = arrow.y() + arrow.dy() / 2;
            // ∇f = 2x points from 0 to the centre; the arrow, −∇f, the other way.
            double cosine =
                    (arrow.dx() * cx + arrow.dy() * cy) / (Math.hypot(arrow.dx(), arrow.dy()) * Math.hypot(cx, cy));
            assertEquals(-1, cosine, 1e-12, arrow.toString());
        }
    }

    @Test
    void everyArrowIsCentredOnItsCellAndAsLongInCells() {
        // Cells 2 wide and 0.5 high: lengths are measured in cells, so arrows differ in plane units.
        CellGrid cells = new CellGrid(new PlotWindow(-4, 4, -1, 1), 4, 4);
        List<Arrow> arrows = GradientField.unit(BOWL, cells, 0.62);
        for (int n = 0; n < arrows.size(); n++) {
            Arrow arrow = arrows.get(n);
            assertEquals(cells.x(n / 4), arrow.x() + arrow.dx() / 2, 1e-12, "centre x of " + n);
            assertEquals(cells.y(n % 4), arrow.y() + arrow.dy() / 2, 1e-12, "centre y of " + n);
            assertEquals(0.62, Math.hypot(arrow.dx() / 2, arrow.dy() / 0.5), 1e-12, "length in cells of " + n);
        }
    }

    @Test
    void scaledArrowsAreAsLongAsTheGradientTheLongestAsAsked() {
        // Square cells of 1 × 1 centred on −2.5 … 2.5: |∇f| = 2·|centre|, so lengths follow distances to 0.
        CellGrid cells = new CellGrid(new PlotWindow(-3, 3, -3, 3), 6, 6);
        List<Arrow> arrows = GradientField.scaled(BOWL, cells, 0.9);
        assertEquals(36, arrows.size());
        double farthest = Math.hypot(2.5, 2.5);
        for (Arrow arrow : arrows) {
            double cx = arrow.x() + arrow.dx() / 2;
            double cy = arrow.y() + arrow.dy() / 2;
            double length = Math.hypot(arrow.dx(), arrow.dy());
            assertEquals(0.9 * Math.hypot(cx, cy) / farthest, length, 1e-12, arrow.toString());
            assertEquals(-1, (arrow.dx() * cx + arrow.dy() * cy) / (length * Math.hypot(cx, cy)), 1e-12);
        }
        // The corner cell's arrow is the longest, 0.9 cells; the one at (0.5, 0.5) a fifth of it.
        assertEquals(
                0.9,
                arrows.stream()
                        .mapToDouble(a -> Math.hypot(a.dx(), a.dy()))
                        .max()
                        .orElseThrow(),
                1e-12);
        assertEquals(
                0.18,
                arrows.stream()
                        .mapToDouble(a -> Math.hypot(a.dx(), a.dy()))
                        .min()
                        .orElseThrow(),
                1e-12);
    }

    @Test
    void scaledArrowsAreMeasuredInCellsOnStretchedCells() {
        // Cells 2 wide and 0.5 high: lengths are measured in cells.
        Formula slope = new Formula.Binary(
                '+',
                new Formula.Binary('*', new Formula.Constant(2), new Formula.Variable(0)),
                new Formula.Variable(1));
        CellGrid cells = new CellGrid(new PlotWindow(-4, 4, -1, 1), 4, 4);
        for (Arrow arrow : GradientField.scaled(slope, cells, 0.5)) {
            // A plane: ∇f = (2, 1) everywhere, drawn along −(2, 1) on the plane, 0.5 cells long.
            assertEquals(0.5, Math.hypot(arrow.dx() / 2, arrow.dy() / 0.5), 1e-12);
            assertEquals(0.5, arrow.dy() / arrow.dx(), 1e-12, "direction −(2, 1) on the plane");
        }
    }

    @Test
    void noArrowAtTheMinimumOfTheBowl() {
        // 5 × 5 cells: the middle one is centred on (0, 0), where ∇f = 0; its neighbours are not.
        CellGrid cells = new CellGrid(new PlotWindow(-2.5, 2.5, -2.5, 2.5), 5, 5);
        for (List<Arrow> arrows :
                List.of(GradientField.scaled(BOWL, cells, 0.9), GradientField.unit(BOWL, cells, 0.6))) {
            assertEquals(24, arrows.size());
            for (Arrow arrow : arrows) {
                double cx = arrow.x() + arrow.dx() / 2;
                double cy = arrow.y() + arrow.dy() / 2;
                assertTrue(Math.hypot(cx, cy) > 0.9, "no arrow at the minimum: " + arrow);
            }
        }
    }

    @Test
    void noArrowWithinRoundingOfAMinimumOffTheGrid() {
        // (x0 − 0.1)² + (x1 − 0.3)² on a window centred on its minimum: the middle cell's centre computes as
        // 0.1 − 2.8e-17, where ∇f is not 0 but rounding: no arrow there.
        Formula shifted = new Formula.Binary(
                '+',
                new Formula.Binary(
                        '^',
                        new Formula.Binary('-', new Formula.Variable(0), new Formula.Constant(0.1)),
                        new Formula.Constant(2)),
                new Formula.Binary(
                        '^',
                        new Formula.Binary('-', new Formula.Variable(1), new Formula.Constant(0.3)),
                        new Formula.Constant(2)));
        CellGrid cells = new CellGrid(new PlotWindow(0.1 - 0.7, 0.1 + 0.7, 0.3 - 0.7, 0.3 + 0.7), 7, 7);
        assertTrue(cells.x(3) != 0.1 && Math.abs(cells.x(3) - 0.1) < 1e-15, "off the minimum by rounding");
        assertEquals(48, GradientField.scaled(shifted, cells, 0.9).size());
    }

    @Test
    void noArrowOnAFlatLandscape() {
        CellGrid cells = new CellGrid(new PlotWindow(-3, 3, -3, 3), 6, 6);
        // Constant: ∇f = 0 everywhere.
        assertEquals(List.of(), GradientField.scaled(new Formula.Constant(7), cells, 0.9));
        assertEquals(List.of(), GradientField.unit(new Formula.Constant(7), cells, 0.6));
        // 7 + 1e-20·x0 − 1e-20·x1: a gradient, but a change across a cell far below what f's values can hold,
        // as rounding leaves it: unit arrows would draw it as a full field.
        Formula flat = new Formula.Binary(
                '+',
                new Formula.Constant(7),
                new Formula.Binary(
                        '*',
                        new Formula.Constant(1e-20),
                        new Formula.Binary('-', new Formula.Variable(0), new Formula.Variable(1))));
        assertEquals(List.of(), GradientField.scaled(flat, cells, 0.9));
        assertEquals(List.of(), GradientField.unit(flat, cells, 0.6));
        // The same tilt on a landscape whose values are as small shows.
        Formula tilt = new Formula.Binary(
                '*',
                new Formula.Constant(1e-20),
                new Formula.Binary('-', new Formula.Variable(0), new Formula.Variable(1)));
        assertEquals(36, GradientField.scaled(tilt, cells, 0.9).size());
    }

    @Test
    void noArrowWhereTheGradientIsZeroOrNotFinite() {
        // One cell centred on the minimum: ∇f = 0 there.
        assertEquals(List.of(), GradientField.unit(BOWL, new CellGrid(new PlotWindow(-1, 1, -1, 1), 1, 1), 0.5));
        // sqrt(x0): its derivative is NaN left of 0.
        Formula root = new Formula.Function("sqrt", new Formula.Variable(0));
        List<Arrow> arrows = GradientField.unit(root, new CellGrid(new PlotWindow(-2, 2, 0, 1), 2, 1), 0.5);
        assertEquals(1, arrows.size());
        assertTrue(arrows.get(0).dx() < 0, "downhill is towards 0");
        assertEquals(0, arrows.get(0).dy(), 0.0);
    }
}
