package org.nnx.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.nnx.train.ObjectiveResult;

/**
 * An objective's single values: f and ∇f at each run's start, ∇f both exact (reverse mode) and by central
 * differences, side by side and in full, as {@code nnx run} prints them, so the two can be compared digit by
 * digit. For {@code steps 0} they are the whole result.
 */
final class StartValuesTable {
    private StartValuesTable() {}

    /** Whether any run has its start values to show. */
    static boolean hasValues(List<ObjectiveResult> results) {
        return results.stream().anyMatch(r -> !r.values().isEmpty() && r.gradient().length > 0);
    }

    /** The section, or nothing when no run has start values. */
    static void appendTo(StringBuilder html, List<ObjectiveResult> results) {
        if (!hasValues(results)) {
            return;
        }
        boolean onlyStarts = results.stream().allMatch(r -> r.run().steps() == 0);
        html.append("\n<section>\n<h2>")
                .append(onlyStarts ? "Values" : "At the start")
                .append("</h2>\n<p class=\"note\">f and ∇f at each start point; ∇f exactly (reverse mode) and by"
                        + " central differences, (f(x + h) − f(x − h)) / 2h for each coordinate.</p>\n")
                .append("<div class=\"table-wrap\">\n<table>\n<thead>\n<tr><th>Run</th><th>x</th>"
                        + "<th class=\"num\">f(x)</th><th>∇f exact</th><th>∇f by central differences</th></tr>\n"
                        + "</thead>\n<tbody>\n");
        for (int i = 0; i < results.size(); i++) {
            ObjectiveResult result = results.get(i);
            if (result.values().isEmpty() || result.gradient().length == 0) {
                continue;
            }
            html.append("<tr><td><div class=\"run\"><span class=\"swatch\" style=\"background:")
                    .append(RunColors.hex(i))
                    .append("\"></span><span class=\"run-name\">")
                    .append(ObjectiveHtml.escape(result.name()))
                    .append("</span></div></td><td class=\"point\">")
                    .append(ObjectiveHtml.escape(full(result.points().get(0))))
                    .append("</td><td class=\"num\">")
                    .append(ObjectiveHtml.escape(Double.toString(result.values().get(0))))
                    .append("</td><td class=\"point\">")
                    .append(ObjectiveHtml.escape(full(result.gradient())))
                    .append("</td><td class=\"point\">")
                    .append(ObjectiveHtml.escape(full(result.numericalGradient())))
                    .append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n</div>\n</section>\n");
    }

    /** {@code (6.0, 8.0)}: every coordinate as the shortest text that reads back to the same double. */
    static String full(double[] x) {
        List<String> parts = new ArrayList<>(x.length);
        Arrays.stream(x).forEach(v -> parts.add(Double.toString(v)));
        return parts.stream().collect(Collectors.joining(", ", "(", ")"));
    }
}
