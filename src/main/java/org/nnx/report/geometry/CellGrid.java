package org.nnx.report.geometry;

/**
 * A window cut into {@code columns × rows} equal cells; things drawn on the grid sit at the cells' centres.
 * Cell (0, 0) is at the window's lower left corner.
 */
public record CellGrid(PlotWindow window, int columns, int rows) {
    public CellGrid {
        if (columns < 1 || rows < 1) {
            throw new IllegalArgumentException("a grid needs at least one cell, not " + columns + " × " + rows);
        }
    }

    /**
     * The grid of {@code columns} along x and as many rows (at least 2) as keep its cells about square on a
     * plot area of {@code plotWidth × plotHeight}.
     */
    public static CellGrid squareCells(PlotWindow window, int columns, double plotWidth, double plotHeight) {
        return new CellGrid(window, columns, Math.max(2, (int) Math.round(columns * plotHeight / plotWidth)));
    }

    public double cellWidth() {
        return window.width() / columns;
    }

    public double cellHeight() {
        return window.height() / rows;
    }

    /** The x of the centres of the cells in column {@code i}. */
    public double x(int i) {
        return window.minX() + (i + 0.5) * cellWidth();
    }

    /** The y of the centres of the cells in row {@code j}. */
    public double y(int j) {
        return window.minY() + (j + 0.5) * cellHeight();
    }
}
