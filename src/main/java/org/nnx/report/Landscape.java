package org.nnx.report;

import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.VectorSeriesCollection;
import org.jfree.data.xy.XYSeriesCollection;
import org.nnx.report.geometry.PlotWindow;

/**
 * The datasets of an objective's landscape chart: {@link Contour} for a function of two variables,
 * {@link Curve} for one.
 */
public sealed interface Landscape permits Landscape.Contour, Landscape.Curve {
    /** The region drawn: x0 by x1, or for one variable x0 by f. */
    PlotWindow window();

    /** Every run's path, step markers, start and end in the window. */
    RunPaths runs();

    /**
     * A function of two variables.
     *
     * @param shading  f shaded over the window on a log scale
     * @param contours series k = contour line k, segments separated by NaN points
     * @param field    one series: −∇f at the points of a coarse grid, scaled to a fixed length on screen
     */
    record Contour(
            PlotWindow window,
            Shading shading,
            XYSeriesCollection contours,
            VectorSeriesCollection field,
            RunPaths runs)
            implements Landscape {}

    /**
     * A function of one variable.
     *
     * @param curve one series: f over the window, with NaN gaps where f is not finite; the runs' paths are
     *              their points (x0, f(x0))
     */
    record Curve(PlotWindow window, XYSeriesCollection curve, RunPaths runs) implements Landscape {}

    /**
     * f shaded over a grid of cells.
     *
     * @param cells      x, y, t at the centre of every cell, t = log10(f − min f + ε) (NaN where f is not finite)
     * @param cellWidth  a cell's width in x0
     * @param cellHeight its height in x1
     * @param low        the t of the palest shade
     * @param high       the t of the darkest shade
     */
    record Shading(DefaultXYZDataset cells, double cellWidth, double cellHeight, double low, double high) {}
}
