package org.nnx.report.geometry;

import org.nnx.model.Formula;

/** Argument arrays for evaluating a formula on the plotted plane. */
final class FormulaArguments {
    private FormulaArguments() {}

    /**
     * An array for {@code f}'s arguments: the {@code plotted} variables, then 0 for any further one f uses,
     * so a formula with more variables than the plot shows is drawn as its slice through 0.
     */
    static double[] of(Formula f, int plotted) {
        return new double[Math.max(plotted, f.variables())];
    }
}
