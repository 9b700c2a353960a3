package org.nnx.report;

import static org.nnx.report.Html.escape;

import org.nnx.train.Baselines;

/**
 * What no learning scores on each experiment's test split (chance, the majority class, the nearest neighbour),
 * beside the best run's test accuracy, so a result reads against them.
 */
record BaselinesSection(ReportModel model) implements ReportSection {
    @Override
    public void appendTo(StringBuilder html) {
        if (model.experiments.stream().allMatch(e -> e.result().baselines().isEmpty())) {
            return;
        }
        html.append(Html.section("Baselines"))
                .append(Html.note("Test accuracy with no learning: guessing, always answering the training set's"
                        + " most common class, and copying the label of the nearest training sample (k = 1, Euclidean"
                        + " distance on the features as the network sees them; a test split of more than 1 024 samples is judged by 1 024"
                        + " of them spread evenly). Computed once per experiment, on the data of its first run."))
                .append("<div class=\"table-wrap\">\n<table class=\"baselines\">\n<thead>\n<tr>");
        if (model.comparison) {
            html.append("<th>Experiment</th>");
        }
        html.append("<th class=\"num\">Chance</th><th class=\"num\">Majority class</th>"
                + "<th class=\"num\">Nearest neighbour</th><th class=\"num\">Best run</th></tr>\n</thead>\n<tbody>\n");
        for (ReportedExperiment experiment : model.experiments) {
            if (experiment.result().baselines().isEmpty()) {
                continue;
            }
            Baselines b = experiment.result().baselines().get();
            html.append("<tr>");
            if (model.comparison) {
                html.append("<td>")
                        .append(escape(experiment.result().plan().name()))
                        .append("</td>");
            }
            int bestHere = ReportModel.bestRun(experiment.result().runs());
            html.append(cell(ReadableNumbers.percent(b.chance())))
                    .append("<td class=\"num\">")
                    .append(escape(ReadableNumbers.percent(b.majority())))
                    .append(" <span class=\"note\">(")
                    .append(escape(b.majorityClass()))
                    .append(")</span></td>")
                    .append(cell(ReadableNumbers.percent(b.nearestNeighbour())))
                    .append(cell(
                            bestHere < 0
                                    ? "—"
                                    : ReadableNumbers.percent(experiment
                                            .result()
                                            .runs()
                                            .get(bestHere)
                                            .testAccuracy())))
                    .append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n</div>\n").append(Html.SECTION_END);
    }

    private static String cell(String text) {
        return "<td class=\"num\">" + escape(text) + "</td>";
    }
}
