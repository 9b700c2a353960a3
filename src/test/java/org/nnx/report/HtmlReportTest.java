package org.nnx.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nnx.model.ExperimentPlan;
import org.nnx.model.RunPlan;
import org.nnx.model.SweptValues;
import org.nnx.train.ExperimentResult;
import org.nnx.train.Provenance;
import org.nnx.train.RunResult;
import org.nnx.train.RunStatus;

class HtmlReportTest {
    /** Charts are not drawn: the page around them is what these tests check. */
    static final HtmlReport.ChartRenderer NO_CHARTS = (chart, height, id, label) ->
            "<svg id=\"" + id + "\" class=\"chart\" aria-label=\"" + Html.escape(label) + "\"></svg>";

    static String page(ExperimentResult result) {
        return HtmlReport.render(ReportModel.of(new ReportedExperiment(result, "")), NO_CHARTS);
    }

    @Test
    void escapesMarkupAndQuotes() {
        assertEquals("&lt;script&gt;alert(1)&lt;/script&gt;", HtmlReport.escape("<script>alert(1)</script>"));
        assertEquals("&amp;&quot;&#39;", HtmlReport.escape("&\"'"));
        assertEquals("a &amp;amp; b", HtmlReport.escape("a &amp; b"));
        assertEquals("plain text, é ★", HtmlReport.escape("plain text, é ★"));
        assertEquals("", HtmlReport.escape(""));
        assertEquals("", HtmlReport.escape(null));
    }

    @Test
    void everyPieceOfUserTextIsEscaped() {
        String evil = "<img src=x onerror=alert(1)>";
        SweptValues varying = SweptValues.of(Map.of("set<ting>", "v<al>"));
        RunPlan plan = new RunPlan("run" + evil, varying, SyntheticRuns.config(0.1, 10, 5));
        RunResult run = RunResult.builder(plan, RunStatus.FAILED)
                .reason("reason" + evil)
                .seconds(1)
                .samplesPerSecond(1)
                .provenance(new Provenance(Map.of("key" + evil, "value" + evil)))
                .build();
        ExperimentPlan experiment = new ExperimentPlan(
                "name" + evil, "description" + evil, Path.of("file<x>.nnx"), List.of(plan), "config" + evil);
        String html = page(new ExperimentResult(experiment, List.of(run)));
        assertFalse(html.contains("<img src=x"), html);
        assertFalse(html.contains("<ting>"));
        assertFalse(html.contains("v<al>"));
        assertFalse(html.contains("file<x>"));
        for (String owner : List.of("run", "reason", "key", "value", "name", "description", "config")) {
            assertTrue(html.contains(owner + "&lt;img src=x onerror=alert(1)&gt;"), owner);
        }
    }

    @Test
    void bestRunIsTheOkRunWithTheHighestTestAccuracy() {
        List<RunResult> runs = SyntheticResults.handMade().runs();
        assertEquals(2, ReportModel.bestRun(runs));
        RunResult diverged = runs.get(0);
        RunResult luckyButDiverged = RunResult.builder(diverged.plan(), RunStatus.DIVERGED)
                .reason("NaN")
                .metrics(diverged.metrics())
                .accuracies(0.99, 0.99)
                .seconds(1)
                .samplesPerSecond(1)
                .build();
        assertEquals(2, ReportModel.bestRun(List.of(luckyButDiverged, runs.get(1), runs.get(2))));
        assertEquals(-1, ReportModel.bestRun(List.of(luckyButDiverged)));
        assertEquals(-1, ReportModel.bestRun(List.of()));
    }

    @Test
    void anExperimentWithoutRunsStillRenders() {
        ExperimentPlan experiment = new ExperimentPlan("empty", "", null, List.of(), "");
        String html = HtmlReport.render(new ExperimentResult(experiment, List.of()));
        assertTrue(html.contains("<h1>empty</h1>"));
        assertTrue(html.contains("no runs"));
    }
}
