package org.nnx.report;

import java.awt.Color;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.nnx.train.MetricsRow;
import org.nnx.train.RunResult;

/**
 * The loss per iteration of every run, overlaid: the raw mini-batch loss faint, an exponential moving
 * average bold, one colour per run (see {@link RunColors}). NaN and infinite losses are left out, so a
 * diverged run's curve simply ends. The y axis is logarithmic when the losses span more than two
 * decades and are all positive.
 */
public final class LossChart {
    static {
        Headless.ensure();
    }

    /** Log scale once max/min of the positive losses exceeds this: two decades. */
    static final double LOG_SCALE_RATIO = 100;
    /** Opacity of the raw loss: visible as a band of noise behind the smoothed line, not competing with it. */
    static final double RAW_OPACITY = 0.22;

    /**
     * The chart's data.
     *
     * @param raw            series i = run i's finite losses by iteration
     * @param smoothed       series i = their exponential moving average
     * @param smoothingSpan  the EMA's span in iterations (1 = no smoothing), for the subtitle
     */
    public record LossDataset(XYSeriesCollection raw, XYSeriesCollection smoothed, int smoothingSpan) {
    }

    private LossChart() {
    }

    /** Raw and smoothed loss series, one per run in the order given (so series index = run index). */
    public static LossDataset createDataset(List<RunResult> runs) {
        List<String> keys = ChartStyle.seriesKeys(runs);
        int longest = runs.stream().mapToInt(run -> run.metrics().size()).max().orElse(0);
        // One span for all runs so their curves are smoothed alike and stay comparable.
        int span = smoothingSpan(longest);
        XYSeriesCollection raw = new XYSeriesCollection();
        XYSeriesCollection smoothed = new XYSeriesCollection();
        for (int r = 0; r < runs.size(); r++) {
            List<MetricsRow> rows = runs.get(r).metrics();
            double[] iterations = new double[rows.size()];
            double[] losses = new double[rows.size()];
            int n = 0;
            for (MetricsRow row : rows) {
                if (Double.isFinite(row.loss())) {
                    iterations[n] = row.iteration();
                    losses[n] = row.loss();
                    n++;
                }
            }
            double[] average = exponentialMovingAverage(java.util.Arrays.copyOf(losses, n), span);
            XYSeries rawSeries = new XYSeries(keys.get(r), false, true);
            XYSeries smoothSeries = new XYSeries(keys.get(r), false, true);
            for (int i = 0; i < n; i++) {
                rawSeries.add(iterations[i], losses[i], false);
                smoothSeries.add(iterations[i], average[i], false);
            }
            raw.addSeries(rawSeries);
            smoothed.addSeries(smoothSeries);
        }
        return new LossDataset(raw, smoothed, span);
    }

    /** The chart of {@code dataset}; series i gets {@link RunColors#of(int) colour i}. */
    public static JFreeChart createChart(LossDataset dataset, List<RunResult> runs) {
        ValueAxis lossAxis = wantsLogScale(dataset.raw()) ? logAxis() : linearAxis();
        XYPlot plot = new XYPlot(dataset.raw(), ChartStyle.iterationAxis(runs), lossAxis, renderer(runs.size(), true));
        plot.setDataset(1, dataset.smoothed());
        plot.setRenderer(1, renderer(runs.size(), false));
        // Raw (dataset 0) first, smoothed on top of every run's noise.
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setNoDataMessage("No loss was recorded.");
        String subtitle = dataset.smoothingSpan() > 1
                ? "faint: every iteration · bold: exponential moving average over ~" + dataset.smoothingSpan()
                        + " iterations"
                : "loss of every iteration";
        if (lossAxis instanceof LogAxis) {
            subtitle += " · log scale";
        }
        return ChartStyle.chart("Loss per iteration", subtitle, plot, ChartStyle.runLegend(runs));
    }

    /** Convenience: {@link #createDataset(List)} then {@link #createChart(LossDataset, List)}. */
    public static JFreeChart createChart(List<RunResult> runs) {
        return createChart(createDataset(runs), runs);
    }

    private static XYLineAndShapeRenderer renderer(int runCount, boolean raw) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        // One path per series: with thousands of translucent segments drawn one by one, overlaps would
        // add up and the faint line would turn solid.
        renderer.setDrawSeriesLineAsPath(true);
        for (int i = 0; i < runCount; i++) {
            Color colour = RunColors.of(i);
            renderer.setSeriesPaint(i, raw ? RunColors.withAlpha(colour, RAW_OPACITY) : colour);
            renderer.setSeriesStroke(i, ChartStyle.line(raw ? 1f : 2.2f));
        }
        return renderer;
    }

    private static NumberAxis linearAxis() {
        NumberAxis axis = new NumberAxis("loss");
        axis.setAutoRangeIncludesZero(false);
        ChartStyle.style(axis);
        return axis;
    }

    private static LogAxis logAxis() {
        LogAxis axis = new LogAxis("loss (log scale)");
        axis.setBase(10);
        // Ticks only at whole decades (10⁻¹, 10⁰, 10¹ …, every 2nd or 5th when the range is wide):
        // the default also puts ticks at half decades, labelled 316227.766.
        TickUnits decades = new TickUnits();
        for (int step : new int[] {1, 2, 3, 5, 10, 20, 50, 100}) {
            decades.add(new NumberTickUnit(step));
        }
        axis.setStandardTickUnits(decades);
        axis.setSmallestValue(1e-300);
        ChartStyle.style(axis);
        return axis;
    }

    /** True when every finite loss is positive and the largest is more than 100× the smallest. */
    static boolean wantsLogScale(XYSeriesCollection raw) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (int s = 0; s < raw.getSeriesCount(); s++) {
            for (int i = 0; i < raw.getItemCount(s); i++) {
                double y = raw.getYValue(s, i);
                if (!(y > 0)) {
                    return false;
                }
                min = Math.min(min, y);
                max = Math.max(max, y);
            }
        }
        return max > 0 && max / min > LOG_SCALE_RATIO;
    }

    /**
     * The EMA span for a run of {@code points} iterations: about 1/40 of the run, between 1 and 200.
     * Long runs need more smoothing to show the trend through mini-batch noise; short ones keep detail.
     */
    static int smoothingSpan(int points) {
        return Math.max(1, Math.min(200, points / 40));
    }

    /**
     * Exponential moving average with weight 2/(span+1) on each new value, bias-corrected as in Adam and
     * TensorBoard so the first points are not pulled towards 0.
     */
    static double[] exponentialMovingAverage(double[] values, int span) {
        double alpha = 2.0 / (span + 1);
        double[] average = new double[values.length];
        double biased = 0;
        double weight = 0;
        for (int i = 0; i < values.length; i++) {
            biased = (1 - alpha) * biased + alpha * values[i];
            weight = (1 - alpha) * weight + alpha;
            average[i] = biased / weight;
        }
        return average;
    }
}
