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
        List<Arrow> arrows = GradientField.of(BOWL, cells, 0.5);
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
        List<Arrow> arrows = GradientField.of(BOWL, cells, 0.62);
        for (int n = 0; n < arrows.size(); n++) {
            Arrow arrow = arrows.get(n);
            assertEquals(cells.x(n / 4), arrow.x() + arrow.dx() / 2, 1e-12, "centre x of " + n);
            assertEquals(cells.y(n % 4), arrow.y() + arrow.dy() / 2, 1e-12, "centre y of " + n);
            assertEquals(0.62, Math.hypot(arrow.dx() / 2, arrow.dy() / 0.5), 1e-12, "length in cells of " + n);
        }
    }

    @Test
    void noArrowWhereTheGradientIsZeroOrNotFinite() {
        // One cell centred on the minimum: ∇f = 0 there.
        assertEquals(List.of(), GradientField.of(BOWL, new CellGrid(new PlotWindow(-1, 1, -1, 1), 1, 1), 0.5));
        // sqrt(x0): its derivative is NaN left of 0.
        Formula root = new Formula.Function("sqrt", new Formula.Variable(0));
        List<Arrow> arrows = GradientField.of(root, new CellGrid(new PlotWindow(-2, 2, 0, 1), 2, 1), 0.5);
        assertEquals(1, arrows.size());
        assertTrue(arrows.get(0).dx() < 0, "downhill is towards 0");
        assertEquals(0, arrows.get(0).dy(), 0.0);
    }
}
