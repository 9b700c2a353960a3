package org.nnx.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.nnx.model.ExperimentPlan;
import org.nnx.model.RunPlan;
import org.nnx.model.SweptValues;
import org.nnx.train.ExperimentResult;
import org.nnx.train.MetricsRow;
import org.nnx.train.RunResult;
import org.nnx.train.RunStatus;

/** The page's verdicts say what the numbers say: counts agree, a rise is a rise, overfitting is earned. */
class ReportVerdictsTest {
    @Test
    void theHeaderAndTheFindingsCountTheRunsAlike() {
        for (ExperimentResult result : List.of(
                SyntheticResults.sweep80(120),
                SyntheticResults.issueLearningRates(600),
                oneRun(i -> i == 2 ? 10.29 : i == 1 ? 2.30 : 2.36 + 0.05 * Math.sin(i), 0.1, 0.0955))) {
            String html = HtmlReportTest.page(result);
            String meta = html.substring(html.indexOf("<p class=\"meta\">"), html.indexOf("</header>"));
            String findings = html.substring(html.indexOf("<ul class=\"findings\">"), html.indexOf("</ul>"));
            Map<String, Integer> header = new LinkedHashMap<>();
            Matcher counted = Pattern.compile("(\\d+) (ok|blew up|diverged|stopped|failed)")
                    .matcher(meta);
            while (counted.find()) {
                header.put(counted.group(2), Integer.parseInt(counted.group(1)));
            }
            ReportModel model = ReportModel.of(new ReportedExperiment(result, ""));
            assertEquals(
                    model.runs.size(),
                    header.values().stream().mapToInt(Integer::intValue).sum(),
                    meta);
            for (String outcome : List.of("blew up", "diverged", "stopped", "failed")) {
                String label = Character.toUpperCase(outcome.charAt(0)) + outcome.substring(1);
                Matcher finding =
                        Pattern.compile(Pattern.quote(label) + " \\((\\d+)\\)").matcher(findings);
                int inFindings = finding.find() ? Integer.parseInt(finding.group(1)) : 0;
                assertEquals(header.getOrDefault(outcome, 0), inFindings, outcome + ": " + meta + " vs " + findings);
            }
        }
    }

    @Test
    void aLossThatRoseSaysItRose() {
        // Starts at 2.503, ends near 2.508: "fell only 0.0 %" would be false.
        String html = HtmlReportTest.page(oneRun(i -> 2.503 + 0.005 * i / 200.0, 0.11, 0.10));
        String findings = html.substring(html.indexOf("<ul class=\"findings\">"), html.indexOf("</ul>"));
        assertTrue(findings.contains("Barely moved (1)"), findings);
        assertTrue(findings.contains(" — loss rose 0.2 % (2.503 → 2.508)"), findings);
        assertFalse(findings.contains("fell only"), findings);
    }

    @Test
    void aFewPointsOfTrainTestGapIsNotCalledOverfitting() {
        String small = findings(oneRun(i -> 2.3 * Math.exp(-i / 50.0), 0.955, 0.92));
        assertTrue(small.contains("Largest train–test gap"), small);
        assertTrue(small.contains(": 3.5 points (train 95.50 %, test 92.00 %)."), small);
        assertFalse(small.contains("overfitting"), small);
        String large = findings(oneRun(i -> 2.3 * Math.exp(-i / 50.0), 0.99, 0.85));
        assertTrue(large.contains(": 14.0 points (train 99.00 %, test 85.00 %), a sign of overfitting."), large);
    }

    @Test
    void repeatsSayHolmAndNameTheClosestRivalWithItsInterval() {
        ExperimentResult repeats = SyntheticResults.repeats(300);
        ReportModel model = ReportModel.of(new ReportedExperiment(repeats, ""));
        String html = HtmlReportTest.page(repeats);
        assertTrue(html.contains("<b>Holm's correction</b>"), "the page says it corrects");
        assertTrue(html.contains("95 % CI of Δ"));
        String findings = findings(repeats);
        RunGroup rival = model.groups.get(1);
        RepeatStatistics.Comparison versus = model.comparison(rival);
        assertTrue(
                findings.contains("the closest, <span class=\"swatch\" style=\"background:"
                        + RunColors.hex(rival.colour) + "\"></span> <code>" + rival.label + "</code>"),
                findings);
        assertTrue(findings.contains("(95 % CI " + RepeatStatistics.interval(versus.lower(), versus.upper()) + ")"));
        assertTrue(findings.contains("Holm-corrected over 1 comparison at α 0.05"), findings);
    }

    @Test
    void twoSeedsAreTooFewToJudgeOnThePage() {
        ExperimentResult two = repeatedTwice();
        String html = HtmlReportTest.page(two);
        assertFalse(html.contains("within seed noise"), "no verdict from two seeds");
        assertFalse(html.contains("could be seed noise ("), "no verdict from two seeds");
        assertTrue(html.contains("too few seeds to judge (n 2, needs 3)"));
        assertTrue(findings(two).contains("Seed noise:</span> too few seeds to judge"), findings(two));
    }

    @Test
    void theRunsTableSaysTheLossIsTheBatchLossAndShowsTheFinalTestLoss() {
        RunPlan plan = new RunPlan(
                "learning_rate=0.1", SweptValues.of(Map.of("learning_rate", "0.1")), SyntheticRuns.config(0.1, 4, 2));
        List<MetricsRow> rows = List.of(
                new MetricsRow(1, 0.1, 2.25, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0.5),
                new MetricsRow(2, 0.2, 1.5, 0.6, 0.55, Double.NaN, Double.NaN, 1.375, 1.0),
                new MetricsRow(3, 0.3, 1.25, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 1.5),
                new MetricsRow(4, 0.4, 1.0, 0.7, 0.65, Double.NaN, Double.NaN, 1.125, 2.0));
        RunResult run = RunResult.builder(plan, RunStatus.OK)
                .metrics(rows)
                .accuracies(0.7, 0.65)
                .loss(1.0)
                .seconds(2)
                .samplesPerSecond(1)
                .build();
        ReportModel model = ReportModel.of(new ReportedExperiment(
                new ExperimentResult(new ExperimentPlan("x", "", null, List.of(plan), ""), List.of(run)), ""));
        assertEquals(1.125, model.runs.get(0).finalTestLoss, "the last evaluation's");
        String html = HtmlReport.render(model, HtmlReportTest.NO_CHARTS);
        assertTrue(html.contains("title=\"the loss of the last mini-batch\">Batch loss</th>"));
        assertTrue(html.contains(">Test loss</th>"));
        assertTrue(html.contains("<td class=\"num\" data-v=\"1.125\">1.125</td>"), "the final test loss");
    }

    @Test
    void whatMattersRanksSettingsByTheVarianceTheyExplainAndPairsShowAsHeatmaps() {
        // A full 2 × 2 grid where the learning rate alone decides the accuracy: η² 1 for it, 0 for the optimizer.
        List<RunPlan> plans = new ArrayList<>();
        List<RunResult> runs = new ArrayList<>();
        for (String rate : List.of("0.1", "0.01")) {
            for (String optimizer : List.of("sgd", "adam")) {
                Map<String, String> swept = new LinkedHashMap<>();
                swept.put("optimizer", optimizer);
                swept.put("learning_rate", rate);
                RunPlan plan = new RunPlan(
                        "optimizer=" + optimizer + ",learning_rate=" + rate,
                        SweptValues.of(swept),
                        SyntheticRuns.config(Double.parseDouble(rate), 200, 50));
                plans.add(plan);
                double accuracy = rate.equals("0.1") ? 0.9 : 0.7;
                runs.add(run(plan, i -> 2.3 * Math.exp(-i / 50.0), accuracy, accuracy));
            }
        }
        ExperimentResult grid = new ExperimentResult(new ExperimentPlan("grid", "", null, plans, ""), runs);
        ReportModel model = ReportModel.of(new ReportedExperiment(grid, ""));
        assertEquals(1, SweepViewsSection.etaSquared(model.runs, "learning_rate"), 1e-12);
        assertEquals(0, SweepViewsSection.etaSquared(model.runs, "optimizer"), 1e-12);
        String html = HtmlReportTest.page(grid);
        String matters = html.substring(html.indexOf("<table class=\"matters sortable\">"));
        assertTrue(
                matters.indexOf("<code>learning_rate</code>") < matters.indexOf("<code>optimizer</code>"),
                "ranked by η²");
        assertTrue(html.contains("<h3><code>learning_rate</code> × <code>optimizer</code></h3>"), "a heatmap per pair");
        String heatmap = html.substring(html.indexOf("<table class=\"heatmap\">"));
        assertTrue(heatmap.indexOf(">0.01</th>") < heatmap.indexOf(">0.1</th>"), "values in numeric order");
    }

    private static String findings(ExperimentResult result) {
        String html = HtmlReportTest.page(result);
        return html.substring(html.indexOf("<ul class=\"findings\">"), html.indexOf("</ul>"));
    }

    /** Two configurations 76 points apart, two seeds each. */
    private static ExperimentResult repeatedTwice() {
        List<RunPlan> plans = new ArrayList<>();
        List<RunResult> runs = new ArrayList<>();
        double[][] finals = {{0.93, 0.931}, {0.061, 0.265}};
        String[] rates = {"0.1", "10"};
        for (int c = 0; c < 2; c++) {
            for (int k = 0; k < 2; k++) {
                RunPlan plan = new RunPlan(
                        "learning_rate=" + rates[c] + ",seed=" + k,
                        SweptValues.of(Map.of("learning_rate", rates[c], "seed", Integer.toString(k))),
                        SyntheticRuns.config(Double.parseDouble(rates[c]), 200, 50),
                        "learning_rate=" + rates[c],
                        "");
                plans.add(plan);
                runs.add(run(plan, i -> 2.3 * Math.exp(-i / 50.0), finals[c][k] + 0.01, finals[c][k]));
            }
        }
        return new ExperimentResult(new ExperimentPlan("two_seeds", "", null, plans, ""), runs);
    }

    private static ExperimentResult oneRun(IntToDoubleFunction loss, double train, double test) {
        RunPlan plan = new RunPlan(
                "learning_rate=0.1",
                SweptValues.of(Map.of("learning_rate", "0.1")),
                SyntheticRuns.config(0.1, 200, 50));
        return new ExperimentResult(
                new ExperimentPlan("x", "", null, List.of(plan), ""), List.of(run(plan, loss, train, test)));
    }

    private static RunResult run(RunPlan plan, IntToDoubleFunction loss, double train, double test) {
        List<MetricsRow> rows = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            rows.add(SyntheticRuns.row(
                    i,
                    (float) loss.applyAsDouble(i),
                    i % 50 == 0 ? train : Double.NaN,
                    i % 50 == 0 ? test : Double.NaN));
        }
        return RunResult.builder(plan, RunStatus.OK)
                .metrics(rows)
                .accuracies(train, test)
                .loss(loss.applyAsDouble(200))
                .seconds(1)
                .samplesPerSecond(1)
                .build();
    }
}
