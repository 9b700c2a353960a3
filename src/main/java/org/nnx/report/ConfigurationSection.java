package org.nnx.report;

import static org.nnx.report.Html.escape;

import java.util.List;

/** Each experiment's settings after defaults and {@code extends}: the base every run's diff is against. */
record ConfigurationSection(ReportModel model) implements ReportSection {
    @Override
    public void appendTo(StringBuilder html) {
        List<ReportedExperiment> withConfig = model.experiments.stream()
                .filter(e -> e.result().plan().effectiveConfig() != null
                        && !e.result().plan().effectiveConfig().isBlank())
                .toList();
        if (withConfig.isEmpty()) {
            return;
        }
        html.append(Html.section("Configuration"))
                .append(Html.note("The experiment's settings after defaults and"
                        + " <code>extends</code>, sets of alternatives included: the base of every run."));
        for (ReportedExperiment experiment : withConfig) {
            if (model.comparison) {
                html.append("<h3>")
                        .append(Html.code(experiment.result().plan().name()))
                        .append("</h3>\n");
            }
            html.append("<pre>")
                    .append(escape(experiment.result().plan().effectiveConfig().strip()))
                    .append("</pre>\n");
        }
        html.append(Html.SECTION_END);
    }
}
