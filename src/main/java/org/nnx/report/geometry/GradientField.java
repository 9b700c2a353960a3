package org.nnx.report.geometry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nnx.model.Formula;

/**
 * The field of −∇f: at most one arrow per cell of a grid, centred on the cell's centre. Arrows are either
 * {@link #scaled scaled}, their length following |∇f| as in the book's figure of the gradient, so that they
 * grow away from a minimum, or all of one length, {@link #unit showing direction only}, for landscapes whose
 * gradient varies by orders of magnitude.
 *
 * <p>Lengths and directions are measured in cell widths along x and cell heights along y, so that on a plot
 * with square cells the arrows point as drawn. A cell gets no arrow where ∇f is not finite, or where the
 * change of f it stands for across a cell is below the rounding of f's values: there a landscape is flat
 * and what its gradient holds is rounding noise (at an exact minimum, or everywhere on a flat landscape).
 */
public final class GradientField {
    /**
     * Changes of f across a cell below this fraction of the largest |f| on the grid are rounding: several
     * thousand units in the last place of a double, well below anything a plot can show.
     */
    static final double ROUNDING = 1e-12;

    private GradientField() {}

    /**
     * The arrows of −∇f over {@code cells}, their lengths in cells proportional to |∇f|, the longest
     * {@code longest} cells long. Further variables of f are 0.
     */
    public static List<Arrow> scaled(Formula f, CellGrid cells, double longest) {
        List<CellGradient> field = gradients(f, cells);
        double largest = field.stream().mapToDouble(CellGradient::norm).max().orElse(0);
        return arrows(field, cells, g -> longest / largest);
    }

    /** The arrows of −∇f over {@code cells}, each {@code length} cells long. Further variables of f are 0. */
    public static List<Arrow> unit(Formula f, CellGrid cells, double length) {
        return arrows(gradients(f, cells), cells, g -> length / g.norm());
    }

    /**
     * −∇f at a cell's centre (x, y) scaled to the cell: (u, v) = (−∂f/∂x / cell width, −∂f/∂y / cell height),
     * whose length in cells points in the direction of −∇f on the plane; and {@code change}, how much f
     * changes across one cell by its gradient.
     */
    private record CellGradient(double x, double y, double u, double v, double change) {
        double norm() {
            return Math.hypot(u, v);
        }
    }

    private interface Scale {
        double of(CellGradient gradient);
    }

    private static List<Arrow> arrows(List<CellGradient> field, CellGrid cells, Scale scale) {
        List<Arrow> arrows = new ArrayList<>(field.size());
        for (CellGradient g : field) {
            double s = scale.of(g);
            double dx = s * g.u() * cells.cellWidth();
            double dy = s * g.v() * cells.cellHeight();
            arrows.add(new Arrow(g.x() - dx / 2, g.y() - dy / 2, dx, dy));
        }
        return arrows;
    }

    /** −∇f at the centre of every cell where it is finite and above rounding. */
    private static List<CellGradient> gradients(Formula f, CellGrid cells) {
        List<CellGradient> field = new ArrayList<>();
        double[] x = FormulaArguments.of(f, 2);
        double[] gradient = new double[x.length];
        double largestValue = 0;
        for (int i = 0; i < cells.columns(); i++) {
            for (int j = 0; j < cells.rows(); j++) {
                x[0] = cells.x(i);
                x[1] = cells.y(j);
                double value = Math.abs(f.evaluate(x));
                if (Double.isFinite(value)) {
                    largestValue = Math.max(largestValue, value);
                }
                Arrays.fill(gradient, 0);
                f.backward(x, 1, gradient);
                CellGradient g = new CellGradient(
                        x[0],
                        x[1],
                        -gradient[0] / cells.cellWidth(),
                        -gradient[1] / cells.cellHeight(),
                        Math.hypot(gradient[0] * cells.cellWidth(), gradient[1] * cells.cellHeight()));
                if (Double.isFinite(g.norm())) {
                    field.add(g);
                }
            }
        }
        double rounding = ROUNDING * largestValue;
        field.removeIf(g -> !(g.change() > rounding));
        return field;
    }
}
