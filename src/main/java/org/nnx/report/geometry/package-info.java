/**
 * Plane geometry behind an objective's landscape chart, free of JFreeChart and of runs: the window drawn
 * ({@link org.nnx.report.geometry.PlotWindow}, fitted by {@link org.nnx.report.geometry.WindowFit}), f sampled
 * on a grid of cells or along a line, the log scale of the shading and its contour levels, the contour lines
 * (marching squares), the field of −∇f, and paths clipped where they leave the window. The chart classes in
 * {@link org.nnx.report} turn these values into datasets and style them.
 */
package org.nnx.report.geometry;
