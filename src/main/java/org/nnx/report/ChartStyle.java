package org.nnx.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.nnx.train.RunResult;

/** The look shared by nnx's charts: white, light grid, no frames, one legend entry per run. */
final class ChartStyle {
    static {
        Headless.ensure();
    }

    static final Color TEXT = new Color(0x1f2328);
    static final Color MUTED_TEXT = new Color(0x656d76);
    static final Color GRID = new Color(0xe6e8eb);
    static final Color AXIS = new Color(0x8c959f);

    static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    static final Font SUBTITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    /** The colour of the runs that are not highlighted in a large sweep: there, but out of the way. */
    static final Color FAINT = new Color(0x9aa4ae);

    static final Color FAINT_LINE = new Color(0x9a, 0xa4, 0xae, 110);
    static final Color FAINT_BAND = new Color(0xd0d7de);
    static final float FAINT_WIDTH = 0.9f;
    /** Opacity of the ± sd band of repeats. */
    static final float BAND_OPACITY = 0.16f;

    private ChartStyle() {}

    /** A stroke with round joins: the dense raw-loss paths look jagged with the default mitre joins. */
    static Stroke line(float width) {
        return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    static Stroke dashed(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 4f}, 0f);
    }

    static Stroke dotted(float width) {
        return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, new float[] {1f, 3.5f}, 0f);
    }

    /** The line colour of {@code line}: its own, or translucent grey when it is faint. */
    static Color paint(ChartLine line) {
        return line.faint() ? FAINT_LINE : line.colour();
    }

    /**
     * The ± sd band of {@code line}: its colour, grey when faint, and transparent for a single run, whose
     * band has no width (so a vector chart need not carry it).
     */
    static Color bandPaint(ChartLine line) {
        if (!line.isMean()) {
            return new Color(0, 0, 0, 0);
        }
        return line.faint() ? FAINT_BAND : line.colour();
    }

    /** Faint lines first, then the others in their order: highlighted curves are drawn on top. */
    static List<ChartLine> drawingOrder(List<ChartLine> lines) {
        List<ChartLine> ordered = new ArrayList<>();
        lines.stream().filter(ChartLine::faint).forEach(ordered::add);
        lines.stream().filter(line -> !line.faint()).forEach(ordered::add);
        return ordered;
    }

    /**
     * The legend of {@code lines}: one entry per line that is not faint, and one grey entry standing
     * for all faint ones.
     */
    static LegendItemCollection legend(List<ChartLine> lines) {
        LegendItemCollection items = new LegendItemCollection();
        long faint = lines.stream().filter(ChartLine::faint).count();
        for (ChartLine line : lines) {
            if (!line.faint()) {
                items.add(lineItem(line.label(), line.colour(), line(3f)));
            }
        }
        if (faint > 0) {
            items.add(lineItem(faint + " other " + (faint == 1 ? "line" : "lines") + " (grey)", FAINT, line(3f)));
        }
        return items;
    }

    static void style(ValueAxis axis) {
        axis.setLabelFont(LABEL_FONT);
        axis.setLabelPaint(TEXT);
        axis.setTickLabelFont(TICK_FONT);
        axis.setTickLabelPaint(MUTED_TEXT);
        axis.setAxisLinePaint(AXIS);
        axis.setTickMarkPaint(AXIS);
    }

    /** White plot with light horizontal and vertical grid lines and no outline. */
    static void style(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setAxisOffset(new RectangleInsets(4, 4, 4, 4));
        plot.setNoDataMessageFont(LABEL_FONT);
        plot.setNoDataMessagePaint(MUTED_TEXT);
    }

    /**
     * A chart around {@code plot} with a title, a grey subtitle explaining the line styles and a legend
     * below made of {@code legend} (fixed, so each run appears once however many series it has).
     */
    static JFreeChart chart(String title, String subtitle, XYPlot plot, LegendItemCollection legend) {
        style(plot);
        plot.setFixedLegendItems(legend);
        JFreeChart chart = new JFreeChart(title, TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(8, 8, 4, 12));
        TextTitle titleText = chart.getTitle();
        titleText.setPaint(TEXT);
        titleText.setHorizontalAlignment(HorizontalAlignment.LEFT);
        titleText.setPadding(new RectangleInsets(2, 6, 0, 0));
        if (subtitle != null && !subtitle.isEmpty()) {
            TextTitle sub = new TextTitle(subtitle, SUBTITLE_FONT);
            sub.setPaint(MUTED_TEXT);
            sub.setHorizontalAlignment(HorizontalAlignment.LEFT);
            sub.setPadding(new RectangleInsets(2, 6, 6, 0));
            chart.addSubtitle(sub);
        }
        LegendTitle legendTitle = chart.getLegend();
        legendTitle.setFrame(BlockBorder.NONE);
        legendTitle.setItemFont(LABEL_FONT);
        legendTitle.setItemPaint(TEXT);
        legendTitle.setBackgroundPaint(Color.WHITE);
        legendTitle.setPosition(RectangleEdge.BOTTOM);
        legendTitle.setItemLabelPadding(new RectangleInsets(2, 4, 2, 12));
        return chart;
    }

    /** A legend entry drawn as a short line in {@code paint}. */
    static LegendItem lineItem(String label, Color paint, Stroke stroke) {
        Line2D.Double sample = new Line2D.Double(-12, 0, 12, 0);
        LegendItem item = new LegendItem(
                label, null, null, null, false, sample, false, paint, false, paint, stroke, true, sample, stroke,
                paint);
        item.setLabelFont(LABEL_FONT);
        item.setLabelPaint(TEXT);
        return item;
    }

    /**
     * Series keys for the runs: their names, made unique, because a JFreeChart dataset refuses two
     * series with the same key and nothing stops two runs from sharing a name.
     */
    static List<String> seriesKeys(List<RunResult> runs) {
        return uniqueKeys(runs.stream().map(RunResult::name).toList());
    }

    /** {@code names} with {@code " (2)"}, {@code " (3)"} … added to repeats, in order. */
    static List<String> uniqueKeys(List<String> names) {
        List<String> keys = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (String name : names) {
            String key = name;
            for (int n = 2; !used.add(key); n++) {
                key = name + " (" + n + ")";
            }
            keys.add(key);
        }
        return keys;
    }

    /** A linear value axis that does not force zero into view. */
    static NumberAxis linearAxis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(false);
        style(axis);
        return axis;
    }

    /** A base-10 log axis labelled {@code label (log scale)}, ticked at whole decades only. */
    static LogAxis decadeLogAxis(String label) {
        LogAxis axis = new LogAxis(label + " (log scale)");
        axis.setBase(10);
        // Ticks at whole decades (every 2nd, 5th … when the range is wide): the default also ticks half
        // decades, labelled 316227.766.
        TickUnits decades = new TickUnits();
        for (int step : new int[] {1, 2, 3, 5, 10, 20, 50, 100}) {
            decades.add(new NumberTickUnit(step));
        }
        axis.setStandardTickUnits(decades);
        axis.setSmallestValue(1e-300);
        style(axis);
        return axis;
    }
}
