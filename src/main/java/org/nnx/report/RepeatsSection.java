package org.nnx.report;

import static org.nnx.report.Html.escape;
import static org.nnx.report.Html.numberCell;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Mean ± sd per configuration, and each against the best: difference with its interval, Welch's t-test, Holm's
 * correction; only when some configuration repeats.
 */
record RepeatsSection(ReportModel model) implements ReportSection {
    private static final String EXPLANATION = "Each configuration ran with several seeds. The final test accuracy is"
            + " given as mean ± sample standard deviation over its ok runs. Δ is its mean minus that of the best"
            + " configuration with " + RepeatStatistics.MIN_SEEDS + " or more ok runs, in points, with the 95 %"
            + " confidence interval of that difference (Welch). p is the two-sided p-value of <b>Welch's t-test</b>"
            + " (unequal variances): t = (m₁ − m₂) / √(s₁²/n₁ + s₂²/n₂), with Welch–Satterthwaite degrees of"
            + " freedom. Testing many configurations at once makes some look worse by chance, so the verdict uses"
            + " <b>Holm's correction</b> over all the configurations tested (Holm p). With fewer than "
            + RepeatStatistics.MIN_SEEDS + " ok runs on either side there are too few seeds to judge. Holm p ≥ "
            + RepeatStatistics.ALPHA + " means the difference could be seed noise, not that the configurations are"
            + " equal: the interval shows how large it might be.";

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
                .append("<th class=\"num\">Δ to best</th><th class=\"num\">95 % CI of Δ</th>")
                .append("<th class=\"num\" data-first=\"ascending\">p (Welch)</th>")
                .append("<th class=\"num\" data-first=\"ascending\">Holm p</th>")
                .append("<th>Verdict</th></tr>\n</thead>\n<tbody>\n");
        for (RunGroup group : order) {
            row(html, group, best, model.comparison(group));
        }
        html.append("</tbody>\n</table>\n</div>\n").append(Html.SECTION_END);
    }

    private static void row(StringBuilder html, RunGroup group, RunGroup best, RepeatStatistics.Comparison comparison) {
        double[] values = group.okAccuracies();
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
                .append(numberCell(
                        comparison.lower(), RepeatStatistics.interval(comparison.lower(), comparison.upper())))
                .append(numberCell(comparison.p(), RepeatStatistics.pValue(comparison.p())))
                .append(numberCell(comparison.adjustedP(), RepeatStatistics.pValue(comparison.adjustedP())))
                .append("<td>")
                .append(verdict(comparison))
                .append("</td></tr>\n");
    }

    private static String verdict(RepeatStatistics.Comparison comparison) {
        String words = escape(comparison.words());
        return switch (comparison.verdict()) {
            case BEST -> "<span class=\"badge best-mark\">" + words + "</span>";
            case WORSE -> words;
            case COULD_BE_NOISE -> "<span class=\"warn\">" + words + "</span>";
            case NO_OK_RUN, ONE_RUN, TOO_FEW_SEEDS -> "<span class=\"neg\">" + words + "</span>";
        };
    }
}
