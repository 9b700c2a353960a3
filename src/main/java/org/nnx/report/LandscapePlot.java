package org.nnx.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.nnx.report.geometry.PlotWindow;
import org.nnx.train.ObjectiveResult;
import org.nnx.train.RunStatus;

/**
 * What both landscape charts share: the plot over the window, the runs' layers on top of the landscape,
 * the key to the markers, the legend and the "diverged" labels.
 */
final class LandscapePlot {
    static {
        Headless.ensure();
    }

    // Approximate size of the plot area inside the landscape chart (axes, titles and legend removed),
    // used to keep grid cells square and one unit as long on both axes.
    static final double PLOT_WIDTH = ObjectiveCharts.LANDSCAPE_WIDTH - 90;
    static final double PLOT_HEIGHT = ObjectiveCharts.LANDSCAPE_HEIGHT - 150;

    /** Beyond this many markers on a path they are drawn smaller and without an outline. */
    static final int CROWDED_MARKERS = 120;

    private static final Color START_OUTLINE = new Color(0x1f2328);
    private static final Color HALO = new Color(255, 255, 255, 210);

    private LandscapePlot() {}

    /** An empty plot showing exactly {@code window}, x0 across and {@code yLabel} up. */
    static XYPlot plot(String yLabel, PlotWindow window) {
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(windowAxis("x0", window.minX(), window.maxX()));
        plot.setRangeAxis(windowAxis(yLabel, window.minY(), window.maxY()));
        return plot;
    }

    /**
     * Start points, path ends, step markers, paths and their white halos, from {@code index} on; returns the
     * next free index. Paths often overlap (every run on a bowl heads straight for the centre). So that each
     * stays visible: a diverged run's jump out is dashed, over everything else; shorter lines lie over longer
     * ones; markers, under the lines, of runs with long steps (few, far apart) over those with short ones.
     */
    static int addRunLayers(XYPlot plot, int index, RunPaths runs, PlotWindow window, List<ObjectiveResult> results) {
        PathStats stats = PathStats.of(runs, window, results);
        index = addStarts(plot, index, runs.starts());
        index = addEnds(plot, index, runs.ends());
        List<Integer> diverged = IntStream.range(0, stats.runs())
                .filter(r -> stats.diverged()[r])
                .boxed()
                .toList();
        index = addPaths(plot, index, runs.paths(), diverged, RunColors::of, ChartStyle.dashed(2f));
        List<Integer> longestFirst = stats.order(Comparator.comparingDouble(r -> -stats.length()[r])).stream()
                .filter(r -> !stats.diverged()[r])
                .toList();
        index = addPaths(plot, index, runs.paths(), longestFirst, RunColors::of, ChartStyle.line(1.8f));
        index = addMarkers(
                plot, index, runs.markers(), stats.order(Comparator.comparingDouble(r -> stats.longestStep()[r])));
        // A white halo under every path keeps it readable on the darker shades.
        List<Integer> all = IntStream.range(0, stats.runs()).boxed().toList();
        index = addPaths(plot, index, runs.paths(), all, r -> HALO, ChartStyle.line(4.2f));
        // Series in the order added, the last on top, in every layer.
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
        return index;
    }

    /** What the markers mean, for the subtitle: the cross only when some path has one. */
    static String markerKey(RunPaths runs) {
        boolean crosses = runs.ends().stream().anyMatch(RunPaths.PathEnd::leftTheWindow);
        return "○ start · ● last step" + (crosses ? " · × where a path leaves the plot (diverged)" : "");
    }

    /** A line per run in its colour, then the start ring. */
    static LegendItemCollection legend(List<ObjectiveResult> results) {
        LegendItemCollection items = ObjectiveCharts.runLegend(results);
        Shape ring = MarkerShapes.circle(9);
        LegendItem start = new LegendItem(
                "start",
                null,
                null,
                null,
                true,
                ring,
                true,
                Color.WHITE,
                true,
                START_OUTLINE,
                new BasicStroke(1.8f),
                false,
                new Line2D.Double(),
                new BasicStroke(1f),
                Color.WHITE);
        start.setLabelFont(ChartStyle.LABEL_FONT);
        start.setLabelPaint(ChartStyle.TEXT);
        items.add(start);
        return items;
    }

    /** "diverged" in the run's colour where its path leaves the plot, placed inside the plot. */
    static void addDivergedLabels(XYPlot plot, RunPaths runs, PlotWindow window, List<ObjectiveResult> results) {
        for (RunPaths.PathEnd end : runs.ends()) {
            if (!end.leftTheWindow() || results.get(end.run()).status() != RunStatus.DIVERGED) {
                continue;
            }
            double fx = (end.x() - window.minX()) / window.width();
            double fy = (end.y() - window.minY()) / window.height();
            // Push the text away from the nearest edge, towards the middle of the plot.
            double x = end.x() - Math.signum(fx - 0.5) * window.width() * 0.015;
            double y = end.y() - Math.signum(fy - 0.5) * window.height() * 0.03;
            XYTextAnnotation label = new XYTextAnnotation("diverged", x, y);
            label.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 11));
            label.setPaint(RunColors.of(end.run()));
            label.setTextAnchor(labelAnchor(fx, fy));
            label.setBackgroundPaint(new Color(255, 255, 255, 200));
            plot.addAnnotation(label);
        }
    }

    /** The anchor that keeps a label at ({@code fx}, {@code fy}) of the plot's width and height inside it. */
    private static TextAnchor labelAnchor(double fx, double fy) {
        boolean right = fx > 0.5;
        boolean atASide = Math.min(fx, 1 - fx) <= Math.min(fy, 1 - fy);
        if (!atASide && fy > 0.5) {
            return right ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT;
        }
        return right ? TextAnchor.BOTTOM_RIGHT : TextAnchor.BOTTOM_LEFT;
    }

    private static int addStarts(XYPlot plot, int index, XYSeriesCollection starts) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        renderer.setSeriesShape(0, MarkerShapes.circle(11));
        renderer.setSeriesPaint(0, Color.WHITE);
        renderer.setUseFillPaint(true);
        renderer.setSeriesFillPaint(0, Color.WHITE);
        renderer.setUseOutlinePaint(true);
        renderer.setSeriesOutlinePaint(0, START_OUTLINE);
        renderer.setSeriesOutlineStroke(0, new BasicStroke(2f));
        renderer.setDrawOutlines(true);
        plot.setDataset(index, starts);
        plot.setRenderer(index, renderer);
        return index + 1;
    }

    /** A dot where a path ends at its last step, a cross where it leaves the plot. */
    private static int addEnds(XYPlot plot, int index, List<RunPaths.PathEnd> ends) {
        XYSeriesCollection points = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        renderer.setUseOutlinePaint(true);
        renderer.setDrawOutlines(true);
        for (RunPaths.PathEnd end : ends) {
            int s = points.getSeriesCount();
            XYSeries point = new XYSeries("end " + s, false, true);
            point.add(end.x(), end.y());
            points.addSeries(point);
            Color colour = RunColors.of(end.run());
            boolean left = end.leftTheWindow();
            renderer.setSeriesShape(s, left ? MarkerShapes.cross(7) : MarkerShapes.circle(9));
            renderer.setSeriesPaint(s, colour);
            renderer.setSeriesOutlinePaint(s, left ? colour : Color.WHITE);
            renderer.setSeriesOutlineStroke(s, left ? ChartStyle.line(2.6f) : new BasicStroke(1.6f));
            renderer.setSeriesShapesFilled(s, !left);
        }
        plot.setDataset(index, points);
        plot.setRenderer(index, renderer);
        return index + 1;
    }

    /** The paths of {@code runs}, in that order, the last on top. */
    private static int addPaths(
            XYPlot plot,
            int index,
            XYSeriesCollection paths,
            List<Integer> runs,
            IntFunction<Paint> paint,
            Stroke stroke) {
        XYSeriesCollection layer = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setDrawSeriesLineAsPath(true);
        for (int r : runs) {
            int s = layer.getSeriesCount();
            layer.addSeries(paths.getSeries(r));
            renderer.setSeriesPaint(s, paint.apply(r));
            renderer.setSeriesStroke(s, stroke);
        }
        plot.setDataset(index, layer);
        plot.setRenderer(index, renderer);
        return index + 1;
    }

    /**
     * The step markers of {@code runs}, in that order. Markers are wider than the lines, so they show beside
     * a line drawn over them; outlined where steps are few, plain and smaller on long paths, where they crowd.
     */
    private static int addMarkers(XYPlot plot, int index, XYSeriesCollection markers, List<Integer> runs) {
        XYSeriesCollection layer = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        renderer.setUseOutlinePaint(true);
        renderer.setDrawOutlines(true);
        for (int r : runs) {
            int s = layer.getSeriesCount();
            XYSeries series = markers.getSeries(r);
            layer.addSeries(series);
            boolean crowded = series.getItemCount() > CROWDED_MARKERS;
            Color colour = RunColors.of(r);
            renderer.setSeriesShape(s, MarkerShapes.circle(crowded ? 3.6 : 5.2));
            renderer.setSeriesPaint(s, colour);
            renderer.setSeriesOutlinePaint(s, crowded ? colour : Color.WHITE);
            renderer.setSeriesOutlineStroke(s, new BasicStroke(crowded ? 0f : 0.7f));
            renderer.setSeriesShapesFilled(s, true);
        }
        plot.setDataset(index, layer);
        plot.setRenderer(index, renderer);
        return index + 1;
    }

    private static NumberAxis windowAxis(String label, double lower, double upper) {
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(false);
        axis.setRange(lower, upper);
        ChartStyle.style(axis);
        return axis;
    }
}
