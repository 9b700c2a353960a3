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
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.nnx.train.MetricsRow;
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

    private ChartStyle() {
    }

    /** A stroke with round joins: the dense raw-loss paths look jagged with the default mitre joins. */
    static Stroke line(float width) {
        return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    static Stroke dashed(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                new float[] {6f, 4f}, 0f);
    }

    /**
     * An x axis of iteration numbers from 0 to the last iteration of any run, integer ticks only. Both
     * charts use the same range so a point in one lines up with the same iteration in the other.
     */
    static NumberAxis iterationAxis(List<RunResult> runs) {
        NumberAxis axis = new NumberAxis("iteration");
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        long last = runs.stream().flatMap(run -> run.metrics().stream()).mapToLong(MetricsRow::iteration)
                .max().orElse(0);
        if (last > 0) {
            axis.setRange(0, last);
        }
        style(axis);
        return axis;
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
        LegendItem item = new LegendItem(label, null, null, null, false, sample, false, paint, false, paint,
                stroke, true, sample, stroke, paint);
        item.setLabelFont(LABEL_FONT);
        item.setLabelPaint(TEXT);
        return item;
    }

    /** One legend entry per run, in its colour. */
    static LegendItemCollection runLegend(List<RunResult> runs) {
        LegendItemCollection items = new LegendItemCollection();
        for (int i = 0; i < runs.size(); i++) {
            items.add(lineItem(runs.get(i).name(), RunColors.of(i), line(3f)));
        }
        return items;
    }

    /**
     * Series keys for the runs: their names, made unique, because a JFreeChart dataset refuses two
     * series with the same key and nothing stops two runs from sharing a name.
     */
    static List<String> seriesKeys(List<RunResult> runs) {
        List<String> keys = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (RunResult run : runs) {
            String key = run.name();
            for (int n = 2; !used.add(key); n++) {
                key = run.name() + " (" + n + ")";
            }
            keys.add(key);
        }
        return keys;
    }
}
