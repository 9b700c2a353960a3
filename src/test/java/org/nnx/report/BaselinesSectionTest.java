package org.nnx.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nnx.model.ExperimentPlan;
import org.nnx.model.RunPlan;
import org.nnx.model.SweptValues;
import org.nnx.train.Baselines;
import org.nnx.train.ExperimentResult;
import org.nnx.train.RunResult;
import org.nnx.train.RunStatus;

/** The report's baselines: chance, majority class and nearest neighbour beside the best run. */
class BaselinesSectionTest {
    private static ExperimentResult experiment(Optional<Baselines> baselines) {
        RunPlan plan = new RunPlan("a", SweptValues.NONE, SyntheticRuns.config(0.1, 2, 1));
        RunResult run = RunResult.builder(plan, RunStatus.OK)
                .metrics(List.of(SyntheticRuns.row(1, 2.3f, 0.5, 0.5), SyntheticRuns.row(2, 2.2f, 0.9, 0.875)))
                .accuracies(0.9, 0.875)
                .loss(2.2)
                .seconds(1)
                .samplesPerSecond(1)
                .build();
        return new ExperimentResult(
                new ExperimentPlan("x", "", null, List.of(plan), ""), List.of(run), Optional.empty(), baselines);
    }

    @Test
    void theBaselinesStandBesideTheBestRun() {
        String html = HtmlReportTest.page(experiment(Optional.of(new Baselines(1.0 / 3, "<a>", 0.2, 0.8))));
        int section = html.indexOf("<h2>Baselines</h2>");
        assertTrue(section > 0, html);
        String table = html.substring(html.indexOf("<tbody>", section), html.indexOf("</tbody>", section));
        assertTrue(
                table.contains(
                        "<td class=\"num\">33.33 %</td><td class=\"num\">20.00 % <span class=\"note\">(&lt;a&gt;)"
                                + "</span></td><td class=\"num\">80.00 %</td><td class=\"num\">87.50 %</td>"),
                table);
        assertTrue(section < html.indexOf("<h2>Training curves</h2>"), "read before the curves");
    }

    @Test
    void noSectionWithoutBaselines() {
        assertFalse(HtmlReportTest.page(experiment(Optional.empty())).contains("<h2>Baselines</h2>"));
    }
}
