package org.nnx.report;

import static org.nnx.report.Html.escape;

import java.util.Comparator;
import java.util.List;

/**
 * How each layer learned: for the best-ranked runs with per-parameter diagnostics, a {@link ParameterChart} of
 * every parameter tensor's gradient norm and relative weight change at each evaluation. Several runs, not just
 * the best: a run that cannot learn (a step function's zero gradient) is the one worth seeing.
 */
final class ParameterSection implements ReportSection {
    /** Charts for at most this many runs, best ranked first. */
    static final int MAX_RUNS = 4;

    private final ReportModel model;
    private final HtmlReport.ChartRenderer charts;

    ParameterSection(ReportModel model, HtmlReport.ChartRenderer charts) {
        this.model = model;
        this.charts = charts;
    }

    @Override
    public void appendTo(StringBuilder html) {
        List<ReportedRun> runs = model.runs.stream()
                .filter(r -> ParameterChart.hasDiagnostics(r.result))
                .sorted(Comparator.comparingInt(r -> r.rank))
                .toList();
        if (runs.isEmpty()) {
            return;
        }
        html.append(Html.section("Gradients and weight changes by layer"));
        html.append(Html.note(escape("Each parameter tensor at every evaluation: how large the gradient of the last"
                + " mini-batch was, and how far the weights moved since the evaluation before. A tensor whose gradient"
                + " stays 0 does not learn; the columns grad_norm:<tensor> and weight_change:<tensor> of each run's"
                + " metrics.csv hold the numbers.")));
        if (runs.size() > MAX_RUNS) {
            html.append(Html.note("The " + MAX_RUNS + " best-ranked of " + runs.size() + " runs."));
        }
        int count = 0;
        for (ReportedRun run : runs.subList(0, Math.min(MAX_RUNS, runs.size()))) {
            ParameterChart.ParameterDataset data = ParameterChart.createDataset(run.result);
            String title = runs.size() == 1 && model.runs.size() == 1 ? "By layer" : "By layer: " + run.label;
            ChartFigure.append(
                    html,
                    charts,
                    ParameterChart.createChart(data, run.result, title),
                    ChartImages.HEIGHT,
                    "parameters-chart-" + (++count),
                    "Gradient norm and relative weight change of every parameter tensor of " + run.label);
        }
        html.append(Html.SECTION_END);
    }
}
