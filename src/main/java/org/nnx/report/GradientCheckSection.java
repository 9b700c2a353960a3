package org.nnx.report;

import static org.nnx.report.Html.escape;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The gradient checks of the runs that have them: backpropagation against central differences. */
record GradientCheckSection(ReportModel model) implements ReportSection {
    @Override
    public void appendTo(StringBuilder html) {
        List<ReportedRun> checked = model.runs.stream()
                .filter(r -> !r.result.gradientCheck().isEmpty())
                .toList();
        if (checked.isEmpty()) {
            return;
        }
        html.append(Html.section("Gradient check"))
                .append(Html.note("The largest relative error between"
                        + " backpropagation and central differences, per parameter tensor, in float64 on the first training"
                        + " samples."))
                .append("<div class=\"table-wrap\">\n<table class=\"sortable\">\n<thead>\n<tr><th>Run</th>"
                        + "<th>Parameter</th><th class=\"num\">Relative error</th></tr>\n</thead>\n<tbody>\n");
        for (ReportedRun run : checked) {
            for (Map.Entry<String, Double> entry : run.result.gradientCheck().entrySet()) {
                String error = String.format(Locale.ROOT, "%.2e", entry.getValue());
                html.append("<tr><td>")
                        .append(Html.code(run.label))
                        .append("</td><td>")
                        .append(Html.code(entry.getKey()))
                        .append("</td><td class=\"num\"")
                        .append(Html.numericAttribute(error))
                        .append(">")
                        .append(escape(error))
                        .append("</td></tr>\n");
            }
        }
        html.append("</tbody>\n</table>\n</div>\n").append(Html.SECTION_END);
    }
}
