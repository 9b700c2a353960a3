package org.nnx.report;

import static org.nnx.report.Html.escape;
import static org.nnx.report.Html.numberCell;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Mean ± sd per configuration, and Welch's t-test of each against the best; only when some configuration repeats. */
record RepeatsSection(ReportModel model) implements ReportSection {
    private static final String EXPLANATION = "Each configuration ran with several seeds. The final test accuracy is"
            + " given as mean ± sample standard deviation over its ok runs. p is the two-sided p-value of <b>Welch's"
            + " t-test</b> (unequal variances) of the best configuration with at least two ok runs against each other"
            + " one: t = (m₁ − m₂) / √(s₁²/n₁ + s₂²/n₂), with Welch–Satterthwaite degrees of freedom. With as few runs"
            + " as these the test has little power: p ≥ " + RepeatStatistics.ALPHA + " means the difference could be"
            + " seed noise, not that the configurations are equal.";

    @Override
    public void appendTo(StringBuilder html) {
        if (!model.hasRepeats()) {
            return;
        }
        RunGroup best = model.bestTestedGroup();
        List<RunGroup> order = new ArrayList<>(model.groups);
        order.sort(Comparator.comparingInt(g -> g.rank));
        html.append(Html.section("Repeats")).append(Html.note(EXPLANATION));
        html.append("<div class=\"table-wrap\">\n<table class=\"sortable\">\n<thead>\n<tr><th>Configuration</th>")
                .append(
                        "<th class=\"num\">n</th><th class=\"num\">Final test acc.</th><th class=\"num\">Min – max</th>")
                .append("<th class=\"num\">Δ to best</th><th class=\"num\" data-first=\"ascending\">p (Welch)</th>")
                .append("<th>Verdict</th></tr>\n</thead>\n<tbody>\n");
        for (RunGroup group : order) {
            row(html, group, best);
        }
        html.append("</tbody>\n</table>\n</div>\n").append(Html.SECTION_END);
    }

    private static void row(StringBuilder html, RunGroup group, RunGroup best) {
        double[] values = group.okAccuracies();
        RepeatStatistics.Comparison comparison =
                RepeatStatistics.compare(values, best == null ? null : best.okAccuracies(), group == best);
        html.append(group == best ? "<tr class=\"best\">" : "<tr>");
        html.append("<td><div class=\"run\">")
                .append(Html.swatch(group.colour))
                .append("<span class=\"run-name\">")
                .append(escape(group.label))
                .append("</span></div></td>");
        html.append("<td class=\"num\" data-v=\"")
                .append(values.length)
                .append("\">")
                .append(values.length);
        if (values.length < group.runs.size()) {
            html.append(" <span class=\"where\">of ").append(group.runs.size()).append("</span>");
        }
        html.append("</td>")
                .append(numberCell(values.length == 0 ? Double.NaN : group.mean(), RepeatStatistics.meanSd(values)))
                .append(numberCell(RepeatStatistics.minimum(values), RepeatStatistics.range(values)))
                .append(numberCell(comparison.difference(), RepeatStatistics.difference(comparison.difference())))
                .append(numberCell(comparison.p(), RepeatStatistics.pValue(comparison.p())))
                .append("<td>")
                .append(verdict(comparison))
                .append("</td></tr>\n");
    }

    private static String verdict(RepeatStatistics.Comparison comparison) {
        String words = escape(comparison.words());
        return switch (comparison.verdict()) {
            case BEST -> "<span class=\"badge best-mark\">" + words + "</span>";
            case WORSE -> words;
            case WITHIN_NOISE -> "<span class=\"warn\">" + words + "</span>";
            case NO_OK_RUN, ONE_RUN, TOO_FEW_TO_TEST -> "<span class=\"neg\">" + words + "</span>";
        };
    }
}
