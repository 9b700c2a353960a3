package org.nnx.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
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
    public record LossDataset(
            XYSeriesCollection raw,
            YIntervalSeriesCollection smoothed,
            int smoothingSpan,
            List<ChartLine> lines,
            XAxisKind axis) {}

    private LossChart() {}

    /** Raw and smoothed loss series by iteration, one per run in the order given (series index = run index). */
    public static LossDataset createDataset(List<RunResult> runs) {
        return createDataset(ChartLine.eachRun(runs), XAxisKind.ITERATION);
    }

    /** Raw and smoothed loss series of {@code lines} along {@code axis}. */
    public static LossDataset createDataset(List<ChartLine> lines, XAxisKind axis) {
        List<ChartLine> ordered = ChartStyle.drawingOrder(lines);
        int longest = ordered.stream()
                .flatMap(line -> line.runs().stream())
                .mapToInt(run -> run.metrics().size())
                .max()
                .orElse(0);
        // One span for all runs so their curves are smoothed alike and stay comparable.
        int span = Smoothing.span(longest);
        XYSeriesCollection raw = new XYSeriesCollection();
        YIntervalSeriesCollection smoothed = new YIntervalSeriesCollection();
        for (ChartLine line : ordered) {
            List<List<double[]>> rawPerRun = new ArrayList<>();
            List<List<double[]>> smoothPerRun = new ArrayList<>();
            for (RunResult run : line.runs()) {
                List<double[]> points = Curves.points(run, axis, MetricsRow::loss);
                double[] losses = points.stream().mapToDouble(p -> p[1]).toArray();
                double[] average = Smoothing.exponentialMovingAverage(losses, span);
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
        List<RunResult> all =
                dataset.lines().stream().flatMap(line -> line.runs().stream()).toList();
        double ceiling = CLIP_FACTOR * largestStart(dataset.smoothed());
        boolean clipped =
                Double.isFinite(ceiling) && ceiling > 0 && maximum(dataset.raw(), dataset.smoothed()) > ceiling;
        ValueAxis lossAxis = lossAxis(dataset, clipped ? ceiling : Double.NaN);
        List<ChartLine> lines = dataset.lines();
        XYPlot plot = new XYPlot(dataset.raw(), RunAxes.xAxis(dataset.axis(), all), lossAxis, rawRenderer(lines));
        plot.setDataset(1, dataset.smoothed());
        plot.setRenderer(1, smoothRenderer(dataset.smoothed(), lines, dataset.axis()));
        // Raw (dataset 0) first, smoothed on top of every run's noise.
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setNoDataMessage("No loss was recorded.");
        if (dataset.axis() == XAxisKind.ITERATION) {
            RunAxes.addEpochAxis(plot, all);
        }
        String title = dataset.axis() == XAxisKind.ITERATION ? "Loss per iteration" : "Loss by epoch";
        return ChartStyle.chart(
                title, subtitle(dataset, lossAxis instanceof LogAxis, clipped), plot, ChartStyle.legend(lines));
    }

    /** Logarithmic or linear, by the visible losses; cut at {@code ceiling} unless that is NaN. */
    private static ValueAxis lossAxis(LossDataset dataset, double ceiling) {
        boolean clipped = !Double.isNaN(ceiling);
        double limit = clipped ? ceiling : Double.POSITIVE_INFINITY;
        ValueAxis axis = wantsLogScale(limit, dataset.raw(), dataset.smoothed())
                ? ChartStyle.decadeLogAxis("loss")
                : ChartStyle.linearAxis("loss");
        if (clipped) {
            double low = minimum(dataset.raw(), dataset.smoothed());
            if (axis instanceof LogAxis) {
                axis.setRange(low / 1.5, ceiling);
            } else {
                axis.setRange(Math.max(low > 0 ? 0 : low, low - 0.05 * (ceiling - low)), ceiling);
            }
        }
        return axis;
    }

    /** What the reader needs to read the chart right: the smoothing, bands, log scale, the cut. */
    private static String subtitle(LossDataset dataset, boolean logScale, boolean clipped) {
        List<String> notes = new ArrayList<>();
        notes.add(
                dataset.smoothingSpan() > 1
                        ? "faint: every " + dataset.axis().label() + " · bold: moving average over ~"
                                + dataset.smoothingSpan() + " points"
                        : "loss at every iteration");
        if (dataset.lines().stream().anyMatch(ChartLine::isMean)) {
            notes.add("repeats: mean, band ± 1 sd");
        }
        if (logScale) {
            notes.add("log scale");
        }
        if (clipped) {
            notes.add("cut at " + (int) CLIP_FACTOR + "× the start: curves leaving the top diverged");
        }
        return String.join(" · ", notes);
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

    private static ChartTooltips.SparseDeviationRenderer smoothRenderer(
            XYDataset smoothed, List<ChartLine> lines, XAxisKind axis) {
        ChartTooltips.SparseDeviationRenderer renderer = new ChartTooltips.SparseDeviationRenderer();
        renderer.setAlpha(ChartStyle.BAND_OPACITY);
        for (int i = 0; i < lines.size(); i++) {
            ChartLine line = lines.get(i);
            renderer.setSeriesPaint(i, ChartStyle.paint(line));
            renderer.setSeriesFillPaint(i, ChartStyle.bandPaint(line));
            renderer.setSeriesStroke(i, ChartStyle.line(line.faint() ? ChartStyle.FAINT_WIDTH : 2.2f));
        }
        renderer.strides.set(ChartTooltips.strides(smoothed, lines.size()));
        renderer.setDefaultToolTipGenerator(
                ChartTooltips.generator(lines.stream().map(ChartLine::label).toList(), axis, "loss", false));
        return renderer;
    }

    /** True when every finite loss is positive and the largest is more than 100× the smallest. */
    static boolean wantsLogScale(XYDataset... datasets) {
        return wantsLogScale(Double.POSITIVE_INFINITY, datasets);
    }

    /** Like {@link #wantsLogScale(XYDataset...)}, over the losses up to {@code limit} only (the visible ones). */
    static boolean wantsLogScale(double limit, XYDataset... datasets) {
        double[] visible = Arrays.stream(datasets)
                .flatMapToDouble(LossChart::yValues)
                .filter(y -> !(y > limit))
                .toArray();
        if (Arrays.stream(visible).anyMatch(y -> !(y > 0))) {
            return false;
        }
        double min = Arrays.stream(visible).min().orElse(Double.POSITIVE_INFINITY);
        double max = Arrays.stream(visible).max().orElse(0);
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
        return Arrays.stream(datasets).flatMapToDouble(LossChart::yValues).max().orElse(Double.NEGATIVE_INFINITY);
    }

    /** The smallest loss of {@code datasets}; of the smoothed (band) values only the positive ones. */
    private static double minimum(XYDataset... datasets) {
        return Arrays.stream(datasets)
                .flatMapToDouble(
                        data -> yValues(data).filter(y -> y > 0 || !(data instanceof YIntervalSeriesCollection)))
                .min()
                .orElse(Double.POSITIVE_INFINITY);
    }

    /** Every y value of {@code data}, series by series. */
    private static DoubleStream yValues(XYDataset data) {
        return IntStream.range(0, data.getSeriesCount())
                .boxed()
                .flatMapToDouble(s -> IntStream.range(0, data.getItemCount(s)).mapToDouble(i -> data.getYValue(s, i)));
    }
}
