package org.nnx.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Stroke;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;

/**
 * What the page's script needs to redraw a curve chart when the reader zooms, switches the y scale or
 * smooths: each line's points, its style, and the axes JFreeChart chose. JFreeChart keeps laying out the
 * chart (titles, legend, the plot rectangle, which the {@code <svg>} carries as {@code data-area}); the
 * script draws the curves and the ticks again inside that rectangle. The data is a JSON block, which the
 * page's Content-Security-Policy lets through because it is never run.
 */
final class ChartView {
    /** Points kept per highlighted line: about one per layout pixel of the plot, so zooming still shows detail. */
    static final int MAX_POINTS = 800;
    /** Points kept per faint line: its trend is all that is drawn. */
    static final int MAX_FAINT_POINTS = 160;

    /**
     * One drawn series.
     *
     * @param run      the line's label, as {@code data-run} (so the swatches hide it)
     * @param colour   its stroke colour, alpha included
     * @param stroke   its stroke (width and dashes)
     * @param smoothed drawn as the exponential moving average of its points, by the smoothing control
     * @param fits     the y axis fits this series (a line that matters)
     * @param tips     its points carry hover values
     * @param faint    one of many grey lines: kept coarser
     * @param points   (x, y) pairs, by x
     * @param marked   where it leaves the top of the axis, a marker names it (a run that diverged)
     */
    record Series(
            String run,
            Color colour,
            Stroke stroke,
            boolean smoothed,
            boolean fits,
            boolean tips,
            boolean faint,
            List<double[]> points,
            boolean marked) {}

    /**
     * What the chart shows.
     *
     * @param what      the value's name in a hover text, {@code loss}
     * @param percent   values are fractions shown as percentages
     * @param smoothing the initial EMA weight on the previous value (0: none), as the chart was drawn
     * @param ceiling   the top of the y axis when the chart cuts runs that left it, else NaN
     */
    record Meaning(String what, boolean percent, double smoothing, double ceiling) {}

    private ChartView() {}

    /** The EMA weight of {@link Smoothing#exponentialMovingAverage} over {@code span} points. */
    static double weightOfSpan(int span) {
        return span <= 1 ? 0 : 1 - 2.0 / (span + 1);
    }

    /** The JSON the script reads for {@code chart}, drawn already (so its axes have their ranges). */
    static String json(JFreeChart chart, Meaning meaning, List<Series> series) {
        XYPlot plot = chart.getXYPlot();
        ValueAxis x = plot.getDomainAxis();
        ValueAxis y = plot.getRangeAxis();
        StringBuilder json = new StringBuilder(64 * 1024);
        json.append("{\"x\":[")
                .append(number(x.getLowerBound()))
                .append(',')
                .append(number(x.getUpperBound()))
                .append("],\"y\":[")
                .append(number(y.getLowerBound()))
                .append(',')
                .append(number(y.getUpperBound()))
                .append("],\"log\":")
                .append(y instanceof LogAxis)
                .append(",\"xl\":")
                .append(string(x.getLabel()))
                .append(",\"yl\":")
                .append(string(y.getLabel().replace(" (log scale)", "")))
                .append(",\"what\":")
                .append(string(meaning.what()))
                .append(",\"pct\":")
                .append(meaning.percent())
                .append(",\"w\":")
                .append(number(meaning.smoothing()));
        if (Double.isFinite(meaning.ceiling())) {
            json.append(",\"cut\":").append(number(meaning.ceiling()));
        }
        json.append(",\"s\":[");
        for (int i = 0; i < series.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            append(json, series.get(i));
        }
        return json.append("]}").toString();
    }

    private static void append(StringBuilder json, Series series) {
        List<double[]> points = blocks(series.points(), series.faint() ? MAX_FAINT_POINTS : MAX_POINTS);
        int block = Math.max(1, (int) Math.ceil(series.points().size() / (double) Math.max(1, points.size())));
        Color colour = series.colour();
        json.append("{\"r\":")
                .append(string(series.run()))
                .append(",\"c\":\"")
                .append(String.format(
                        Locale.ROOT, "#%02x%02x%02x", colour.getRed(), colour.getGreen(), colour.getBlue()))
                .append('"');
        if (colour.getAlpha() < 255) {
            json.append(",\"o\":").append(number(colour.getAlpha() / 255.0));
        }
        if (series.stroke() instanceof BasicStroke basic) {
            json.append(",\"lw\":").append(number(basic.getLineWidth()));
            float[] dashes = basic.getDashArray();
            if (dashes != null) {
                json.append(",\"d\":\"");
                for (int i = 0; i < dashes.length; i++) {
                    json.append(i > 0 ? " " : "").append(number(dashes[i]));
                }
                json.append('"');
            }
        }
        json.append(",\"m\":")
                .append(series.smoothed() ? 1 : 0)
                .append(",\"f\":")
                .append(series.fits() ? 1 : 0)
                .append(",\"t\":")
                .append(series.tips() ? 1 : 0)
                .append(",\"k\":")
                .append(block);
        if (series.marked()) {
            json.append(",\"e\":1");
        }
        double step = uniformStep(points);
        if (!Double.isNaN(step)) {
            json.append(",\"x0\":")
                    .append(number(points.get(0)[0]))
                    .append(",\"dx\":")
                    .append(number(step));
        } else {
            json.append(",\"x\":[");
            for (int i = 0; i < points.size(); i++) {
                json.append(i > 0 ? "," : "").append(number(points.get(i)[0]));
            }
            json.append(']');
        }
        json.append(",\"y\":[");
        for (int i = 0; i < points.size(); i++) {
            json.append(i > 0 ? "," : "").append(number(points.get(i)[1]));
        }
        json.append("]}");
    }

    /**
     * {@code points} averaged in consecutive blocks so at most {@code most} remain: the smoothed curve of
     * block means is the curve of the points, and the page stays small.
     */
    static List<double[]> blocks(List<double[]> points, int most) {
        if (points.size() <= most) {
            return points;
        }
        int size = (int) Math.ceil(points.size() / (double) most);
        List<double[]> blocks = new ArrayList<>(most);
        for (int from = 0; from < points.size(); from += size) {
            int to = Math.min(points.size(), from + size);
            double x = 0;
            double y = 0;
            for (int i = from; i < to; i++) {
                x += points.get(i)[0];
                y += points.get(i)[1];
            }
            blocks.add(new double[] {x / (to - from), y / (to - from)});
        }
        return blocks;
    }

    /** The spacing of the x values when they are evenly spaced (two or more), else NaN. */
    private static double uniformStep(List<double[]> points) {
        if (points.size() < 2) {
            return Double.NaN;
        }
        double step = points.get(1)[0] - points.get(0)[0];
        for (int i = 2; i < points.size(); i++) {
            double gap = points.get(i)[0] - points.get(i - 1)[0];
            if (Math.abs(gap - step) > 1e-9 * Math.max(1, Math.abs(step))) {
                return Double.NaN;
            }
        }
        return step > 0 ? step : Double.NaN;
    }

    /** Four significant digits (a tenth of a pixel on the chart), no trailing zeros; non-finite values as null. */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            return "null";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e9) {
            return Long.toString((long) value);
        }
        String text = String.format(Locale.ROOT, "%.4g", value);
        if (text.contains("e")) {
            String[] parts = text.split("e");
            return trimZeros(parts[0]) + "e" + Integer.parseInt(parts[1]);
        }
        return trimZeros(text);
    }

    private static String trimZeros(String decimal) {
        if (!decimal.contains(".")) {
            return decimal;
        }
        String trimmed = decimal.replaceAll("0+$", "");
        trimmed = trimmed.endsWith(".") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
        return trimmed;
    }

    /** {@code text} as a JSON string that is also safe inside an HTML {@code <script>} block. */
    static String string(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /**
     * The controls under a curve chart, hidden until the script shows them (a page read without it has
     * nothing that does nothing), and the chart's data.
     */
    static String controls(String chartId, String json) {
        return "<div class=\"view-controls\" data-chart=\"" + Html.escape(chartId) + "\" hidden>"
                + "<label>x from <input type=\"number\" class=\"x-from\" step=\"any\"></label>"
                + "<label>to <input type=\"number\" class=\"x-to\" step=\"any\"></label>"
                + "<button type=\"button\" class=\"reset\">Reset</button>"
                + "<label><input type=\"checkbox\" class=\"log-y\"> log y</label>"
                + "<label>smoothing <input type=\"range\" class=\"smoothing\" min=\"0\" max=\"0.99\" step=\"0.01\"></label>"
                + "<span class=\"note\">or drag across the chart</span></div>\n"
                + "<script type=\"application/json\" class=\"chart-data\" data-chart=\"" + Html.escape(chartId) + "\">"
                + json + "</script>\n";
    }
}
