package org.nnx.report.geometry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nnx.model.Formula;

/**
 * The field of −∇f: one arrow per cell of a grid, centred on the cell's centre. Only the direction is
 * shown, every arrow being as long in cells as every other, because the size of a gradient varies by
 * orders of magnitude over a landscape.
 */
public final class GradientField {
    private GradientField() {}

    /**
     * The arrows of −∇f over {@code cells}, each {@code length} cells long (measured in cell widths along x
     * and cell heights along y, so that on a plot with square cells they point as drawn). Cells where ∇f is
     * zero or not finite get no arrow; further variables of f are 0.
     */
    public static List<Arrow> of(Formula f, CellGrid cells, double length) {
        double stepX = cells.cellWidth();
        double stepY = cells.cellHeight();
        List<Arrow> arrows = new ArrayList<>();
        double[] x = FormulaArguments.of(f, 2);
        double[] gradient = new double[x.length];
        for (int i = 0; i < cells.columns(); i++) {
            for (int j = 0; j < cells.rows(); j++) {
                x[0] = cells.x(i);
                x[1] = cells.y(j);
                Arrays.fill(gradient, 0);
                f.backward(x, 1, gradient);
                double u = -gradient[0] / stepX;
                double v = -gradient[1] / stepY;
                double norm = Math.hypot(u, v);
                if (!Double.isFinite(norm) || norm == 0) {
                    continue;
                }
                double dx = length * u / norm * stepX;
                double dy = length * v / norm * stepY;
                arrows.add(new Arrow(x[0] - dx / 2, x[1] - dy / 2, dx, dy));
            }
        }
        return arrows;
    }
}
