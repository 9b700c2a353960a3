package org.nnx.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.nnx.train.MetricsRow;
import org.nnx.train.RunResult;
import org.nnx.train.TensorDiagnostics;

/**
 * How each parameter tensor of one run learned, at every evaluation: the gradient norm (solid, left axis) and
 * the relative weight change since the evaluation before (dashed, right axis), both on log scales, one colour
 * per tensor. A tensor whose gradient was 0 at every evaluation has nothing a log scale can draw: it is named
 * in the subtitle instead, as it is the finding (a step function passes no gradient to the layers below it).
 */
final class ParameterChart {
    static {
        Headless.ensure();
    }

    /**
     * The chart's data.
     *
     * @param gradientNorms series per tensor of its positive gradient norms by iteration
     * @param weightChanges series per tensor of its positive relative weight changes by iteration
     * @param neverMoved    tensors whose gradient norm was 0 at every evaluation
     */
    record ParameterDataset(
            XYSeriesCollection gradientNorms, XYSeriesCollection weightChanges, List<String> neverMoved) {}

    private ParameterChart() {}

    /** Whether {@code run} has per-parameter diagnostics to draw. */
    static boolean hasDiagnostics(RunResult run) {
        return run.metrics().stream().anyMatch(row -> !row.parameters().isEmpty());
    }

    static ParameterDataset createDataset(RunResult run) {
        Set<String> tensors = new LinkedHashSet<>();
        run.metrics().forEach(row -> row.parameters().forEach(d -> tensors.add(d.tensor())));
        XYSeriesCollection gradients = new XYSeriesCollection();
        XYSeriesCollection changes = new XYSeriesCollection();
        List<String> neverMoved = new ArrayList<>();
        for (String tensor : tensors) {
            XYSeries gradient = new XYSeries(tensor, true, true);
            XYSeries change = new XYSeries(tensor, true, true);
            boolean allZero = true;
            for (MetricsRow row : run.metrics()) {
                for (TensorDiagnostics d : row.parameters()) {
                    if (!d.tensor().equals(tensor)) {
                        continue;
                    }
                    allZero &= d.gradientNorm() == 0;
                    addPositive(gradient, row.iteration(), d.gradientNorm());
                    addPositive(change, row.iteration(), d.weightChange());
                }
            }
            if (allZero) {
                neverMoved.add(tensor);
            }
            gradients.addSeries(gradient);
            changes.addSeries(change);
        }
        return new ParameterDataset(gradients, changes, neverMoved);
    }

    static JFreeChart createChart(ParameterDataset data, RunResult run, String title) {
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(RunAxes.xAxis(XAxisKind.ITERATION, List.of(run)));
        LogAxis gradientAxis = ChartStyle.decadeLogAxis("gradient norm");
        LogAxis changeAxis = ChartStyle.decadeLogAxis("relative weight change");
        plot.setRangeAxis(0, gradientAxis);
        plot.setRangeAxis(1, changeAxis);
        plot.setDataset(0, data.gradientNorms());
        plot.setDataset(1, data.weightChanges());
        plot.mapDatasetToRangeAxis(1, 1);
        LegendItemCollection legend = new LegendItemCollection();
        XYLineAndShapeRenderer solid = new XYLineAndShapeRenderer(true, true);
        XYLineAndShapeRenderer dashed = new XYLineAndShapeRenderer(true, true);
        for (int s = 0; s < data.gradientNorms().getSeriesCount(); s++) {
            java.awt.Color colour = RunColors.of(s);
            solid.setSeriesPaint(s, colour);
            solid.setSeriesStroke(s, ChartStyle.line(2f));
            solid.setSeriesShape(s, new java.awt.geom.Ellipse2D.Double(-2.5, -2.5, 5, 5));
            dashed.setSeriesPaint(s, colour);
            dashed.setSeriesStroke(s, ChartStyle.dashed(1.5f));
            dashed.setSeriesShape(s, new java.awt.geom.Rectangle2D.Double(-2, -2, 4, 4));
            legend.add(ChartStyle.lineItem((String) data.gradientNorms().getSeriesKey(s), colour, ChartStyle.line(3f)));
        }
        plot.setRenderer(0, solid);
        plot.setRenderer(1, dashed);
        if (data.gradientNorms().getItemCount(0) == 0 && data.gradientNorms().getSeriesCount() == 1) {
            plot.setNoDataMessage("No gradient was recorded.");
        }
        return ChartStyle.chart(title, subtitle(data), plot, legend);
    }

    private static String subtitle(ParameterDataset data) {
        String lines = "solid: L2 norm of the last mini-batch's gradient · dashed: ‖W − W_before‖ / ‖W_before‖"
                + " since the evaluation before · log scales";
        return data.neverMoved().isEmpty()
                ? lines
                : lines + " · gradient 0 at every evaluation, so never moved: " + String.join(", ", data.neverMoved());
    }

    private static void addPositive(XYSeries series, long iteration, double value) {
        if (value > 0 && Double.isFinite(value)) {
            series.add(iteration, value);
        }
    }
}
