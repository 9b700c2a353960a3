package org.nnx.report;

import java.awt.Color;
import java.util.List;
import java.util.stream.DoubleStream;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.nnx.model.Formula;
import org.nnx.report.geometry.FunctionCurve;
import org.nnx.report.geometry.PlotWindow;
import org.nnx.report.geometry.Point;
import org.nnx.report.geometry.ValueRange;
import org.nnx.train.ObjectiveResult;

/** The landscape of a function of one variable: f as a curve, with each run's steps on it. */
final class CurveChart {
    static {
        Headless.ensure();
    }

    /** Intervals between the points of the curve. */
    static final int CURVE_INTERVALS = 600;

    private static final Color CURVE = new Color(0x57606a);

    private CurveChart() {}

    /**
     * The curve of {@code f} over the x0 the runs reached, with room above and below for f on the curve and
     * at every step drawn.
     */
    static Landscape.Curve createDataset(Formula f, List<ObjectiveResult> results) {
        PlotWindow across = RunExtent.window(results, 1);
        FunctionCurve curve = FunctionCurve.sample(f, across, CURVE_INTERVALS);
        DoubleStream onPaths = RunExtent.values(results, p -> p[0] >= across.minX() && p[0] <= across.maxX());
        ValueRange range = ValueRange.ofFinite(DoubleStream.concat(DoubleStream.of(curve.f()), onPaths));
        double min = range.isEmpty() ? -1 : range.min();
        double max = range.isEmpty() ? 1 : range.max();
        double pad = max > min ? (max - min) * 0.06 : Math.max(1, Math.abs(max) * 0.1);
        PlotWindow window = new PlotWindow(across.minX(), across.maxX(), min - pad, max + pad);
        XYSeries series = new XYSeries("f", false, true);
        for (int i = 0; i < curve.x().length; i++) {
            series.add(curve.x()[i], curve.f()[i], false);
        }
        RunPaths runs = RunPaths.of(results, window, (p, value) -> new Point(p[0], value));
        return new Landscape.Curve(window, new XYSeriesCollection(series), runs);
    }

    /** The chart of {@code data}; run i is drawn in {@link RunColors#of(int) colour i}. */
    static JFreeChart createChart(Landscape.Curve data, List<ObjectiveResult> results) {
        XYPlot plot = LandscapePlot.plot("f", data.window());
        int index = LandscapePlot.addRunLayers(plot, 0, data.runs(), data.window(), results);
        XYLineAndShapeRenderer curve = new XYLineAndShapeRenderer(true, false);
        curve.setDrawSeriesLineAsPath(true);
        curve.setSeriesPaint(0, CURVE);
        curve.setSeriesStroke(0, ChartStyle.line(1.6f));
        plot.setDataset(index, data.curve());
        plot.setRenderer(index, curve);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
        JFreeChart chart = ChartStyle.chart(
                "Steps on the curve of f",
                "grey: f(x0) · dots: each run's steps (x0, f) · " + LandscapePlot.markerKey(data.runs()),
                plot,
                LandscapePlot.legend(results));
        LandscapePlot.addDivergedLabels(plot, data.runs(), data.window(), results);
        return chart;
    }
}
