package org.nnx.report;

import static org.nnx.report.Html.escape;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.nnx.train.RunStatus;

/**
 * For a sweep over two or more settings: which setting matters most, ranked by the share of the variance of
 * the final test accuracy its values explain, and a heatmap of the mean final test accuracy for each pair of
 * swept settings. Works on the ok runs; nothing when fewer than two settings vary.
 */
record SweepViewsSection(ReportModel model) implements ReportSection {
    /** Pairs of settings shown as heatmaps, the most telling first: more would only repeat the picture. */
    static final int MAX_PAIRS = 6;

    private static final String EXPLANATION = "η² is the share of the variance of the final test accuracy of the ok"
            + " runs that the setting's values explain on their own: the variance of the means per value, weighted"
            + " by how many runs took each, over the variance of all runs (between-group over total sum of squares,"
            + " as in a one-way analysis of variance). 1 means the setting alone decides the accuracy, 0 that it"
            + " changes nothing on average. Settings crossed in a full grid add up to at most 1; what is left is"
            + " their interplay and seed noise.";

    @Override
    public void appendTo(StringBuilder html) {
        List<String> settings = model.settingsThatVary();
        List<ReportedRun> ok = model.runs.stream()
                .filter(r -> r.status() == RunStatus.OK && Double.isFinite(r.finalTestAccuracy()))
                .toList();
        if (settings.size() < 2 || ok.size() < 3) {
            return;
        }
        html.append(Html.section("What matters")).append(Html.note(EXPLANATION));
        List<String> ranked = new ArrayList<>(settings);
        ranked.sort(Comparator.comparingDouble((String s) -> -etaSquared(ok, s)));
        html.append("<div class=\"table-wrap\">\n<table class=\"matters sortable\">\n<thead>\n<tr><th>Setting</th>")
                .append(
                        "<th class=\"num\">η²</th><th>Best value (mean final test acc.)</th></tr>\n</thead>\n<tbody>\n");
        for (String setting : ranked) {
            double eta = etaSquared(ok, setting);
            html.append("<tr><td>")
                    .append(Html.code(setting))
                    .append("</td>")
                    .append(Html.numberCell(eta, String.format(Locale.ROOT, "%.2f", eta)))
                    .append("<td>")
                    .append(bestValue(ok, setting))
                    .append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n</div>\n").append(Html.SECTION_END);

        html.append(Html.section("Setting pairs"))
                .append(Html.note("Mean final test accuracy of the ok runs for each pair of values; darker is"
                        + " better, n is how many ok runs the cell averages. A blank cell had no ok run."));
        int pairs = 0;
        for (int a = 0; a < ranked.size() && pairs < MAX_PAIRS; a++) {
            for (int b = a + 1; b < ranked.size() && pairs < MAX_PAIRS; b++) {
                heatmap(html, ok, ranked.get(a), ranked.get(b));
                pairs++;
            }
        }
        html.append(Html.SECTION_END);
    }

    /** Between-value over total sum of squares of the final test accuracy. */
    static double etaSquared(List<ReportedRun> runs, String setting) {
        double mean = runs.stream()
                .mapToDouble(ReportedRun::finalTestAccuracy)
                .average()
                .orElse(Double.NaN);
        double total = 0;
        for (ReportedRun run : runs) {
            total += square(run.finalTestAccuracy() - mean);
        }
        if (!(total > 0)) {
            return 0;
        }
        double between = 0;
        for (String value : values(runs, setting)) {
            double[] taken = accuracies(runs, setting, value, null, null);
            between += taken.length * square(WelchTest.mean(taken) - mean);
        }
        return between / total;
    }

    private static String bestValue(List<ReportedRun> runs, String setting) {
        String best = null;
        double bestMean = Double.NEGATIVE_INFINITY;
        for (String value : values(runs, setting)) {
            double mean = WelchTest.mean(accuracies(runs, setting, value, null, null));
            if (mean > bestMean) {
                bestMean = mean;
                best = value;
            }
        }
        return best == null ? "—" : Html.code(best) + " (" + ReadableNumbers.percent(bestMean) + ")";
    }

    private void heatmap(StringBuilder html, List<ReportedRun> runs, String rows, String columns) {
        List<String> rowValues = values(runs, rows);
        List<String> columnValues = values(runs, columns);
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (String r : rowValues) {
            for (String c : columnValues) {
                double mean = WelchTest.mean(accuracies(runs, rows, r, columns, c));
                if (Double.isFinite(mean)) {
                    low = Math.min(low, mean);
                    high = Math.max(high, mean);
                }
            }
        }
        html.append("<h3>")
                .append(Html.code(rows))
                .append(" × ")
                .append(Html.code(columns))
                .append("</h3>\n");
        html.append("<div class=\"table-wrap\">\n<table class=\"heatmap\">\n<thead>\n<tr><th>")
                .append(escape(rows))
                .append(" \\ ")
                .append(escape(columns))
                .append("</th>");
        columnValues.forEach(
                c -> html.append("<th class=\"num\">").append(escape(c)).append("</th>"));
        html.append("</tr>\n</thead>\n<tbody>\n");
        for (String r : rowValues) {
            html.append("<tr><th>").append(escape(r)).append("</th>");
            for (String c : columnValues) {
                double[] taken = accuracies(runs, rows, r, columns, c);
                if (taken.length == 0) {
                    html.append("<td class=\"num\"></td>");
                    continue;
                }
                double mean = WelchTest.mean(taken);
                double shade = high > low ? (mean - low) / (high - low) : 1;
                html.append("<td class=\"num\" style=\"")
                        .append(cellStyle(shade))
                        .append("\" title=\"")
                        .append(escape(rows + " " + r + ", " + columns + " " + c))
                        .append("\">")
                        .append(ReadableNumbers.percent(mean))
                        .append("<div class=\"where\">n ")
                        .append(taken.length)
                        .append("</div></td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n</div>\n");
    }

    /** A blue from pale (worst cell) to deep (best cell), the text white where the background is dark. */
    private static String cellStyle(double shade) {
        int light = (int) Math.round(235 - 150 * shade);
        String background = String.format(Locale.ROOT, "background:hsl(212,70%%,%d%%)", light * 100 / 255);
        return background + (shade > 0.6 ? ";color:#fff" : "");
    }

    private static List<String> values(List<ReportedRun> runs, String setting) {
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        runs.forEach(r -> seen.add(r.swept.getOrDefault(setting, "")));
        return SettingValues.ordered(seen);
    }

    /** The final test accuracies of the runs with {@code setting} = {@code value} (and the second pair, if given). */
    private static double[] accuracies(
            List<ReportedRun> runs, String setting, String value, String other, String otherValue) {
        return runs.stream()
                .filter(r -> r.swept.getOrDefault(setting, "").equals(value))
                .filter(r -> other == null || r.swept.getOrDefault(other, "").equals(otherValue))
                .mapToDouble(ReportedRun::finalTestAccuracy)
                .toArray();
    }

    private static double square(double x) {
        return x * x;
    }
}
