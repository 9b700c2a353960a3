package org.nnx.report;

import static org.nnx.report.Html.escape;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.nnx.model.ExperimentPlan;
import org.nnx.model.search.Halving;
import org.nnx.model.search.SearchPlan;
import org.nnx.train.RunResult;
import org.nnx.train.RunStatus;

/**
 * A search other than a plain grid: what it spent against what the full length for every trial would have
 * (epochs), how many trials were pruned or skipped, the rungs of halving, and its charts (trials as points,
 * best so far, rungs). Nothing for a grid without a budget, or in a comparison.
 */
final class SearchSection implements ReportSection {
    static final int TRIALS_HEIGHT = 300;

    private final ReportModel model;
    private final HtmlReport.ChartRenderer charts;
    private int chartCount;

    SearchSection(ReportModel model, HtmlReport.ChartRenderer charts) {
        this.model = model;
        this.charts = charts;
    }

    @Override
    public void appendTo(StringBuilder html) {
        if (model.comparison || model.experiments.size() != 1) {
            return;
        }
        ExperimentPlan plan = model.experiments.get(0).result().plan();
        SearchPlan search = plan.search();
        if (search.isGrid() && search.budget().isNone()) {
            return;
        }
        List<RunResult> runs = model.experiments.get(0).result().runs();
        String metric = SearchTrials.metric(plan);
        boolean higherIsBetter = search.halving().map(Halving::higherIsBetter).orElse(true);
        html.append(Html.section("Search"));
        html.append("<p>").append(escape(describe(plan, runs))).append("</p>\n");
        List<SearchCharts.Trial> trials = trials(runs, metric, higherIsBetter);
        search.halving().ifPresent(halving -> rungTable(html, halving, runs));
        List<double[]> spent = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            spent.add(new double[] {
                SearchTrials.epochs(runs.get(i)),
                trials.get(i).finished() ? trials.get(i).result() : Double.NaN
            });
        }
        if (runs.stream().anyMatch(r -> !r.metrics().isEmpty())) {
            search.halving()
                    .ifPresent(halving -> figure(
                            html,
                            SearchCharts.rungs(
                                    metric,
                                    SearchTrials.lengths(halving),
                                    runs.stream()
                                            .map(r -> SearchTrials.atRungs(halving, r))
                                            .toList(),
                                    trials),
                            ChartImages.HEIGHT,
                            "Each trial's " + metric + " at the rungs it reached"));
            figure(
                    html,
                    SearchCharts.bestSoFar(metric, higherIsBetter, spent),
                    TRIALS_HEIGHT,
                    "The best " + metric + " so far against the epochs spent");
            for (String setting : plan.sweptSettings()) {
                List<SearchCharts.Trial> bySetting = new ArrayList<>();
                for (int i = 0; i < runs.size(); i++) {
                    SearchCharts.Trial t = trials.get(i);
                    bySetting.add(new SearchCharts.Trial(
                            runs.get(i).plan().varying().getOrDefault(setting, ""),
                            t.result(),
                            t.finished(),
                            t.best()));
                }
                figure(
                        html,
                        SearchCharts.trials(setting, metric, bySetting),
                        TRIALS_HEIGHT,
                        "Each trial's " + metric + " against " + setting);
            }
        }
        html.append(Html.SECTION_END);
    }

    /** Each trial's result: its final metric when it trained to the end, its last one when pruned. */
    private static List<SearchCharts.Trial> trials(List<RunResult> runs, String metric, boolean higherIsBetter) {
        List<SearchCharts.Trial> trials = new ArrayList<>();
        int best = -1;
        double bestValue = Double.NaN;
        for (int i = 0; i < runs.size(); i++) {
            RunResult run = runs.get(i);
            double value = SearchTrials.last(run, metric).orElse(Double.NaN);
            boolean finished = run.status() == RunStatus.OK;
            if (finished
                    && !Double.isNaN(value)
                    && (best < 0 || (higherIsBetter ? value > bestValue : value < bestValue))) {
                best = i;
                bestValue = value;
            }
            trials.add(new SearchCharts.Trial("", value, finished, false));
        }
        if (best >= 0) {
            SearchCharts.Trial t = trials.get(best);
            trials.set(best, new SearchCharts.Trial(t.value(), t.result(), true, true));
        }
        return trials;
    }

    /** One sentence: the kind of search, its trials, what was pruned or skipped, the epochs spent. */
    static String describe(ExperimentPlan plan, List<RunResult> runs) {
        SearchPlan search = plan.search();
        long pruned = runs.stream().filter(r -> r.status() == RunStatus.PRUNED).count();
        long skipped =
                runs.stream().filter(r -> r.status() == RunStatus.SKIPPED).count();
        double spent = runs.stream().mapToDouble(SearchTrials::epochs).sum();
        double full = runs.stream()
                .mapToDouble(r -> r.plan().config() == null
                        ? 0
                        : r.plan().config().length().unit() == org.nnx.model.TrainingLength.Unit.EPOCHS
                                ? r.plan().config().length().count()
                                : 0)
                .sum();
        StringBuilder text = new StringBuilder();
        text.append(
                search.isGrid()
                        ? "A grid of " + runs.size() + " runs"
                        : "search " + search.kind().keyword() + " of " + runs.size() + " trials");
        search.halving()
                .ifPresent(h -> text.append(" (rungs at ")
                        .append(h.rungs().stream()
                                .map(String::valueOf)
                                .reduce((a, b) -> a + ", " + b)
                                .orElse("none"))
                        .append(h.rungs().size() == 1 && h.rungs().get(0) == 1 ? " epoch" : " epochs")
                        .append(", factor ")
                        .append(h.factor())
                        .append(", ranked by ")
                        .append(h.metric())
                        .append(")"));
        if (!search.budget().isNone()) {
            text.append(", budget ").append(search.budget().text());
        }
        text.append(": ")
                .append(pruned)
                .append(" pruned, ")
                .append(skipped)
                .append(" skipped; ")
                .append(String.format(Locale.ROOT, "%.0f", spent))
                .append(" epochs trained");
        if (full > 0) {
            text.append(String.format(
                    Locale.ROOT,
                    " of the %.0f that training every trial to the end would take (%.0f%%)",
                    full,
                    100 * spent / full));
        }
        return text.append('.').toString();
    }

    private static void rungTable(StringBuilder html, Halving halving, List<RunResult> runs) {
        List<Long> lengths = SearchTrials.lengths(halving);
        html.append("<div class=\"table-wrap\"><table class=\"balance\"><thead><tr><th>rung</th>"
                + "<th class=\"num\">epochs</th><th class=\"num\">trials that reached it</th>"
                + "<th class=\"num\">pruned there</th></tr></thead><tbody>\n");
        for (int k = 0; k < lengths.size(); k++) {
            int rung = k + 1;
            long reached = runs.stream()
                    .filter(r -> SearchTrials.rung(halving, r) >= rung)
                    .count();
            long prunedThere = runs.stream()
                    .filter(r -> r.status() == RunStatus.PRUNED && SearchTrials.rung(halving, r) == rung)
                    .count();
            html.append("<tr><td>")
                    .append(k == lengths.size() - 1 ? rung + " (the end)" : Integer.toString(rung))
                    .append("</td><td class=\"num\">")
                    .append(lengths.get(k))
                    .append("</td><td class=\"num\">")
                    .append(reached)
                    .append("</td><td class=\"num\">")
                    .append(prunedThere)
                    .append("</td></tr>\n");
        }
        html.append("</tbody></table></div>\n");
    }

    private void figure(StringBuilder html, JFreeChart chart, int height, String alt) {
        ChartFigure.append(html, charts, chart, height, "search-chart-" + (++chartCount), alt);
    }
}
