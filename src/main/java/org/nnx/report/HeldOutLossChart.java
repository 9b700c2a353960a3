package org.nnx.report;

import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeriesCollection;
import org.nnx.train.MetricsRow;
import org.nnx.train.RunResult;

/**
 * The loss on the held-out splits at every evaluation of every run: test solid, validation dotted, in the
 * run's colour. Unlike the mini-batch loss it is measured on the same samples each time, so it has no
 * batch noise, and it rises where a run starts to overfit. Repeats are drawn as their mean. The y axis is
 * logarithmic when the losses span more than two decades.
 */
final class HeldOutLossChart {
    static {
        Headless.ensure();
    }

    /**
     * The chart's data: series i of each collection is line i of {@code lines} (faint lines first).
     *
     * @param test       the test loss at each evaluation
     * @param validation the validation loss, empty series for runs without a validation set
     */
    record HeldOutDataset(
            XYSeriesCollection test, XYSeriesCollection validation, List<ChartLine> lines, XAxisKind axis) {
        /** True when some run recorded a held-out loss. */
        boolean hasValues() {
            return count(test) + count(validation) > 0;
        }

        private static int count(XYSeriesCollection data) {
            int count = 0;
            for (int s = 0; s < data.getSeriesCount(); s++) {
                count += data.getItemCount(s);
            }
            return count;
        }
    }

    private HeldOutLossChart() {}

    /** The test and validation loss series of {@code lines} along {@code axis}. */
    static HeldOutDataset createDataset(List<ChartLine> lines, XAxisKind axis) {
        List<ChartLine> ordered = ChartStyle.drawingOrder(lines);
        XYSeriesCollection test = new XYSeriesCollection();
        XYSeriesCollection validation = new XYSeriesCollection();
        for (ChartLine line : ordered) {
            test.addSeries(AccuracyChart.meanSeries(line, axis, MetricsRow::testLoss));
            validation.addSeries(AccuracyChart.meanSeries(line, axis, MetricsRow::validationLoss));
        }
        return new HeldOutDataset(test, validation, ordered, axis);
    }

    /** The chart of {@code dataset}; each series in its line's colour. */
    static JFreeChart createChart(HeldOutDataset dataset) {
        List<ChartLine> lines = dataset.lines();
        List<RunResult> all =
                lines.stream().flatMap(line -> line.runs().stream()).toList();
        boolean log = LossChart.wantsLogScale(dataset.test(), dataset.validation());
        ValueAxis lossAxis = log ? ChartStyle.decadeLogAxis("held-out loss") : ChartStyle.linearAxis("held-out loss");
        XYPlot plot = new ViewPlot(
                dataset.validation(),
                RunAxes.xAxis(dataset.axis(), all),
                lossAxis,
                AccuracyChart.renderer(dataset.validation(), lines, AccuracyChart.Style.VALIDATION));
        plot.setDataset(1, dataset.test());
        ChartTooltips.SparseLineRenderer test =
                AccuracyChart.renderer(dataset.test(), lines, AccuracyChart.Style.SOLID);
        test.strides.set(ChartTooltips.strides(dataset.test(), lines.size()));
        test.setDefaultToolTipGenerator(ChartTooltips.generator(
                lines.stream().map(ChartLine::label).toList(), dataset.axis(), "test loss", false));
        plot.setRenderer(1, test);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setNoDataMessage("No held-out loss was recorded.");
        if (dataset.axis() == XAxisKind.ITERATION) {
            RunAxes.addEpochAxis(plot, all);
        }
        boolean validation = HeldOutDataset.count(dataset.validation()) > 0;
        String subtitle = "the mean loss over the whole split at each evaluation · solid: test set"
                + (validation ? " · dotted: validation set" : "")
                + (lines.stream().anyMatch(ChartLine::isMean) ? " · repeats: mean" : "")
                + (log ? " · log scale" : "");
        String title =
                dataset.axis() == XAxisKind.ITERATION ? "Held-out loss per evaluation" : "Held-out loss by epoch";
        return ChartStyle.chart(title, subtitle, plot, ChartStyle.legend(lines));
    }

    /** What the page's script needs to redraw {@code chart}, the chart of {@code dataset}. */
    static String view(JFreeChart chart, HeldOutDataset dataset) {
        List<ChartView.Series> series = AccuracyChart.viewSeries(
                dataset.lines(),
                List.of(
                        new AccuracyChart.Drawn(dataset.validation(), AccuracyChart.Style.VALIDATION, false),
                        new AccuracyChart.Drawn(dataset.test(), AccuracyChart.Style.SOLID, true)));
        return ChartView.json(chart, new ChartView.Meaning("test loss", false, 0, Double.NaN), series);
    }
}
