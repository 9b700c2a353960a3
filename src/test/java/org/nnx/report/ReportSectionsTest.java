package org.nnx.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nnx.train.ExperimentResult;

/** What the page says, checked on synthetic experiments with charts stubbed out. */
class ReportSectionsTest {
    @Test
    void theLearningRateSweepSaysWhatDivergedAndWhatBarelyMoved() {
        String html = HtmlReportTest.page(SyntheticResults.issueLearningRates(600));
        String findings = html.substring(html.indexOf("<ul class=\"findings\">"), html.indexOf("</ul>"));
        assertTrue(findings.contains("Diverged (1):</span> <span class=\"swatch\""), findings);
        assertTrue(findings.contains("<code>learning_rate=10</code> — loss became NaN"), findings);
        assertTrue(findings.contains("Barely moved (1):"), findings);
        assertTrue(findings.contains("<code>learning_rate=0.001</code> — loss fell only"), findings);
        assertTrue(findings.contains("Best:</span>"), findings);
        assertTrue(html.contains("<span class=\"badge status-barely\""), "marked in the table too");
    }

    @Test
    void aRunWhoseLossJumpedAndNeverRecoveredCountsAsDivergedThoughItsStatusIsOk() {
        // As a sigmoid net at learning rate 10 trains: one step throws the loss to 10, then it sits at chance.
        List<org.nnx.train.MetricsRow> rows = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            double loss = i == 1 ? 2.30 : i == 2 ? 10.29 : 2.36 + 0.05 * Math.sin(i);
            rows.add(SyntheticRuns.row(
                    i, (float) loss, i % 50 == 0 ? 0.1 : Double.NaN, i % 50 == 0 ? 0.0955 : Double.NaN));
        }
        org.nnx.model.RunPlan plan = new org.nnx.model.RunPlan(
                "learning_rate=10",
                org.nnx.model.SweptValues.of(Map.of("learning_rate", "10")),
                SyntheticRuns.config(10, 200, 50));
        org.nnx.train.RunResult run = org.nnx.train.RunResult.builder(plan, org.nnx.train.RunStatus.OK)
                .metrics(rows)
                .accuracies(0.1, 0.0955)
                .loss(2.36)
                .seconds(1)
                .samplesPerSecond(1)
                .build();
        ExperimentResult result =
                new ExperimentResult(new org.nnx.model.ExperimentPlan("x", "", null, List.of(plan), ""), List.of(run));
        ReportedRun seen = model(result).runs.get(0);
        assertTrue(seen.blewUp());
        assertFalse(seen.barelyMoved(), "blew up, not merely slow");
        String html = HtmlReportTest.page(result);
        assertTrue(html.contains("Blew up (1):"), "counted as the header counts it");
        assertTrue(html.contains("1 run: 1 blew up"));
        assertTrue(html.contains("its loss jumped to 10.29 (4.5× the first) at iteration 2"), html);
        assertTrue(html.contains(">blew up</span>"));
    }

    @Test
    void anEightyRunSweepColoursTheTopFiveAndListsBestFirst() {
        ExperimentResult sweep = SyntheticResults.sweep80(120);
        ReportModel model = model(sweep);
        assertEquals(80, model.groups.size());
        assertEquals(5, model.groups.stream().filter(g -> !g.faint).count());
        assertEquals(75, model.lines().stream().filter(ChartLine::faint).count());
        assertEquals(0, model.lines().get(0).runs().get(0) == model.bestRun().result ? 0 : 1, "podium order");
        assertEquals(List.of("dense[1]", "optimizer", "learning_rate", "batch_size"), model.settingsThatVary());
        assertFalse(model.epochsAlign(), "batch sizes 50 and 100 see data at different rates");

        String html = HtmlReportTest.page(sweep);
        int table = html.indexOf("<table class=\"runs sortable\"");
        int firstRow = html.indexOf("<tr", html.indexOf("<tbody>", table));
        String row = html.substring(firstRow, html.indexOf('>', firstRow) + 1);
        assertTrue(row.matches("<tr data-run=\"[^\"]*\" class=\"best\">"), "the best run first: " + row);
        assertTrue(html.contains("aria-sort=\"ascending\">#</th>"));
        String findings = html.substring(html.indexOf("<ul class=\"findings\">"), html.indexOf("</ul>"));
        assertTrue(
                findings.contains("all with <code>learning_rate</code> <code>1</code> or <code>0.3</code>"), findings);
        assertTrue(html.contains("Aligned by epoch"));
        assertTrue(html.contains("Final accuracy by setting"));
    }

    @Test
    void repeatsAreTestedWithWelchAgainstTheBestRepeatedConfiguration() {
        ExperimentResult repeats = SyntheticResults.repeats(300);
        ReportModel model = model(repeats);
        assertEquals(2, model.groups.size());
        assertEquals("learning_rate=0.1", model.bestTestedGroup().label);
        String html = HtmlReportTest.page(repeats);
        assertTrue(html.contains("<h2>Repeats</h2>"));
        assertTrue(html.contains("Welch's t-test"));
        double[] best = model.groups.get(0).okAccuracies();
        double[] other = model.groups.get(1).okAccuracies();
        String p = RepeatStatistics.pValue(WelchTest.test(best, other).p());
        assertTrue(html.contains(">" + HtmlReport.escape(p) + "</td>"), p);
        assertTrue(html.contains(RepeatStatistics.meanSd(model.groups.get(0).okAccuracies())));
        assertTrue(html.contains("Seed noise:"));
    }

    @Test
    void eachRunIsShownAsADiffAgainstTheBase() {
        String html = HtmlReportTest.page(SyntheticResults.issueLearningRates(100));
        assertTrue(
                html.contains("<span class=\"del\">-     learning_rate 10 | 1 | 0.1 | 0.01 | 0.001</span>"
                        + "<span class=\"ins\">+     learning_rate 0.01</span>"),
                "one changed line per run");
        String seeds = HtmlReportTest.page(SyntheticResults.repeats(100));
        assertTrue(
                seeds.contains("<span class=\"del\">-     seed 7</span><span class=\"ins\">+     seed 9</span>"),
                "a repeat's seed differs from the base");
    }

    @Test
    void theComparisonNamesRunsByExperimentAndDiffsTheConfigurations() {
        ReportModel model = new ReportModel(
                List.of(
                        new ReportedExperiment(SyntheticResults.issueLearningRates(100), ""),
                        new ReportedExperiment(SyntheticResults.repeats(100), "")),
                true);
        assertEquals("experiment", model.swept.get(0));
        assertEquals("learning_rates / learning_rate=10", model.runs.get(0).label);
        String html = HtmlReport.render(model, HtmlReportTest.NO_CHARTS);
        assertTrue(html.contains("<h1>Comparison of learning_rates, seeds</h1>"));
        assertTrue(html.contains("<code>seeds</code> against <code>learning_rates</code>"));
        assertTrue(html.contains("<span class=\"ins\">+     repeat 3</span>"));
    }

    @Test
    void chartsDrawTheBestTwoHundredOfAHugeSweepAndSkipRunsWithoutMetrics() {
        List<org.nnx.train.RunResult> runs = new ArrayList<>();
        List<org.nnx.model.RunPlan> plans = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            org.nnx.model.RunPlan plan = new org.nnx.model.RunPlan(
                    "lr=" + i,
                    org.nnx.model.SweptValues.of(Map.of("lr", Integer.toString(i))),
                    SyntheticRuns.config(0.1, 2, 1));
            plans.add(plan);
            List<org.nnx.train.MetricsRow> rows = i % 3 == 0
                    ? List.of()
                    : List.of(
                            SyntheticRuns.row(1, 2.3f, Double.NaN, Double.NaN),
                            SyntheticRuns.row(2, 2.0f, i / 1500.0, i / 1500.0));
            runs.add(org.nnx.train.RunResult.builder(plan, org.nnx.train.RunStatus.OK)
                    .metrics(rows)
                    .accuracies(i / 1500.0, i / 1500.0)
                    .build());
        }
        ReportModel model =
                model(new ExperimentResult(new org.nnx.model.ExperimentPlan("huge", "", null, plans, ""), runs));
        assertEquals(1000, model.chartable());
        assertEquals(ReportModel.MAX_CHARTED, model.lines().size());
        assertEquals("lr=1499", model.lines().get(0).label(), "the best first");
        assertTrue(model.lines().stream()
                .allMatch(line -> !line.runs().get(0).metrics().isEmpty()));
    }

    private static ReportModel model(ExperimentResult result) {
        return ReportModel.of(new ReportedExperiment(result, ""));
    }
}
