package org.nnx.report;

import java.awt.geom.Ellipse2D;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.nnx.train.MetricsRow;
import org.nnx.train.RunResult;

/**
 * Train, validation and test accuracy at every evaluation of every run: test solid, train dashed,
 * validation dotted, in the run's colour (see {@link RunColors}); repeats as their mean with a ± one
 * standard deviation band around the test curve. x is the iteration or the epoch. y spans [0, 1] for a
 * single line; with several coloured lines it fits their values over the later half of training (see
 * {@link #fittedRange}), so leaders a point or two apart are told apart.
 */
public final class AccuracyChart {
    static {
        Headless.ensure();
    }

    /** Up to this many evaluations per run, each one is also marked with a dot, so sparse curves read. */
    static final int MARK_POINTS_UP_TO = 20;

    /**
     * The chart's data: series i of each collection is line i of {@code lines} (faint lines first).
     *
     * @param train      the train accuracy at each evaluation
     * @param test       the test accuracy at each evaluation, mean ± sd over repeats
     * @param validation the validation accuracy, empty series for runs without a validation set
     */
    public record AccuracyDataset(
            XYSeriesCollection train,
            YIntervalSeriesCollection test,
            XYSeriesCollection validation,
            List<ChartLine> lines,
            XAxisKind axis) {
        /** True when some run has a validation accuracy. */
        public boolean hasValidation() {
            for (int s = 0; s < validation.getSeriesCount(); s++) {
                if (validation.getItemCount(s) > 0) {
                    return true;
                }
            }
            return false;
        }
    }

    private AccuracyChart() {}

    /** Train and test series by iteration, one per run in the order given (series index = run index). */
    public static AccuracyDataset createDataset(List<RunResult> runs) {
        return createDataset(ChartLine.eachRun(runs), XAxisKind.ITERATION);
    }

    /** The series of {@code lines} along {@code axis}. */
    public static AccuracyDataset createDataset(List<ChartLine> lines, XAxisKind axis) {
        List<ChartLine> ordered = ChartStyle.drawingOrder(lines);
        XYSeriesCollection train = new XYSeriesCollection();
        YIntervalSeriesCollection test = new YIntervalSeriesCollection();
        XYSeriesCollection validation = new XYSeriesCollection();
        for (ChartLine line : ordered) {
            train.addSeries(meanSeries(line, axis, MetricsRow::trainAccuracy));
            test.addSeries(
                    Curves.intervalSeries(line.label(), Curves.mean(perRun(line, axis, MetricsRow::testAccuracy))));
            validation.addSeries(meanSeries(line, axis, MetricsRow::validationAccuracy));
        }
        return new AccuracyDataset(train, test, validation, ordered, axis);
    }

    private static List<List<double[]>> perRun(ChartLine line, XAxisKind axis, ToDoubleFunction<MetricsRow> metric) {
        List<List<double[]>> perRun = new ArrayList<>();
        for (RunResult run : line.runs()) {
            perRun.add(Curves.points(run, axis, metric));
        }
        return perRun;
    }

    /** {@code metric} of {@code line} along {@code axis}: the mean over its runs at each x. */
    static XYSeries meanSeries(ChartLine line, XAxisKind axis, ToDoubleFunction<MetricsRow> metric) {
        XYSeries series = new XYSeries(line.label(), false, true);
        for (Curves.Point p : Curves.mean(perRun(line, axis, metric))) {
            series.add(p.x(), p.mean(), false);
        }
        return series;
    }

    /** The chart of {@code dataset}; each series in its line's colour. */
    public static JFreeChart createChart(AccuracyDataset dataset, List<RunResult> runs) {
        NumberAxis accuracyAxis = new NumberAxis("accuracy");
        double[] range = fittedRange(dataset);
        accuracyAxis.setRange(range[0], range[1]);
        NumberFormat percent = NumberFormat.getPercentInstance(Locale.ROOT);
        accuracyAxis.setTickUnit(new NumberTickUnit(tickUnit(range[1] - range[0]), percent));
        ChartStyle.style(accuracyAxis);

        List<ChartLine> lines = dataset.lines();
        List<RunResult> all =
                lines.stream().flatMap(line -> line.runs().stream()).toList();
        XYPlot plot = new ViewPlot(
                dataset.train(),
                RunAxes.xAxis(dataset.axis(), all),
                accuracyAxis,
                renderer(dataset.train(), lines, Style.TRAIN));
        plot.setDataset(1, dataset.validation());
        plot.setRenderer(1, renderer(dataset.validation(), lines, Style.VALIDATION));
        plot.setDataset(2, dataset.test());
        plot.setRenderer(2, testRenderer(dataset, lines));
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setNoDataMessage("The model was never evaluated.");
        if (dataset.axis() == XAxisKind.ITERATION) {
            RunAxes.addEpochAxis(plot, all);
        }
        // The line styles are explained in the subtitle: legend entries for them would wrap onto a second row.
        String subtitle = "solid: test set · dashed: training set"
                + (dataset.hasValidation() ? " · dotted: validation set" : "")
                + (lines.stream().anyMatch(ChartLine::isMean) ? " · repeats: mean, band ± 1 sd" : "");
        String title = dataset.axis() == XAxisKind.ITERATION ? "Accuracy per evaluation" : "Accuracy by epoch";
        return ChartStyle.chart(title, subtitle, plot, ChartStyle.legend(lines));
    }

    /**
     * The accuracy axis's range. With two or more coloured lines (a sweep's leaders and its best), the span of
     * their train, validation and test values over the later half of the x range, padded and kept within
     * [0, 1]: every curve starts near chance, so fitting whole curves would leave the axis at 0–100 % and
     * the leaders on top of each other. Their early parts then enter from below the axis; zooming in the page
     * fits the view again. One line, or leaders spread over more than 60 points, keep [0, 1].
     */
    static double[] fittedRange(AccuracyDataset dataset) {
        List<ChartLine> lines = dataset.lines();
        if (lines.stream().filter(line -> !line.faint()).count() < 2) {
            return new double[] {0, 1};
        }
        List<XYDataset> all = List.of(dataset.train(), dataset.validation(), dataset.test());
        double lastX = Double.NEGATIVE_INFINITY;
        for (XYDataset values : all) {
            for (int series = 0; series < values.getSeriesCount(); series++) {
                for (int item = 0; item < values.getItemCount(series); item++) {
                    lastX = Math.max(lastX, values.getXValue(series, item));
                }
            }
        }
        double from = lastX / 2;
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).faint()) {
                continue;
            }
            for (XYDataset values : all) {
                for (int item = 0; item < values.getItemCount(i); item++) {
                    double y = values.getYValue(i, item);
                    if (values.getXValue(i, item) >= from && Double.isFinite(y)) {
                        low = Math.min(low, y);
                        high = Math.max(high, y);
                    }
                }
            }
        }
        if (!(high >= low) || high - low > 0.6) {
            return new double[] {0, 1};
        }
        double pad = Math.max(0.01, (high - low) * 0.1);
        return new double[] {Math.max(0, low - pad), Math.min(1, high + pad)};
    }

    /** A tick every 10, 5, 2 or 1 points, so that a span shows about five to ten of them. */
    private static double tickUnit(double span) {
        return span > 0.5 ? 0.1 : span > 0.25 ? 0.05 : span > 0.1 ? 0.02 : 0.01;
    }

    /** What the page's script needs to redraw {@code chart}, the chart of {@code dataset}: train, validation, test. */
    static String view(JFreeChart chart, AccuracyDataset dataset) {
        List<ChartView.Series> series = viewSeries(
                dataset.lines(),
                List.of(
                        new Drawn(dataset.train(), Style.TRAIN, false),
                        new Drawn(dataset.validation(), Style.VALIDATION, false),
                        new Drawn(dataset.test(), Style.SOLID, true)));
        return ChartView.json(chart, new ChartView.Meaning("test accuracy", true, 0, Double.NaN), series);
    }

    /** A dataset of an evaluation chart, how its lines are drawn, and whether its points carry hover values. */
    record Drawn(org.jfree.data.xy.XYDataset data, Style style, boolean tips) {}

    /** The series of {@code drawn} for the page's script, line by line, leaving out empty ones. */
    static List<ChartView.Series> viewSeries(List<ChartLine> lines, List<Drawn> drawn) {
        List<ChartView.Series> series = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            ChartLine line = lines.get(i);
            for (Drawn each : drawn) {
                List<double[]> points = new ArrayList<>();
                for (int item = 0; item < each.data().getItemCount(i); item++) {
                    points.add(new double[] {
                        each.data().getXValue(i, item), each.data().getYValue(i, item)
                    });
                }
                if (!points.isEmpty()) {
                    series.add(new ChartView.Series(
                            line.label(),
                            ChartStyle.paint(line),
                            stroke(line, each.style()),
                            true,
                            true,
                            each.tips(),
                            line.faint(),
                            points,
                            false));
                }
            }
        }
        return series;
    }

    /** The stroke of {@code line} drawn in {@code style}: thinner when faint. */
    static java.awt.Stroke stroke(ChartLine line, Style style) {
        float width = line.faint() ? ChartStyle.FAINT_WIDTH : style == Style.SOLID ? 2f : 1.6f;
        return switch (style) {
            case TRAIN -> ChartStyle.dashed(width);
            case VALIDATION -> ChartStyle.dotted(width);
            case SOLID -> ChartStyle.line(width);
        };
    }

    /** Convenience: {@link #createDataset(List)} then {@link #createChart(AccuracyDataset, List)}. */
    public static JFreeChart createChart(List<RunResult> runs) {
        return createChart(createDataset(runs), runs);
    }

    /** Convenience for a report: the dataset of {@code lines} along {@code axis}, then its chart. */
    public static JFreeChart createChart(List<ChartLine> lines, XAxisKind axis) {
        return createChart(createDataset(lines, axis), List.of());
    }

    /** How a series of lines is drawn: dashed, dotted or solid. */
    enum Style {
        TRAIN,
        VALIDATION,
        SOLID
    }

    /** A renderer drawing each line of {@code series} in its colour, in {@code style}; few points get dots. */
    static ChartTooltips.SparseLineRenderer renderer(XYSeriesCollection series, List<ChartLine> lines, Style style) {
        ChartTooltips.SparseLineRenderer renderer = new ChartTooltips.SparseLineRenderer();
        renderer.setDrawSeriesLineAsPath(true);
        double dot = 4;
        for (int i = 0; i < series.getSeriesCount(); i++) {
            ChartLine line = lines.get(i);
            renderer.setSeriesPaint(i, ChartStyle.paint(line));
            renderer.setSeriesStroke(i, stroke(line, style));
            // A single evaluation has no line at all; a dot is the only way to see it.
            renderer.setSeriesShapesVisible(i, !line.faint() && series.getItemCount(i) <= MARK_POINTS_UP_TO);
            renderer.setSeriesShape(i, new Ellipse2D.Double(-dot / 2, -dot / 2, dot, dot));
            renderer.setSeriesShapesFilled(i, false);
        }
        renderer.setUseOutlinePaint(false);
        return renderer;
    }

    private static XYLineAndShapeRenderer testRenderer(AccuracyDataset dataset, List<ChartLine> lines) {
        ChartTooltips.SparseDeviationRenderer renderer = new ChartTooltips.SparseDeviationRenderer();
        renderer.setAlpha(ChartStyle.BAND_OPACITY);
        double dot = 5;
        YIntervalSeriesCollection test = dataset.test();
        for (int i = 0; i < test.getSeriesCount(); i++) {
            ChartLine line = lines.get(i);
            renderer.setSeriesPaint(i, ChartStyle.paint(line));
            renderer.setSeriesFillPaint(i, ChartStyle.bandPaint(line));
            renderer.setSeriesStroke(i, ChartStyle.line(line.faint() ? ChartStyle.FAINT_WIDTH : 2f));
            boolean marked = !line.faint() && test.getItemCount(i) <= MARK_POINTS_UP_TO;
            renderer.setSeriesShapesVisible(i, marked);
            renderer.setSeriesShape(i, new Ellipse2D.Double(-dot / 2, -dot / 2, dot, dot));
            renderer.setSeriesShapesFilled(i, true);
        }
        renderer.setUseOutlinePaint(false);
        renderer.strides.set(ChartTooltips.strides(test, lines.size()));
        renderer.setDefaultToolTipGenerator(ChartTooltips.generator(
                lines.stream().map(ChartLine::label).toList(), dataset.axis(), "test accuracy", true));
        return renderer;
    }
}
