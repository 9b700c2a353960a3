package org.nnx.report;

import static org.nnx.report.Html.escape;

import java.util.List;
import org.nnx.model.ExperimentPlan;

/** Each run's settings against its experiment's base, as a diff; in a comparison, experiment against experiment. */
record DifferencesSection(ReportModel model) implements ReportSection {
    @Override
    public void appendTo(StringBuilder html) {
        if (model.runs.isEmpty()) {
            return;
        }
        html.append(Html.section("What differed"));
        if (model.comparison && model.experiments.size() > 1) {
            experiments(html);
        }
        for (ReportedExperiment experiment : model.experiments) {
            runs(html, experiment);
        }
        html.append(Html.SECTION_END);
    }

    /** Every experiment's configuration against the first one's. */
    private void experiments(StringBuilder html) {
        ExperimentPlan first = model.experiments.get(0).result().plan();
        for (ReportedExperiment experiment : model.experiments.subList(1, model.experiments.size())) {
            ExperimentPlan other = experiment.result().plan();
            html.append("<h3>")
                    .append(Html.code(other.name()))
                    .append(" against ")
                    .append(Html.code(first.name()))
                    .append("</h3>\n");
            List<LineDiff.Line> diff =
                    LineDiff.diff(renamed(first.effectiveConfig()), renamed(other.effectiveConfig()));
            if (!LineDiff.changed(diff)) {
                html.append(Html.note("The same configuration."));
            } else {
                diffBlock(html, diff, true);
            }
        }
    }

    /** Each run of {@code experiment} against the experiment's base configuration. */
    private void runs(StringBuilder html, ReportedExperiment experiment) {
        ExperimentPlan plan = experiment.result().plan();
        String base = plan.effectiveConfig() == null ? "" : plan.effectiveConfig();
        boolean recorded = !base.isBlank()
                && plan.runs().stream().noneMatch(run -> run.settings().isBlank());
        if (model.comparison) {
            html.append("<h3>Runs of ").append(Html.code(plan.name())).append("</h3>\n");
        }
        if (!recorded || plan.runs().size() < 2) {
            html.append(Html.note(
                    plan.runs().size() < 2
                            ? "A single run: nothing differed."
                            : "The runs' own settings were not recorded with these results."));
            return;
        }
        html.append(Html.note("Each run is the base configuration (below) with these lines changed."))
                .append("<details class=\"diff-list\"")
                .append(plan.runs().size() <= ReportModel.MAX_COLOURED ? " open" : "")
                .append("><summary>Show the diff of each of the ")
                .append(plan.runs().size())
                .append(" runs</summary>\n");
        for (ReportedRun run : model.runs) {
            if (run.experiment == experiment) {
                html.append("<div><div class=\"run\">")
                        .append(Html.swatch(run.colour()))
                        .append(Html.code(run.label))
                        .append("</div>\n");
                diffBlock(html, LineDiff.diff(base, run.result.plan().settings()), false);
                html.append("</div>\n");
            }
        }
        html.append("</details>\n");
    }

    /** The configuration's first line names the experiment; in a diff of two experiments that is not a difference. */
    private static String renamed(String config) {
        if (config == null) {
            return "";
        }
        return config.replaceFirst("^(experiment|objective)\\s+\\S+", "$1 …");
    }

    /** The changed lines, red and green; with {@code context}, the unchanged ones too. */
    private static void diffBlock(StringBuilder html, List<LineDiff.Line> diff, boolean context) {
        html.append("<pre class=\"diff\">");
        for (LineDiff.Line line : diff) {
            if (line.kind() == ' ') {
                if (context) {
                    html.append("  ").append(escape(line.text())).append('\n');
                }
                continue;
            }
            html.append("<span class=\"")
                    .append(line.kind() == '-' ? "del" : "ins")
                    .append("\">")
                    .append(line.kind())
                    .append(' ')
                    .append(escape(line.text()))
                    .append("</span>");
        }
        html.append("</pre>\n");
    }
}
