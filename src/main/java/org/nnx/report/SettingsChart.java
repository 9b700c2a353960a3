package org.nnx.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.GeneralPath;
import java.awt.geom.Rectangle2D;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Small multiples of a sweep: one panel per swept setting, its values along x, every run's final test
 * accuracy as a dot above the value it took, and a line through the mean of the ok runs at each value.
 * A setting that matters shows as a slope or a gap; one that does not, as a flat line through overlapping
 * dots. Runs that diverged, stopped or failed are crosses (at 0 when never evaluated).
 */
public final class SettingsChart {
    static {
        Headless.ensure();
    }

    /** Panels per chart: more would be too narrow to read on a laptop screen. */
    public static final int PANELS_PER_CHART = 4;

    static final Color MEAN_LINE = new Color(0x57606a);
    /** The width of one character of a tick label, generously, in layout pixels. */
    private static final double LABEL_CHARACTER_WIDTH = 7.5;
    /** Space kept between neighbouring tick labels. */
    private static final double LABEL_GAP = 8;

    static final Color NOT_OK = new Color(0xcf222e);

    /**
     * One run as a dot.
     *
     * @param label    the run's name, for the tooltip
     * @param swept    the value of each swept setting in this run
     * @param accuracy final test accuracy; NaN when never evaluated
     * @param ok       false for diverged, stopped and failed runs
     */
    public record Dot(
            String label, Map<String, String> swept, double accuracy, Color colour, boolean faint, boolean ok) {}

    private SettingsChart() {}

    /** The chart for {@code settings} (at most {@link #PANELS_PER_CHART}), sharing the accuracy axis. */
    public static JFreeChart createChart(List<String> settings, List<Dot> dots, String title) {
        NumberAxis accuracy = new NumberAxis("final test accuracy");
        accuracy.setRange(0, 1.02);
        accuracy.setTickUnit(new NumberTickUnit(0.1, NumberFormat.getPercentInstance(Locale.ROOT)));
        ChartStyle.style(accuracy);
        CombinedRangeXYPlot combined = new CombinedRangeXYPlot(accuracy);
        combined.setGap(14);
        // The width a panel's tick labels share: the chart's less the shared axis, split over the panels.
        double panelWidth = (ChartImages.WIDTH - 90.0) / Math.max(1, settings.size());
        for (String setting : settings) {
            combined.add(panel(setting, dots, panelWidth), 1);
        }
        ChartStyle.style(combined);
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(ChartStyle.lineItem("mean of ok runs", MEAN_LINE, ChartStyle.line(2f)));
        if (dots.stream().anyMatch(d -> !d.ok())) {
            legend.add(ChartStyle.lineItem("× diverged, stopped or failed", NOT_OK, ChartStyle.line(2f)));
        }
        if (dots.stream().anyMatch(Dot::faint)) {
            legend.add(ChartStyle.lineItem("other runs (grey)", ChartStyle.FAINT, ChartStyle.line(3f)));
        }
        return ChartStyle.chart(
                title,
                "each dot is a run, above the value it took; coloured dots are the runs "
                        + "coloured in the other charts",
                combined,
                legend);
    }

    private static XYPlot panel(String setting, List<Dot> dots, double panelWidth) {
        Map<String, List<Dot>> byValue = new LinkedHashMap<>();
        for (Dot dot : dots) {
            byValue.computeIfAbsent(dot.swept().getOrDefault(setting, "—"), v -> new ArrayList<>())
                    .add(dot);
        }
        List<String> values = SettingValues.ordered(byValue.keySet());
        PanelSeries series = new PanelSeries();
        for (int v = 0; v < values.size(); v++) {
            series.addValue(v, setting, values.get(v), byValue.get(values.get(v)));
        }
        XYSeriesCollection means = new XYSeriesCollection();
        means.addSeries(series.mean);
        List<List<String>> tooltips = new ArrayList<>();
        XYSeriesCollection points = series.points(tooltips);
        XYPlot plot = new XYPlot(
                points,
                settingAxis(setting, values, panelWidth),
                null,
                dotRenderer(series.highlightColours, tooltips, points.getSeriesCount()));
        plot.setDataset(1, means);
        plot.setRenderer(1, meanRenderer());
        // Means under the dots, so a highlighted run sitting on the mean stays visible.
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
        ChartStyle.style(plot);
        plot.setDomainGridlinesVisible(false);
        return plot;
    }

    /**
     * The setting's values along x, numbers in increasing order. Labels too wide to sit side by side are
     * turned upright: JFreeChart leaves out a label that would overlap its neighbour.
     */
    static SymbolAxis settingAxis(String setting, List<String> values, double panelWidth) {
        SymbolAxis axis = new SymbolAxis(setting, values.toArray(String[]::new));
        int longest = values.stream().mapToInt(String::length).max().orElse(0);
        double room = panelWidth / Math.max(1, values.size());
        axis.setVerticalTickLabels(longest * LABEL_CHARACTER_WIDTH + LABEL_GAP > room);
        axis.setRange(-0.6, values.size() - 0.4);
        axis.setGridBandsVisible(false);
        ChartStyle.style(axis);
        axis.setLabelFont(ChartStyle.LABEL_FONT.deriveFont(Font.BOLD));
        return axis;
    }

    private static XYLineAndShapeRenderer meanRenderer() {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, MEAN_LINE);
        renderer.setSeriesStroke(0, ChartStyle.line(2f));
        renderer.setSeriesShape(0, new Rectangle2D.Double(-6, -1, 12, 2));
        return renderer;
    }

    /** Grey dots, red crosses, then a large dot per highlighted run in its colour; every dot with a tooltip. */
    private static ChartTooltips.SparseLineRenderer dotRenderer(
            List<Color> highlightColours, List<List<String>> tooltips, int seriesCount) {
        ChartTooltips.SparseLineRenderer renderer = new ChartTooltips.SparseLineRenderer();
        renderer.setDefaultLinesVisible(false);
        renderer.setDefaultShapesVisible(true);
        renderer.setUseOutlinePaint(true);
        Shape circle = new Ellipse2D.Double(-3.5, -3.5, 7, 7);
        Shape big = new Ellipse2D.Double(-5, -5, 10, 10);
        renderer.setSeriesPaint(0, new Color(0x9a, 0xa4, 0xae, 150));
        renderer.setSeriesShape(0, circle);
        renderer.setSeriesOutlinePaint(0, new Color(0x9a, 0xa4, 0xae, 150));
        renderer.setSeriesPaint(1, NOT_OK);
        renderer.setSeriesShape(1, cross(4.5));
        renderer.setSeriesOutlinePaint(1, NOT_OK);
        renderer.setSeriesOutlineStroke(1, new BasicStroke(2f));
        renderer.setSeriesShapesFilled(1, false);
        for (int i = 0; i < highlightColours.size(); i++) {
            renderer.setSeriesPaint(2 + i, highlightColours.get(i));
            renderer.setSeriesShape(2 + i, big);
            renderer.setSeriesOutlinePaint(2 + i, Color.WHITE);
        }
        int[] strides = new int[seriesCount];
        Arrays.fill(strides, 1);
        renderer.strides.set(strides);
        renderer.setDefaultToolTipGenerator(
                (data, series, item) -> tooltips.get(series).get(item));
        return renderer;
    }

    /**
     * The series of one panel: the mean line, and the dots as grey ones, crosses for runs that were not ok,
     * and one series per highlighted run so each keeps its own colour.
     */
    private static final class PanelSeries {
        final XYSeries mean = new XYSeries("mean", false, true);
        final XYSeries faint = new XYSeries("faint", false, true);
        final XYSeries notOk = new XYSeries("not ok", false, true);
        final List<String> faintTips = new ArrayList<>();
        final List<String> notOkTips = new ArrayList<>();
        final List<XYSeries> highlighted = new ArrayList<>();
        final List<Color> highlightColours = new ArrayList<>();
        final List<String> highlightTips = new ArrayList<>();

        /** The dots of the runs that took the {@code v}-th value, and the mean of the ok ones. */
        void addValue(int v, String setting, String value, List<Dot> atValue) {
            double sum = 0;
            int ok = 0;
            for (int k = 0; k < atValue.size(); k++) {
                Dot dot = atValue.get(k);
                // Spread the dots of one value sideways so that 20 runs at one value do not hide each other.
                double x = v + (atValue.size() == 1 ? 0 : 0.5 * ((double) k / (atValue.size() - 1) - 0.5));
                add(dot, x, tip(dot, setting, value));
                if (dot.ok() && Double.isFinite(dot.accuracy())) {
                    sum += dot.accuracy();
                    ok++;
                }
            }
            if (ok > 0) {
                mean.add(v, sum / ok, false);
            }
        }

        private void add(Dot dot, double x, String tip) {
            double y = Double.isFinite(dot.accuracy()) ? dot.accuracy() : 0;
            if (!dot.ok()) {
                notOk.add(x, y, false);
                notOkTips.add(tip);
            } else if (dot.faint()) {
                faint.add(x, y, false);
                faintTips.add(tip);
            } else {
                XYSeries own = new XYSeries(dot.label() + "#" + highlighted.size(), false, true);
                own.add(x, y, false);
                highlighted.add(own);
                highlightColours.add(dot.colour());
                highlightTips.add(tip);
            }
        }

        private static String tip(Dot dot, String setting, String value) {
            return dot.label() + " · " + setting + " = " + value + " · final test accuracy "
                    + (Double.isFinite(dot.accuracy())
                            ? String.format(Locale.ROOT, "%.2f %%", 100 * dot.accuracy())
                            : "none")
                    + (dot.ok() ? "" : " (not ok)");
        }

        /** The dots in drawing order; {@code tooltips} gets each series' tooltips, by item. */
        XYSeriesCollection points(List<List<String>> tooltips) {
            XYSeriesCollection points = new XYSeriesCollection();
            points.addSeries(faint);
            tooltips.add(faintTips);
            points.addSeries(notOk);
            tooltips.add(notOkTips);
            for (int i = 0; i < highlighted.size(); i++) {
                points.addSeries(highlighted.get(i));
                tooltips.add(List.of(highlightTips.get(i)));
            }
            return points;
        }
    }

    private static Shape cross(double r) {
        GeneralPath path = new GeneralPath();
        path.moveTo(-r, -r);
        path.lineTo(r, r);
        path.moveTo(-r, r);
        path.lineTo(r, -r);
        return path;
    }
}
