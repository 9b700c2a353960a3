package org.nnx.report;

import static org.nnx.report.Html.escape;

import java.util.ArrayList;
import java.util.List;
import org.nnx.model.ExperimentPlan;

/** The page's header: the title, each experiment's description, its source file and how many runs ended how. */
record SummarySection(ReportModel model, String title) implements ReportSection {
    @Override
    public void appendTo(StringBuilder html) {
        html.append("<header>\n<p class=\"kicker\">")
                .append(model.comparison ? "nnx comparison" : "nnx experiment")
                .append("</p>\n<h1>")
                .append(escape(title))
                .append("</h1>\n");
        for (ReportedExperiment experiment : model.experiments) {
            ExperimentPlan plan = experiment.result().plan();
            if (plan.description() != null && !plan.description().isBlank()) {
                html.append("<p class=\"description\">");
                if (model.comparison) {
                    html.append("<b>").append(escape(plan.name())).append("</b>: ");
                }
                html.append(escape(plan.description())).append("</p>\n");
            }
        }
        List<String> meta = new ArrayList<>();
        for (ReportedExperiment experiment : model.experiments) {
            ExperimentPlan plan = experiment.result().plan();
            if (plan.source() != null) {
                meta.add((model.comparison ? escape(plan.name()) + " from " : "Source ")
                        + Html.code(plan.source().toString()));
            }
        }
        meta.add(runCounts());
        html.append("<p class=\"meta\">").append(String.join(" · ", meta)).append("</p>\n</header>\n");
    }

    /** {@code 6 runs of 3 configurations: 4 ok, 1 blew up, 1 diverged}, counted as the findings count. */
    private String runCounts() {
        StringBuilder text = new StringBuilder();
        int n = model.runs.size();
        text.append(n).append(n == 1 ? " run" : " runs");
        if (model.hasRepeats()) {
            text.append(" of ").append(model.groups.size()).append(" configurations");
        }
        List<String> parts = new ArrayList<>();
        model.outcomes().forEach((outcome, count) -> parts.add(count + " " + outcome.label()));
        if (!parts.isEmpty()) {
            text.append(": ").append(String.join(", ", parts));
        }
        return text.toString();
    }
}
