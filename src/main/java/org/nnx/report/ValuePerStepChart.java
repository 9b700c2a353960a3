package org.nnx.report;

import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.nnx.train.ObjectiveResult;
import org.nnx.train.RunStatus;

/**
 * f per step of an objective's runs, all overlaid, on a log axis when f is positive and spans decades. A
 * run that diverged is drawn until f stops being finite, with a cross where it stops.
 */
public final class ValuePerStepChart {
    static {
        Headless.ensure();
    }

    /** Log scale once max/min of f exceeds this (two decades), as the loss chart does. */
    static final double LOG_SCALE_RATIO = 100;
    /** Up to this many steps per run, every step is also marked with a dot. */
    static final int MARK_STEPS_UP_TO = 40;

    private ValuePerStepChart() {}

    /** Series i = run i's finite f by step (a diverged run's series ends at its last finite value). */
    public static XYSeriesCollection createDataset(List<ObjectiveResult> results) {
        List<String> keys = ObjectiveCharts.seriesKeys(results);
        XYSeriesCollection collection = new XYSeriesCollection();
        for (int r = 0; r < results.size(); r++) {
            XYSeries series = new XYSeries(keys.get(r), false, true);
            List<Double> values = results.get(r).values();
            for (int step = 0; step < values.size() && Double.isFinite(values.get(step)); step++) {
                series.add(step, values.get(step), false);
            }
            collection.addSeries(series);
        }
        return collection;
    }

    /** The chart of {@code dataset}; series i gets {@link RunColors#of(int) colour i}. */
    public static JFreeChart createChart(XYSeriesCollection dataset, List<ObjectiveResult> results) {
        boolean log = wantsLogScale(dataset);
        ValueAxis valueAxis = log ? ChartStyle.decadeLogAxis("f") : ChartStyle.linearAxis("f");
        XYPlot plot = new XYPlot(dataset, stepAxis(results), valueAxis, lines(dataset));
        XYSeriesCollection ends = addDivergedEnds(plot, dataset, results);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setNoDataMessage("No value of f was recorded.");
        String subtitle = "f(x) after each step; step 0 is the start"
                + (ends.getSeriesCount() > 0 ? " · × where a run diverged" : "") + (log ? " · log scale" : "");
        return ChartStyle.chart("f per step", subtitle, plot, ObjectiveCharts.runLegend(results));
    }

    /** Convenience: {@link #createDataset} then {@link #createChart(XYSeriesCollection, List)}. */
    public static JFreeChart createChart(List<ObjectiveResult> results) {
        return createChart(createDataset(results), results);
    }

    /** True when every value is positive and the largest is more than 100× the smallest. */
    static boolean wantsLogScale(XYSeriesCollection dataset) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (int s = 0; s < dataset.getSeriesCount(); s++) {
            for (int i = 0; i < dataset.getItemCount(s); i++) {
                double y = dataset.getYValue(s, i);
                if (!(y > 0)) {
                    return false;
                }
                min = Math.min(min, y);
                max = Math.max(max, y);
            }
        }
        return max > 0 && max / min > LOG_SCALE_RATIO;
    }

    /** Whole steps, from 0 to the most any run was given or took. */
    private static NumberAxis stepAxis(List<ObjectiveResult> results) {
        NumberAxis axis = new NumberAxis("step");
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        long last = results.stream()
                .mapToLong(r -> Math.max(r.run().steps(), r.points().size() - 1))
                .max()
                .orElse(0);
        if (last > 0) {
            axis.setRange(0, last);
        }
        ChartStyle.style(axis);
        return axis;
    }

    /** Each run's line in its colour; hovering a point (every n-th of a long run) gives run, step and f. */
    private static XYLineAndShapeRenderer lines(XYSeriesCollection dataset) {
        ChartTooltips.SparseLineRenderer lines = new ChartTooltips.SparseLineRenderer();
        lines.setDrawSeriesLineAsPath(true);
        lines.strides.set(ChartTooltips.strides(dataset, dataset.getSeriesCount()));
        lines.setDefaultToolTipGenerator(
                (data, series, item) -> data.getSeriesKey(series) + " · step " + (long) data.getXValue(series, item)
                        + " · f " + ReadableNumbers.significant(data.getYValue(series, item)));
        for (int r = 0; r < dataset.getSeriesCount(); r++) {
            lines.setSeriesPaint(r, RunColors.of(r));
            lines.setSeriesStroke(r, ChartStyle.line(2f));
            lines.setSeriesShapesVisible(r, dataset.getItemCount(r) <= MARK_STEPS_UP_TO);
            lines.setSeriesShape(r, MarkerShapes.circle(4.5));
        }
        return lines;
    }

    /** A cross where each diverged run's curve stops, as dataset 1; returns that dataset. */
    private static XYSeriesCollection addDivergedEnds(
            XYPlot plot, XYSeriesCollection dataset, List<ObjectiveResult> results) {
        XYSeriesCollection ends = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        renderer.setUseOutlinePaint(true);
        for (int r = 0; r < dataset.getSeriesCount() && r < results.size(); r++) {
            int items = dataset.getItemCount(r);
            if (results.get(r).status() != RunStatus.DIVERGED || items == 0) {
                continue;
            }
            int s = ends.getSeriesCount();
            XYSeries end = new XYSeries("diverged " + s, false, true);
            end.add(dataset.getXValue(r, items - 1), dataset.getYValue(r, items - 1));
            ends.addSeries(end);
            renderer.setSeriesShape(s, MarkerShapes.cross(6));
            renderer.setSeriesShapesFilled(s, false);
            renderer.setSeriesPaint(s, RunColors.of(r));
            renderer.setSeriesOutlinePaint(s, RunColors.of(r));
            renderer.setSeriesOutlineStroke(s, ChartStyle.line(2.4f));
        }
        plot.setDataset(1, ends);
        plot.setRenderer(1, renderer);
        return ends;
    }
}
