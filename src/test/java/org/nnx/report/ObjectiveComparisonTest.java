package org.nnx.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnx.model.ObjectivePlan;
import org.nnx.train.ObjectiveResult;
import org.nnx.train.RunStatus;

/** Objective folders read back, and compared: the page an experiment has, for objectives. */
class ObjectiveComparisonTest {
    @TempDir
    Path out;

    private Path write(String name, String formulaText, String... rates) throws IOException {
        List<ObjectiveResult> results =
                ObjectiveReportTest.run(ObjectiveReportTest.bowl(2), List.of(3.0, 4.0), 20, rates);
        ObjectivePlan plan = ObjectiveReportTest.plan(name, "a bowl", formulaText, results);
        Path folder = out.resolve(name);
        ObjectiveReportWriter.write(plan, results, folder);
        return folder;
    }

    @Test
    void anObjectiveFolderReadsBackWithItsRunsAndFacts() throws IOException {
        Path folder = write("bowl", "x0^2 + x1^2", "0.1", "1.5");
        assertTrue(ObjectiveFiles.isObjectiveFolder(folder));
        assertFalse(ExperimentFiles.isExperimentFolder(folder));
        ObjectiveFiles.ReportedObjective read = ObjectiveFiles.read(folder);
        assertEquals("bowl", read.plan().name());
        assertEquals("x0^2 + x1^2", read.plan().formula());
        assertEquals(List.of("learning_rate"), read.plan().sweptSettings());
        assertEquals(2, read.results().size());
        ObjectiveResult calm = read.results().get(0);
        assertEquals("learning_rate=0.1", calm.name());
        assertEquals(RunStatus.OK, calm.status());
        assertEquals(21, calm.values().size(), "the start and 20 steps");
        assertEquals(25.0, calm.values().get(0), "f(3, 4)");
        assertEquals(List.of(3.0, 4.0), calm.run().start());
        assertEquals(RunStatus.DIVERGED, read.results().get(1).status(), "rate 1.5 on x² grows ×4 a step");
    }

    @Test
    void theComparisonPageHasFindingsHoverValuesProvenanceTheCspAndContents() throws IOException {
        Path first = write("bowl", "x0^2 + x1^2", "0.1", "1.5");
        Path second = write("steep", "x0^2 + x1^2", "0.01");
        String html = ObjectiveHtml.renderComparison(List.of(ObjectiveFiles.read(first), ObjectiveFiles.read(second)));
        assertTrue(html.contains("<title>Comparison of bowl, steep · nnx</title>"), "title");
        assertTrue(
                html.contains("script-src '" + HtmlReport.scriptHash() + "'"),
                "the CSP allows the page's script alone");
        assertTrue(html.contains("default-src 'none'"), "and nothing else");
        assertTrue(html.contains("<script>" + HtmlReport.SCRIPT + "</script>"));
        assertTrue(html.contains("<nav class=\"contents\""), "contents bar");
        assertTrue(html.contains("<a href=\"#runs\">Runs</a>") && html.contains("<a href=\"#provenance\">"), html);
        assertTrue(html.contains("<ul class=\"findings\""), "findings");
        assertTrue(
                Pattern.compile("Best:</span> .*bowl / learning_rate=0\\.1")
                        .matcher(html)
                        .find(),
                "best run");
        assertTrue(html.contains("Diverged (1):</span>"), "the diverged run is a finding");
        assertTrue(html.contains("<dt>nnx of bowl</dt>"), "provenance per objective");
        assertTrue(html.contains("<title>steep / learning_rate=0.01 · step 0 · f 25.00</title>"), "hover value");
        assertTrue(html.contains("class=\"chart\""), "f per step as inline SVG");
        assertFalse(html.contains("data:image/png"), "no landscape: each objective has its own f");
    }

    @Test
    void anObjectivesOwnPageHasTheSameParts() throws IOException {
        Path folder = write("bowl", "x0^2 + x1^2", "0.1");
        String html = Files.readString(folder.resolve("index.html"));
        assertTrue(html.contains("script-src '" + HtmlReport.scriptHash() + "'"));
        assertTrue(html.contains("<nav class=\"contents\""));
        assertTrue(html.contains("<ul class=\"findings\""));
        assertTrue(html.contains("<a href=\"#provenance\">Provenance</a>"));
        assertTrue(html.contains("<title>learning_rate=0.1 · step 0 · f 25.00</title>"), "hover value");
        assertTrue(html.contains("<table class=\"sortable\">"), "the runs table sorts");
    }
}
