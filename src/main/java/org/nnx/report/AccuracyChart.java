package org.nnx.report;

import java.awt.geom.Ellipse2D;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.nnx.train.MetricsRow;
import org.nnx.train.RunResult;

/**
 * Train and test accuracy at every evaluation of every run: test solid, train dashed, in the run's
 * colour (see {@link RunColors}); x is the iteration, y is fixed to [0, 1] so charts compare across
 * experiments.
 */
public final class AccuracyChart {
    static {
        Headless.ensure();
    }

    /** Up to this many evaluations per run, each one is also marked with a dot, so sparse curves read. */
    static final int MARK_POINTS_UP_TO = 20;

    /**
     * The chart's data: series i of each collection is run i.
     *
     * @param train the train accuracy at each evaluation
     * @param test  the test accuracy at each evaluation
     */
    public record AccuracyDataset(XYSeriesCollection train, XYSeriesCollection test) {
    }

    private AccuracyChart() {
    }

    /** Train and test series, one per run in the order given (so series index = run index). */
    public static AccuracyDataset createDataset(List<RunResult> runs) {
        List<String> keys = ChartStyle.seriesKeys(runs);
        XYSeriesCollection train = new XYSeriesCollection();
        XYSeriesCollection test = new XYSeriesCollection();
        for (int r = 0; r < runs.size(); r++) {
            XYSeries trainSeries = new XYSeries(keys.get(r), false, true);
            XYSeries testSeries = new XYSeries(keys.get(r), false, true);
            for (MetricsRow row : runs.get(r).metrics()) {
                if (Double.isFinite(row.trainAccuracy())) {
                    trainSeries.add(row.iteration(), row.trainAccuracy(), false);
                }
                if (Double.isFinite(row.testAccuracy())) {
                    testSeries.add(row.iteration(), row.testAccuracy(), false);
                }
            }
            train.addSeries(trainSeries);
            test.addSeries(testSeries);
        }
        return new AccuracyDataset(train, test);
    }

    /** The chart of {@code dataset}; series i gets {@link RunColors#of(int) colour i}. */
    public static JFreeChart createChart(AccuracyDataset dataset, List<RunResult> runs) {
        NumberAxis accuracyAxis = new NumberAxis("accuracy");
        accuracyAxis.setRange(0, 1);
        accuracyAxis.setTickUnit(new NumberTickUnit(0.1, NumberFormat.getPercentInstance(Locale.ROOT)));
        ChartStyle.style(accuracyAxis);

        XYPlot plot = new XYPlot(dataset.train(), ChartStyle.iterationAxis(runs), accuracyAxis,
                renderer(dataset.train(), false));
        plot.setDataset(1, dataset.test());
        plot.setRenderer(1, renderer(dataset.test(), true));
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setNoDataMessage("The model was never evaluated.");

        // The line styles are explained in the subtitle: legend entries for them would wrap onto a second row.
        return ChartStyle.chart("Accuracy per evaluation", "solid: test set · dashed: training set", plot,
                ChartStyle.runLegend(runs));
    }

    /** Convenience: {@link #createDataset(List)} then {@link #createChart(AccuracyDataset, List)}. */
    public static JFreeChart createChart(List<RunResult> runs) {
        return createChart(createDataset(runs), runs);
    }

    private static XYLineAndShapeRenderer renderer(XYSeriesCollection series, boolean test) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setDrawSeriesLineAsPath(true);
        double dot = test ? 5 : 4;
        for (int i = 0; i < series.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, RunColors.of(i));
            renderer.setSeriesStroke(i, test ? ChartStyle.line(2f) : ChartStyle.dashed(1.6f));
            int points = series.getItemCount(i);
            // A single evaluation has no line at all; a dot is the only way to see it.
            boolean marked = points <= MARK_POINTS_UP_TO;
            renderer.setSeriesShapesVisible(i, marked);
            renderer.setSeriesShape(i, new Ellipse2D.Double(-dot / 2, -dot / 2, dot, dot));
            renderer.setSeriesShapesFilled(i, test);
        }
        renderer.setUseOutlinePaint(false);
        return renderer;
    }
}
