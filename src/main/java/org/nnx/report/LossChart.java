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
import org.nnx.train.RunStatus;

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
     * When a line that does not matter climbs above the ones that do, the y axis ends this fraction above
     * their highest loss: a diverging run's climb to 10⁸ would otherwise squeeze every other curve into a
     * flat line at the bottom. Its curve is cut at the top edge there, marked and named instead.
     */
    static final double TOP_MARGIN = 0.05;
    /** The lines named in the subtitle as leaving the top; the rest are counted. */
    static final int NAMED_ESCAPES = 3;
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
        double ceiling = ceiling(dataset);
        ValueAxis lossAxis = lossAxis(dataset, ceiling);
        List<ChartLine> lines = dataset.lines();
        XYPlot plot = new ViewPlot(dataset.raw(), RunAxes.xAxis(dataset.axis(), all), lossAxis, rawRenderer(lines));
        plot.setDataset(1, dataset.smoothed());
        plot.setRenderer(1, smoothRenderer(dataset.smoothed(), lines, dataset.axis()));
        // Raw (dataset 0) first, smoothed on top of every run's noise.
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setNoDataMessage("No loss was recorded.");
        if (dataset.axis() == XAxisKind.ITERATION) {
            RunAxes.addEpochAxis(plot, all);
        }
        String title =
                dataset.axis() == XAxisKind.ITERATION ? "Mini-batch loss per iteration" : "Mini-batch loss by epoch";
        List<Escape> escapes = escapes(dataset, ceiling);
        for (Escape escape : escapes) {
            plot.addAnnotation(new TopEdgeMarker(escape, dataset.axis()));
        }
        return ChartStyle.chart(
                title, subtitle(dataset, lossAxis instanceof LogAxis, escapes), plot, ChartStyle.legend(lines));
    }

    /**
     * Where the y axis cuts the curves that leave it, or NaN when every curve fits: a little above the
     * highest loss of the lines that matter ({@link #fits}), when some other line climbs higher.
     */
    static double ceiling(LossDataset dataset) {
        List<ChartLine> lines = dataset.lines();
        double top = Double.NEGATIVE_INFINITY;
        double highest = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < lines.size(); s++) {
            double max = Math.max(seriesMax(dataset.raw(), s), seriesMax(dataset.smoothed(), s));
            highest = Math.max(highest, max);
            if (fits(lines, lines.get(s))) {
                top = Math.max(top, max);
            }
        }
        if (!Double.isFinite(top) || !(top > 0)) {
            return Double.NaN;
        }
        double ceiling = top * (1 + TOP_MARGIN);
        return highest > ceiling ? ceiling : Double.NaN;
    }

    /**
     * Whether the y axis fits {@code line}: a coloured line whose runs ended ok and never blew up (the
     * leaders and the best run); when no line is such, every line.
     */
    static boolean fits(List<ChartLine> lines, ChartLine line) {
        boolean anyMatters = lines.stream().anyMatch(LossChart::matters);
        return !anyMatters || matters(line);
    }

    private static boolean matters(ChartLine line) {
        return !line.faint() && !divergent(line);
    }

    /**
     * Whether one of {@code line}'s runs diverged, failed or blew up: such a line is marked and named where it
     * leaves the top; an ok line poking above in its noise is only cut.
     */
    static boolean divergent(ChartLine line) {
        return line.runs().stream()
                .anyMatch(run -> run.status() != RunStatus.OK
                        || LossProfile.of(run.metrics()).blewUp());
    }

    /** The largest finite value of series {@code s} of {@code data}. */
    private static double seriesMax(XYDataset data, int s) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < data.getItemCount(s); i++) {
            double y = data.getYValue(s, i);
            if (Double.isFinite(y)) {
                max = Math.max(max, y);
            }
        }
        return max;
    }

    /**
     * The {@link #divergent} lines that leave the top of an axis ending at {@code ceiling}, each with the x
     * where it first does: what the chart marks and names.
     */
    static List<Escape> escapes(LossDataset dataset, double ceiling) {
        List<Escape> escapes = new ArrayList<>();
        if (Double.isNaN(ceiling)) {
            return escapes;
        }
        YIntervalSeriesCollection smoothed = dataset.smoothed();
        XYSeriesCollection raw = dataset.raw();
        for (int s = 0; s < dataset.lines().size(); s++) {
            if (!divergent(dataset.lines().get(s))) {
                continue;
            }
            double at = firstAbove(smoothed, s, ceiling);
            if (Double.isNaN(at)) {
                at = firstAbove(raw, s, ceiling);
            }
            if (!Double.isNaN(at)) {
                escapes.add(new Escape(dataset.lines().get(s), at));
            }
        }
        return escapes;
    }

    /** A line that leaves the top of the axis at {@code x}. */
    record Escape(ChartLine line, double x) {}

    private static double firstAbove(XYDataset data, int s, double ceiling) {
        for (int i = 0; i < data.getItemCount(s); i++) {
            if (data.getYValue(s, i) > ceiling) {
                return data.getXValue(s, i);
            }
        }
        return Double.NaN;
    }

    /**
     * The chart's lines for the page's script: per highlighted line its raw loss (faint) and the same loss to
     * be smoothed (bold); per faint line only the latter.
     */
    static List<ChartView.Series> viewSeries(LossDataset dataset) {
        List<ChartView.Series> series = new ArrayList<>();
        for (ChartLine line : dataset.lines()) {
            List<List<double[]>> perRun = new ArrayList<>();
            for (RunResult run : line.runs()) {
                perRun.add(Curves.points(run, dataset.axis(), MetricsRow::loss));
            }
            List<double[]> raw = Curves.mean(perRun).stream()
                    .map(p -> new double[] {p.x(), p.mean()})
                    .toList();
            if (!line.faint()) {
                series.add(new ChartView.Series(
                        line.label(),
                        RunColors.withAlpha(line.colour(), RAW_OPACITY),
                        ChartStyle.line(1f),
                        false,
                        fits(dataset.lines(), line),
                        false,
                        false,
                        raw,
                        false));
            }
            series.add(new ChartView.Series(
                    line.label(),
                    ChartStyle.paint(line),
                    ChartStyle.line(line.faint() ? ChartStyle.FAINT_WIDTH : 2.2f),
                    true,
                    fits(dataset.lines(), line),
                    true,
                    line.faint(),
                    raw,
                    divergent(line)));
        }
        return series;
    }

    /** What the page's script needs to redraw {@code chart}, the chart of {@code dataset}. */
    static String view(JFreeChart chart, LossDataset dataset) {
        return ChartView.json(
                chart,
                new ChartView.Meaning(
                        "mini-batch loss", false, ChartView.weightOfSpan(dataset.smoothingSpan()), ceiling(dataset)),
                viewSeries(dataset));
    }

    /** Logarithmic or linear, by the visible losses; cut at {@code ceiling} unless that is NaN. */
    private static ValueAxis lossAxis(LossDataset dataset, double ceiling) {
        boolean clipped = !Double.isNaN(ceiling);
        double limit = clipped ? ceiling : Double.POSITIVE_INFINITY;
        ValueAxis axis = wantsLogScale(limit, dataset.raw(), dataset.smoothed())
                ? ChartStyle.decadeLogAxis("mini-batch loss")
                : ChartStyle.linearAxis("mini-batch loss");
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
    private static String subtitle(LossDataset dataset, boolean logScale, List<Escape> escapes) {
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
        if (!escapes.isEmpty()) {
            List<String> names = escapes.stream()
                    .limit(NAMED_ESCAPES)
                    .map(escape -> escape.line().label())
                    .toList();
            int more = escapes.size() - names.size();
            notes.add("▲ left the top: " + String.join(", ", names) + (more > 0 ? " and " + more + " more" : ""));
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
                ChartTooltips.generator(lines.stream().map(ChartLine::label).toList(), axis, "mini-batch loss", false));
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
