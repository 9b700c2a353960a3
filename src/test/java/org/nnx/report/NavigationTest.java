package org.nnx.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.nnx.train.ExperimentResult;

/** The contents bar, the links to the files beside the page, and the runs table cut to its top rows. */
class NavigationTest {
    @Test
    void theContentsBarLinksEverySectionAndTheSummary() {
        String html = HtmlReportTest.page(SyntheticResults.sweep80(120));
        String nav = html.substring(html.indexOf("<nav class=\"contents\""), html.indexOf("</nav>"));
        List<String> targets = new ArrayList<>();
        Matcher link = Pattern.compile("href=\"#([^\"]+)\"").matcher(nav);
        while (link.find()) {
            targets.add(link.group(1));
        }
        assertTrue(targets.containsAll(List.of("training-curves", "runs", "what-matters", "provenance")), nav);
        for (String target : targets) {
            assertTrue(html.contains("<section id=\"" + target + "\">"), "a section for #" + target);
        }
        assertTrue(nav.contains("<a href=\"summary.csv\""), nav);
        assertTrue(html.indexOf("<nav class=\"contents\"") < html.indexOf("<ul class=\"findings\">"), "at the top");
    }

    @Test
    void eachRunLinksItsMetricsAndALongTableShowsItsTopTwentyFirst() {
        ExperimentResult sweep = SyntheticResults.sweep80(120);
        ReportModel model = ReportModel.of(new ReportedExperiment(sweep, ""));
        String html = HtmlReportTest.page(sweep);
        assertTrue(html.contains("<table class=\"runs sortable\" data-top=\"20\">"));
        ReportedRun best = model.bestRun();
        String folder = ReportWriter.folderName(best.result.name());
        assertTrue(html.contains("<a href=\"" + HtmlReport.escape(RunsTableSection.link(folder)) + "\""), folder);
        assertEquals("runs/a%20b%23c/metrics.csv", RunsTableSection.link("a b#c"), "encoded where it must be");
        assertEquals("training-curves", Html.anchor("Training curves"));
        String small = HtmlReportTest.page(SyntheticResults.issueLearningRates(100));
        assertFalse(small.contains("data-top="), "five runs are shown whole");
    }
}
