package org.nnx.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.nnx.train.MetricsRow;
import org.nnx.train.RunResult;

/**
 * The loss of every run, overlaid: the raw mini-batch loss faint, an exponential moving average bold,
 * one colour per run (see {@link RunColors}); repeats of a configuration as the mean of their smoothed
 * losses with a ± one standard deviation band. NaN and infinite losses are left out, so a diverged run's
 * curve simply ends. The y axis is logarithmic when the losses span more than two decades and are all
 * positive. In a large sweep, {@link ChartLine#faint() faint} lines are drawn thin and grey behind the
 * highlighted ones, without their raw noise.
 */
public final class LossChart {
    static {
        Headless.ensure();
    }

    /** Log scale once max/min of the positive losses exceeds this: two decades. */
    static final double LOG_SCALE_RATIO = 100;
    /**
     * The y axis ends at this many times the largest starting loss: a diverging run's climb to 10⁸ would
     * otherwise squeeze every other curve into a flat line at the bottom. Its curve leaves the top instead,
     * and the subtitle says so.
     */
    static final double CLIP_FACTOR = 4;
    /** Opacity of the raw loss: visible as a band of noise behind the smoothed line, not competing with it. */
    static final double RAW_OPACITY = 0.22;

    /**
     * The chart's data, series in drawing order (faint lines first, so highlighted ones lie on top).
     *
     * @param raw            series i = line i's finite losses (mean of the repeats), by x
     * @param smoothed       series i = their exponential moving average, as mean ± sd over the repeats
     * @param smoothingSpan  the EMA's span in points (1 = no smoothing), for the subtitle
     * @param lines          the line of each series
     * @param axis           what x counts
     */
    public record LossDataset(XYSeriesCollection raw, YIntervalSeriesCollection smoothed, int smoothingSpan,
                              List<ChartLine> lines, XAxisKind axis) {
    }

    private LossChart() {
    }

    /** Raw and smoothed loss series by iteration, one per run in the order given (series index = run index). */
    public static LossDataset createDataset(List<RunResult> runs) {
        return createDataset(ChartLine.eachRun(runs), XAxisKind.ITERATION);
    }

    /** Raw and smoothed loss series of {@code lines} along {@code axis}. */
    public static LossDataset createDataset(List<ChartLine> lines, XAxisKind axis) {
        List<ChartLine> ordered = ChartStyle.drawingOrder(lines);
        int longest = ordered.stream().flatMap(line -> line.runs().stream()).mapToInt(run -> run.metrics().size())
                .max().orElse(0);
        // One span for all runs so their curves are smoothed alike and stay comparable.
        int span = smoothingSpan(longest);
        XYSeriesCollection raw = new XYSeriesCollection();
        YIntervalSeriesCollection smoothed = new YIntervalSeriesCollection();
        for (ChartLine line : ordered) {
            List<List<double[]>> rawPerRun = new ArrayList<>();
            List<List<double[]>> smoothPerRun = new ArrayList<>();
            for (RunResult run : line.runs()) {
                List<double[]> points = Curves.points(run, axis, MetricsRow::loss);
                double[] average = exponentialMovingAverage(points.stream().mapToDouble(p -> p[1]).toArray(), span);
                List<double[]> smooth = new ArrayList<>(points.size());
                for (int i = 0; i < points.size(); i++) {
                    smooth.add(new double[] {points.get(i)[0], average[i]});
                }
                rawPerRun.add(points);
                smoothPerRun.add(smooth);
            }
            XYSeries rawSeries = new XYSeries(line.label(), false, true);
            // The noise of a faint line would only thicken the grey mass; its trend is what matters.
            if (!line.faint()) {
                for (Curves.Point p : Curves.mean(rawPerRun)) {
                    rawSeries.add(p.x(), p.mean(), false);
                }
            }
            raw.addSeries(rawSeries);
            smoothed.addSeries(Curves.intervalSeries(line.label(), Curves.mean(smoothPerRun)));
        }
        return new LossDataset(raw, smoothed, span, ordered, axis);
    }

    /** The chart of {@code dataset}; each series in its line's colour. */
    public static JFreeChart createChart(LossDataset dataset, List<RunResult> runs) {
        List<RunResult> all = dataset.lines().stream().flatMap(line -> line.runs().stream()).toList();
        double ceiling = CLIP_FACTOR * largestStart(dataset.smoothed());
        boolean clipped = Double.isFinite(ceiling) && ceiling > 0 && maximum(dataset.raw(), dataset.smoothed()) > ceiling;
        double limit = clipped ? ceiling : Double.POSITIVE_INFINITY;
        ValueAxis lossAxis = wantsLogScale(limit, dataset.raw(), dataset.smoothed()) ? ChartStyle.decadeLogAxis("loss") : ChartStyle.linearAxis("loss");
        if (clipped) {
            double low = minimum(dataset.raw(), dataset.smoothed());
            if (lossAxis instanceof LogAxis) {
                lossAxis.setRange(low / 1.5, ceiling);
            } else {
                lossAxis.setRange(Math.max(low > 0 ? 0 : low, low - 0.05 * (ceiling - low)), ceiling);
            }
        }
        List<ChartLine> lines = dataset.lines();
        XYPlot plot = new XYPlot(dataset.raw(), ChartStyle.xAxis(dataset.axis(), all), lossAxis, rawRenderer(lines));
        plot.setDataset(1, dataset.smoothed());
        plot.setRenderer(1, smoothRenderer(dataset.smoothed(), lines, dataset.axis()));
        // Raw (dataset 0) first, smoothed on top of every run's noise.
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setNoDataMessage("No loss was recorded.");
        if (dataset.axis() == XAxisKind.ITERATION) {
            ChartStyle.addEpochAxis(plot, all);
        }
        List<String> notes = new ArrayList<>();
        notes.add(dataset.smoothingSpan() > 1
                ? "faint: every " + dataset.axis().label() + " · bold: moving average over ~" + dataset.smoothingSpan()
                        + " points"
                : "loss at every iteration");
        if (lines.stream().anyMatch(ChartLine::isMean)) {
            notes.add("repeats: mean, band ± 1 sd");
        }
        if (lossAxis instanceof LogAxis) {
            notes.add("log scale");
        }
        if (clipped) {
            notes.add("cut at " + (int) CLIP_FACTOR + "× the start: curves leaving the top diverged");
        }
        String title = dataset.axis() == XAxisKind.ITERATION ? "Loss per iteration" : "Loss by epoch";
        return ChartStyle.chart(title, String.join(" · ", notes), plot, ChartStyle.legend(lines));
    }

    /** Convenience: {@link #createDataset(List)} then {@link #createChart(LossDataset, List)}. */
    public static JFreeChart createChart(List<RunResult> runs) {
        return createChart(createDataset(runs), runs);
    }

    /** Convenience for a report: the dataset of {@code lines} along {@code axis}, then its chart. */
    public static JFreeChart createChart(List<ChartLine> lines, XAxisKind axis) {
        return createChart(createDataset(lines, axis), List.of());
    }

    private static ChartTooltips.SparseLineRenderer rawRenderer(List<ChartLine> lines) {
        ChartTooltips.SparseLineRenderer renderer = new ChartTooltips.SparseLineRenderer();
        // One path per series: with thousands of translucent segments drawn one by one, overlaps would
        // add up and the faint line would turn solid.
        renderer.setDrawSeriesLineAsPath(true);
        for (int i = 0; i < lines.size(); i++) {
            Color colour = lines.get(i).colour();
            renderer.setSeriesPaint(i, RunColors.withAlpha(colour, RAW_OPACITY));
            renderer.setSeriesStroke(i, ChartStyle.line(1f));
        }
        return renderer;
    }

    private static ChartTooltips.SparseDeviationRenderer smoothRenderer(XYDataset smoothed, List<ChartLine> lines,
                                                                        XAxisKind axis) {
        ChartTooltips.SparseDeviationRenderer renderer = new ChartTooltips.SparseDeviationRenderer();
        renderer.setAlpha(ChartStyle.BAND_OPACITY);
        for (int i = 0; i < lines.size(); i++) {
            ChartLine line = lines.get(i);
            renderer.setSeriesPaint(i, ChartStyle.paint(line));
            renderer.setSeriesFillPaint(i, line.faint() ? ChartStyle.FAINT_BAND : line.colour());
            renderer.setSeriesStroke(i, ChartStyle.line(line.faint() ? ChartStyle.FAINT_WIDTH : 2.2f));
        }
        renderer.setStrides(ChartTooltips.strides(smoothed, lines.size()));
        renderer.setDefaultToolTipGenerator(ChartTooltips.generator(
                lines.stream().map(ChartLine::label).toList(), axis, "loss", false));
        return renderer;
    }

    /** True when every finite loss is positive and the largest is more than 100× the smallest. */
    static boolean wantsLogScale(XYDataset... datasets) {
        return wantsLogScale(Double.POSITIVE_INFINITY, datasets);
    }

    /** Like {@link #wantsLogScale(XYDataset...)}, over the losses up to {@code limit} only (the visible ones). */
    static boolean wantsLogScale(double limit, XYDataset... datasets) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (XYDataset data : datasets) {
            for (int s = 0; s < data.getSeriesCount(); s++) {
                for (int i = 0; i < data.getItemCount(s); i++) {
                    double y = data.getYValue(s, i);
                    if (y > limit) {
                        continue;
                    }
                    if (!(y > 0)) {
                        return false;
                    }
                    min = Math.min(min, y);
                    max = Math.max(max, y);
                }
            }
        }
        return max > 0 && max / min > LOG_SCALE_RATIO;
    }

    /** The largest first value of any series: where the curves start. */
    static double largestStart(XYDataset smoothed) {
        double start = Double.NaN;
        for (int s = 0; s < smoothed.getSeriesCount(); s++) {
            if (smoothed.getItemCount(s) > 0) {
                double y = smoothed.getYValue(s, 0);
                start = Double.isNaN(start) ? y : Math.max(start, y);
            }
        }
        return start;
    }

    private static double maximum(XYDataset... datasets) {
        double max = Double.NEGATIVE_INFINITY;
        for (XYDataset data : datasets) {
            for (int s = 0; s < data.getSeriesCount(); s++) {
                for (int i = 0; i < data.getItemCount(s); i++) {
                    max = Math.max(max, data.getYValue(s, i));
                }
            }
        }
        return max;
    }

    private static double minimum(XYDataset... datasets) {
        double min = Double.POSITIVE_INFINITY;
        for (XYDataset data : datasets) {
            for (int s = 0; s < data.getSeriesCount(); s++) {
                for (int i = 0; i < data.getItemCount(s); i++) {
                    double y = data.getYValue(s, i);
                    if (y > 0 || !(data instanceof YIntervalSeriesCollection)) {
                        min = Math.min(min, y);
                    }
                }
            }
        }
        return min;
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
        return Arrays.copyOf(average, average.length);
    }
}
