package org.nnx.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A sweep's runs as parallel coordinates, drawn as inline SVG: one vertical axis per swept setting (numbers
 * placed by value, on a log scale when they span two decades or more; other values evenly spaced), then
 * the final test accuracy; one line per run through its values, coloured by that accuracy, its hover text
 * naming the run. A run with no final accuracy (it diverged or failed) ends at the foot of the last axis,
 * dashed grey. Every line carries {@code data-run}, so the swatches hide it as they hide curves.
 */
final class ParallelCoordinates {
    static final int WIDTH = ChartImages.WIDTH;
    static final int HEIGHT = 380;
    private static final double LEFT = 70;
    private static final double RIGHT = 80;
    private static final double TOP = 62;
    private static final double BOTTOM = 44;
    /** Lowest to highest accuracy: light orange through teal to deep blue, readable on white. */
    private static final Color[] RAMP = {new Color(0xf4a261), new Color(0x2a9d8f), new Color(0x1d3557)};

    /**
     * A run of the chart.
     *
     * @param label    its line name, as {@code data-run}
     * @param swept    its value of each swept setting
     * @param accuracy its final test accuracy, NaN when it has none
     */
    record Run(String label, Map<String, String> swept, double accuracy) {}

    private ParallelCoordinates() {}

    /** The chart of {@code runs} over {@code settings}, as an {@code <svg>} with the id {@code id}. */
    static String render(List<String> settings, List<Run> runs, String id) {
        int axes = settings.size() + 1;
        double gap = (WIDTH - LEFT - RIGHT) / Math.max(1, axes - 1);
        double low = accuracyFloor(runs);
        StringBuilder svg = new StringBuilder(32 * 1024);
        svg.append("<svg class=\"chart parallel\" id=\"")
                .append(Html.escape(id))
                .append("\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append("\" width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(HEIGHT)
                .append(
                        "\" role=\"img\" aria-label=\"Each run's swept values and final test accuracy, one line per run\"")
                .append(" font-family=\"sans-serif\" font-size=\"11\">")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>")
                .append("<text x=\"14\" y=\"24\" font-size=\"15\" font-weight=\"bold\" fill=\"#1f2328\">")
                .append("Every run through its settings</text>")
                .append("<text x=\"14\" y=\"40\" fill=\"#656d76\">one line per run, coloured by final test accuracy")
                .append(" (darker is better) · dashed grey: no final accuracy · hover a line for its run</text>");
        List<Axis> placed = new ArrayList<>();
        for (int a = 0; a < settings.size(); a++) {
            placed.add(Axis.of(settings.get(a), runs, LEFT + a * gap));
        }
        double accuracyX = LEFT + (axes - 1) * gap;
        List<Run> ordered = new ArrayList<>(runs);
        // Best last, so the best lines lie on top.
        ordered.sort(Comparator.comparingDouble(r -> Double.isNaN(r.accuracy()) ? -1 : r.accuracy()));
        for (Run run : ordered) {
            StringBuilder points = new StringBuilder();
            for (Axis axis : placed) {
                double y = axis.y(run.swept().getOrDefault(axis.setting, ""));
                points.append(coordinate(axis.x))
                        .append(',')
                        .append(coordinate(y))
                        .append(' ');
            }
            boolean none = Double.isNaN(run.accuracy());
            double y = none ? TOP + plotHeight() : accuracyY(run.accuracy(), low);
            points.append(coordinate(accuracyX)).append(',').append(coordinate(y));
            String colour = none ? "#afb8c1" : RunColors.hex(shade((run.accuracy() - low) / (1 - low)));
            String tip = run.label() + " · final test accuracy "
                    + (none ? "none" : String.format(Locale.ROOT, "%.2f%%", 100 * run.accuracy()));
            svg.append("<polyline data-run=\"")
                    .append(Html.escape(run.label()))
                    .append("\" points=\"")
                    .append(points.toString().trim())
                    .append("\" fill=\"none\" stroke=\"")
                    .append(colour)
                    .append("\" stroke-width=\"1.6\" stroke-opacity=\"0.8\"")
                    .append(none ? " stroke-dasharray=\"4 3\"" : "")
                    .append("><title>")
                    .append(Html.escape(tip))
                    .append("</title></polyline>");
        }
        for (Axis axis : placed) {
            axis.appendTo(svg);
        }
        appendAccuracyAxis(svg, accuracyX, low);
        return svg.append("</svg>").toString();
    }

    /** The foot of the accuracy axis: the lowest final accuracy rounded down to a tenth. */
    private static double accuracyFloor(List<Run> runs) {
        double lowest = runs.stream()
                .mapToDouble(Run::accuracy)
                .filter(Double::isFinite)
                .min()
                .orElse(0);
        return Math.max(0, Math.min(0.9, Math.floor(lowest * 10) / 10));
    }

    private static double plotHeight() {
        return HEIGHT - TOP - BOTTOM;
    }

    private static double accuracyY(double accuracy, double low) {
        return TOP + plotHeight() * (1 - (accuracy - low) / (1 - low));
    }

    private static void appendAccuracyAxis(StringBuilder svg, double x, double low) {
        axisLine(svg, x, "final test accuracy");
        int steps = (int) Math.round((1 - low) * 10);
        int every = steps > 5 ? 2 : 1;
        for (int i = 0; i <= steps; i += every) {
            double value = low + i / 10.0;
            tick(svg, x, accuracyY(value, low), String.format(Locale.ROOT, "%d%%", Math.round(100 * value)));
        }
    }

    private static void axisLine(StringBuilder svg, double x, String name) {
        String at = coordinate(x);
        svg.append(String.format(
                Locale.ROOT,
                "<line x1=\"%s\" x2=\"%s\" y1=\"%s\" y2=\"%s\" stroke=\"#8c959f\"/>",
                at,
                at,
                coordinate(TOP),
                coordinate(TOP + plotHeight())));
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"%s\" y=\"%s\" text-anchor=\"middle\" font-size=\"12\" fill=\"#1f2328\">%s</text>",
                at,
                coordinate(TOP - 10),
                Html.escape(name)));
    }

    private static void tick(StringBuilder svg, double x, double y, String label) {
        svg.append("<text x=\"")
                .append(coordinate(x + 5))
                .append("\" y=\"")
                .append(coordinate(y + 4))
                .append("\" fill=\"#656d76\" paint-order=\"stroke\" stroke=\"white\" stroke-width=\"3\">")
                .append(Html.escape(label))
                .append("</text>");
    }

    /** A colour along {@link #RAMP} for {@code t} in [0, 1]. */
    static Color shade(double t) {
        double at = Math.max(0, Math.min(1, Double.isNaN(t) ? 0 : t)) * (RAMP.length - 1);
        int i = Math.min(RAMP.length - 2, (int) Math.floor(at));
        double w = at - i;
        Color a = RAMP[i];
        Color b = RAMP[i + 1];
        return new Color(
                (int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * w),
                (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * w),
                (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * w));
    }

    private static String coordinate(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** One swept setting's axis: where each of its values stands. */
    private static final class Axis {
        final String setting;
        final double x;
        final List<String> values;
        final boolean numeric;
        final boolean log;
        final double low;
        final double high;

        private Axis(String setting, double x, List<String> values) {
            this.setting = setting;
            this.x = x;
            this.values = values;
            this.numeric = values.size() > 1 && values.stream().allMatch(SettingValues::isNumber);
            double min =
                    numeric ? values.stream().mapToDouble(Numbers::parse).min().orElse(0) : 0;
            double max =
                    numeric ? values.stream().mapToDouble(Numbers::parse).max().orElse(1) : 1;
            this.log = numeric && min > 0 && max / min >= 100;
            this.low = log ? Math.log10(min) : min;
            this.high = log ? Math.log10(max) : max;
        }

        static Axis of(String setting, List<Run> runs, double x) {
            Set<String> seen = new LinkedHashSet<>();
            for (Run run : runs) {
                seen.add(run.swept().getOrDefault(setting, ""));
            }
            return new Axis(setting, x, SettingValues.ordered(seen));
        }

        /** Where {@code value} stands: the lowest value at the foot, the highest at the top. */
        double y(String value) {
            double t;
            if (numeric && SettingValues.isNumber(value) && high > low) {
                double v = Numbers.parse(value);
                t = ((log ? Math.log10(v) : v) - low) / (high - low);
            } else {
                int index = values.indexOf(value);
                t = values.size() < 2 ? 0.5 : (double) Math.max(0, index) / (values.size() - 1);
            }
            return TOP + plotHeight() * (1 - t);
        }

        void appendTo(StringBuilder svg) {
            axisLine(svg, x, setting + (log ? " (log)" : ""));
            for (String value : values) {
                tick(svg, x, y(value), value.isEmpty() ? "(none)" : value);
            }
        }
    }
}
