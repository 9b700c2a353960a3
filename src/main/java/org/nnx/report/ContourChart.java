package org.nnx.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.VectorRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.VectorSeries;
import org.jfree.data.xy.VectorSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.nnx.model.Formula;
import org.nnx.model.GradientArrows;
import org.nnx.report.geometry.Arrow;
import org.nnx.report.geometry.CellGrid;
import org.nnx.report.geometry.ContourLevels;
import org.nnx.report.geometry.ContourLines;
import org.nnx.report.geometry.FunctionGrid;
import org.nnx.report.geometry.GradientField;
import org.nnx.report.geometry.PlotWindow;
import org.nnx.report.geometry.Point;
import org.nnx.report.geometry.Segment;
import org.nnx.report.geometry.ValueRange;
import org.nnx.train.ObjectiveResult;

/**
 * The landscape of a function of two variables: f shaded over a window holding every run's path, with
 * contour lines, the field of −∇f as arrows, and each run's path of steps on top.
 */
final class ContourChart {
    static {
        Headless.ensure();
    }

    /** Cells of the shaded grid along x; along y as many as keep cells about square on screen. */
    static final int SHADE_COLUMNS = 220;
    /** Arrows of the gradient field along x. */
    static final int ARROW_COLUMNS = 24;
    /** A unit arrow's length as a fraction of the spacing between arrows. */
    static final double ARROW_LENGTH = 0.62;
    /** The longest scaled arrow's length as a fraction of the spacing: about a cell, yet not touching. */
    static final double LONGEST_ARROW = 0.9;
    /** Contour lines between the lowest and highest shade. */
    static final int CONTOUR_LEVELS = 14;
    /** Shading covers this many decades of f − min f; lower values all get the lowest shade. */
    static final double SHADE_DECADES = 3.5;
    /** The two axes share one scale unless that would stretch one of them more than this factor. */
    static final double MAX_ASPECT_STRETCH = 6;

    private static final Color ARROW = new Color(0x24, 0x29, 0x2f, 100);
    private static final Color CONTOUR = new Color(0x24, 0x29, 0x2f, 70);

    private ContourChart() {}

    /** The contour of {@code f} around every run's path. */
    static Landscape.Contour createDataset(Formula f, List<ObjectiveResult> results) {
        PlotWindow window = RunExtent.window(results, 2)
                .withEqualScales(LandscapePlot.PLOT_WIDTH / LandscapePlot.PLOT_HEIGHT, MAX_ASPECT_STRETCH);
        FunctionGrid grid = FunctionGrid.sample(f, squareCells(window, SHADE_COLUMNS));
        ValueRange range = grid.range();
        // The runs may reach lower than any grid point: shading is relative to the lowest f seen anywhere.
        double lowest = ValueRange.ofFinite(RunExtent.values(results, p -> window.contains(p[0], p[1])))
                .min();
        ContourLevels scale = ContourLevels.of(Math.min(range.min(), lowest), range.max(), SHADE_DECADES);
        double[][] t = grid.map(scale::t);
        RunPaths runs = RunPaths.of(results, window, (p, value) -> new Point(p[0], p[1]));
        return new Landscape.Contour(
                window,
                shading(grid.cells(), t, scale),
                contours(grid.cells(), t, scale),
                field(f, window, arrows(results)),
                runs);
    }

    /** The chart of {@code data}; run i is drawn in {@link RunColors#of(int) colour i}. */
    static JFreeChart createChart(Landscape.Contour data, List<ObjectiveResult> results) {
        XYPlot plot = LandscapePlot.plot("x1", data.window());
        // Drawn from the last index to the first: shading at the bottom, start points on top.
        int index = LandscapePlot.addRunLayers(plot, 0, data.runs(), data.window(), results);
        index = addField(plot, index, data.field());
        index = addContours(plot, index, data.contours());
        addShading(plot, index, data.shading());
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
        JFreeChart chart = ChartStyle.chart(
                "Paths on the landscape of f",
                "shading and contours: log(f − min f) · arrows: " + arrowKey(arrows(results)) + " · "
                        + LandscapePlot.markerKey(data.runs()),
                plot,
                LandscapePlot.legend(results));
        // The contour is a map: grid lines would only add noise on top of it.
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        LandscapePlot.addDivergedLabels(plot, data.runs(), data.window(), results);
        return chart;
    }

    private static CellGrid squareCells(PlotWindow window, int columns) {
        return CellGrid.squareCells(window, columns, LandscapePlot.PLOT_WIDTH, LandscapePlot.PLOT_HEIGHT);
    }

    private static Landscape.Shading shading(CellGrid cells, double[][] t, ContourLevels scale) {
        int rows = cells.rows();
        double[][] shade = new double[3][cells.columns() * rows];
        for (int i = 0; i < cells.columns(); i++) {
            for (int j = 0; j < rows; j++) {
                shade[0][i * rows + j] = cells.x(i);
                shade[1][i * rows + j] = cells.y(j);
                shade[2][i * rows + j] = t[i][j];
            }
        }
        DefaultXYZDataset dataset = new DefaultXYZDataset();
        dataset.addSeries("f", shade);
        return new Landscape.Shading(dataset, cells.cellWidth(), cells.cellHeight(), scale.low(), scale.high());
    }

    /** Series k = the contour at level k + 1, each segment followed by a NaN point to break the line. */
    private static XYSeriesCollection contours(CellGrid cells, double[][] t, ContourLevels scale) {
        XYSeriesCollection contours = new XYSeriesCollection();
        double[] levels = scale.levels(CONTOUR_LEVELS);
        Point origin = new Point(cells.x(0), cells.y(0));
        for (int k = 0; k < levels.length; k++) {
            XYSeries series = new XYSeries("level " + (k + 1), false, true);
            for (Segment segment : ContourLines.at(t, levels[k], origin, cells.cellWidth(), cells.cellHeight())) {
                series.add(segment.from().x(), segment.from().y(), false);
                series.add(segment.to().x(), segment.to().y(), false);
                series.add(segment.to().x(), Double.NaN, false);
            }
            contours.addSeries(series);
        }
        return contours;
    }

    /** How the arrows are drawn: as the objective says (every run of an objective shares its statements). */
    private static GradientArrows arrows(List<ObjectiveResult> results) {
        return results.isEmpty() ? GradientArrows.SCALED : results.get(0).run().arrows();
    }

    private static String arrowKey(GradientArrows arrows) {
        return arrows == GradientArrows.SCALED ? "−∇f, as long as |∇f|" : "direction of −∇f, not its size";
    }

    private static VectorSeriesCollection field(Formula f, PlotWindow window, GradientArrows style) {
        VectorSeries series = new VectorSeries("−∇f", false, true);
        CellGrid cells = squareCells(window, ARROW_COLUMNS);
        List<Arrow> arrows = style == GradientArrows.SCALED
                ? GradientField.scaled(f, cells, LONGEST_ARROW)
                : GradientField.unit(f, cells, ARROW_LENGTH);
        for (Arrow arrow : arrows) {
            series.add(arrow.x(), arrow.y(), arrow.dx(), arrow.dy());
        }
        VectorSeriesCollection collection = new VectorSeriesCollection();
        collection.addSeries(series);
        return collection;
    }

    private static int addField(XYPlot plot, int index, VectorSeriesCollection field) {
        VectorRenderer arrows = new VectorRenderer();
        arrows.setSeriesPaint(0, ARROW);
        arrows.setSeriesStroke(0, new BasicStroke(1.1f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        plot.setDataset(index, field);
        plot.setRenderer(index, arrows);
        return index + 1;
    }

    private static int addContours(XYPlot plot, int index, XYSeriesCollection contours) {
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
        lines.setDrawSeriesLineAsPath(true);
        for (int k = 0; k < contours.getSeriesCount(); k++) {
            lines.setSeriesPaint(k, CONTOUR);
            lines.setSeriesStroke(k, ChartStyle.line(0.8f));
        }
        plot.setDataset(index, contours);
        plot.setRenderer(index, lines);
        return index + 1;
    }

    private static void addShading(XYPlot plot, int index, Landscape.Shading shading) {
        XYBlockRenderer shade = new XYBlockRenderer();
        // A hair wider than the cells: anti-aliased neighbours would otherwise leave faint seams between them.
        shade.setBlockWidth(shading.cellWidth() * 1.04);
        shade.setBlockHeight(shading.cellHeight() * 1.04);
        shade.setPaintScale(new ShadeScale(shading.low(), shading.high()));
        plot.setDataset(index, shading.cells());
        plot.setRenderer(index, shade);
    }
}
