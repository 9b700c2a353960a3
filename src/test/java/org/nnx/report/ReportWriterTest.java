package org.nnx.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnx.train.ExperimentResult;
import org.nnx.train.MetricsRow;
import org.nnx.train.RunResult;

/** Writes the hand-made experiment once and checks every file {@code nnx run} promises. */
class ReportWriterTest {
    @TempDir
    static Path temp;

    static Path experimentDirectory;
    static ExperimentResult result;

    @BeforeAll
    static void writeReport() throws IOException {
        result = SyntheticResults.handMade();
        // A directory that does not exist yet: write must create it.
        experimentDirectory = temp.resolve("reports").resolve("lr_sweep");
        ReportWriter.write(result, experimentDirectory);
    }

    @Test
    void writesEveryFile() {
        assertTrue(Files.isRegularFile(experimentDirectory.resolve("index.html")));
        assertTrue(Files.isRegularFile(experimentDirectory.resolve("summary.csv")));
        for (String run : List.of(
                "learning_rate=10,optimizer=sgd",
                "learning_rate=0.1,optimizer=sgd",
                "learning_rate=0.1,optimizer=adam")) {
            Path metrics = experimentDirectory.resolve("runs").resolve(run).resolve("metrics.csv");
            assertTrue(Files.isRegularFile(metrics), metrics.toString());
            assertEquals(metrics, ReportWriter.metricsFile(experimentDirectory, run));
        }
    }

    @Test
    void summaryHasTheContractsColumnsAndExactValues() throws IOException {
        List<String> lines = Files.readAllLines(experimentDirectory.resolve("summary.csv"), StandardCharsets.UTF_8);
        assertEquals(
                List.of(
                        "run,status,learning_rate,optimizer,train_accuracy,test_accuracy,loss,seconds,samples_per_second,reason",
                        "\"learning_rate=10,optimizer=sgd\",diverged,10,sgd,0.1,0.098,NaN,0.5,16000,"
                                + "loss became NaN at iteration 4",
                        "\"learning_rate=0.1,optimizer=sgd\",ok,0.1,sgd,0.9235,0.9125,0.5,12.346,15234.6,",
                        "\"learning_rate=0.1,optimizer=adam\",ok,0.1,adam,0.97125,0.955,0.1,60,20000,"),
                lines);
    }

    @Test
    void summaryReadsBack() throws IOException {
        SummaryCsv.Summary summary = SummaryCsv.read(experimentDirectory.resolve("summary.csv"));
        assertEquals(List.of("learning_rate", "optimizer"), summary.sweptSettings());
        assertEquals(3, summary.rows().size());
        for (int i = 0; i < 3; i++) {
            RunResult run = result.runs().get(i);
            SummaryCsv.Row row = summary.rows().get(i);
            assertEquals(run.name(), row.run());
            assertEquals(run.status(), row.status());
            assertEquals(run.plan().varying().asMap(), row.swept());
            assertEquals(run.testAccuracy(), row.testAccuracy());
            assertEquals(run.trainAccuracy(), row.trainAccuracy());
            assertEquals((float) run.loss(), (float) row.loss());
            assertEquals(run.reason(), row.reason());
        }
        assertEquals(12.346, summary.rows().get(1).seconds());
        assertEquals(15234.6, summary.rows().get(1).samplesPerSecond());
    }

    @Test
    void metricsHaveAHeaderARowPerIterationAndEmptyAccuraciesWhenNotEvaluated() throws IOException {
        Path file = ReportWriter.metricsFile(experimentDirectory, "learning_rate=0.1,optimizer=sgd");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(
                List.of(
                        "iteration,epoch,loss,train_accuracy,test_accuracy,test_loss,seconds",
                        "1,0.0125,2.3,,,,",
                        "2,0.025,1.5,0.61,0.6,,",
                        "3,0.0375,0.875,,,,",
                        "4,0.05,0.5,0.9235,0.9125,,"),
                lines);
    }

    @Test
    void divergedRunKeepsItsRowsWithTheNaNLoss() throws IOException {
        Path file = ReportWriter.metricsFile(experimentDirectory, "learning_rate=10,optimizer=sgd");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(5, lines.size());
        assertEquals("3,0.0375,3.5E9,,,,", lines.get(3));
        assertEquals("4,0.05,NaN,,,,", lines.get(4));
    }

    @Test
    void metricsReadBackToTheSameRows() throws IOException {
        for (RunResult run : result.runs()) {
            List<MetricsRow> read = MetricsCsv.read(ReportWriter.metricsFile(experimentDirectory, run.name()));
            assertEquals(run.metrics().size(), read.size(), run.name());
            for (int i = 0; i < read.size(); i++) {
                MetricsRow expected = run.metrics().get(i);
                MetricsRow actual = read.get(i);
                assertEquals(expected.iteration(), actual.iteration());
                assertEquals(expected.epoch(), actual.epoch());
                // Losses are float32 values: written as the shortest float text, they read back as that float.
                assertEquals((float) expected.loss(), (float) actual.loss());
                assertEquals(expected.trainAccuracy(), actual.trainAccuracy());
                assertEquals(expected.testAccuracy(), actual.testAccuracy());
                assertEquals(expected.evaluated(), actual.evaluated());
            }
        }
    }

    @Test
    void reportEmbedsItsChartsAsInlineSvgWithTooltips() throws IOException {
        String html = index();
        Matcher charts = Pattern.compile("<svg [^>]*class=\"chart\"[^>]*>").matcher(html);
        List<String> tags = new ArrayList<>();
        while (charts.find()) {
            tags.add(charts.group());
        }
        // Loss, accuracy, and final accuracy by setting (two swept settings, three configurations).
        assertEquals(3, tags.size());
        assertFalse(html.contains("data:image/png"), "no raster charts");
        assertTrue(tags.get(0).contains("viewBox=\"0 0 " + ChartImages.WIDTH + " " + ChartImages.HEIGHT + "\""));
        for (int chart = 1; chart <= 3; chart++) {
            assertTrue(html.contains("id=\"chart-" + chart + "\""), "chart " + chart);
        }
        assertTrue(
                Pattern.compile("<g class=\"hover\"[^>]*><circle ")
                        .matcher(html)
                        .find(),
                "tooltips inside the charts");
    }

    @Test
    void reportShowsTheExperimentAndEveryRun() throws IOException {
        String html = index();
        assertTrue(html.contains("<title>lr_sweep"));
        assertTrue(html.contains("<h1>lr_sweep</h1>"));
        assertTrue(html.contains("experiments" + File.separator + "lr.nnx"));
        for (RunResult run : result.runs()) {
            assertTrue(html.contains(run.name()), run.name());
        }
        assertTrue(html.contains("loss became NaN at iteration 4"), "the diverged run's reason");
        assertTrue(html.contains("95.50 %"), "the best test accuracy");
        // The best run (adam) is the one row marked.
        assertEquals(1, html.split("class=\"best\"", -1).length - 1);
        int bestRow = html.indexOf("class=\"best\">");
        assertTrue(bestRow > 0, "a best row");
        assertTrue(html.indexOf("learning_rate=0.1,optimizer=adam", bestRow) < html.indexOf("</tr>", bestRow));
        // The effective configuration, escaped.
        assertTrue(html.contains("note &quot;&lt;b&gt;bold&lt;/b&gt;&quot;"));
    }

    @Test
    void reportEscapesUserText() throws IOException {
        String html = index();
        assertTrue(html.contains("Sweep &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;"));
        int scripts = html.toLowerCase().split("<script", -1).length - 1;
        int dataBlocks = html.split("<script type=\"application/json\" class=\"chart-data\"", -1).length - 1;
        assertTrue(dataBlocks > 0, "the curve charts carry their data");
        assertEquals(1, scripts - dataBlocks, "only the page's own script runs; the others are data");
        assertTrue(html.contains("<script>" + HtmlReport.SCRIPT + "</script>"));
        assertTrue(html.contains("script-src '" + HtmlReport.scriptHash() + "'"), "the CSP allows that script alone");
    }

    @Test
    void reportIsSelfContained() throws IOException {
        String html = index().toLowerCase();
        assertFalse(html.contains("http://"), "no http URL");
        assertFalse(html.contains("https://"), "no https URL");
        assertFalse(html.contains("<link"), "no stylesheet link");
        assertFalse(Pattern.compile("src=\"(?!data:)").matcher(html).find(), "only data: sources");
        // url(#…) names a clip path inside the page's own SVG; any other url( would be a resource to fetch.
        assertFalse(Pattern.compile("url\\((?!#)").matcher(html).find(), "no CSS resources");
    }

    @Test
    void writingAgainReplacesTheFiles() throws IOException {
        Path again = temp.resolve("again");
        ReportWriter.write(result, again);
        String first = Files.readString(again.resolve("summary.csv"));
        ReportWriter.write(result, again);
        assertEquals(first, Files.readString(again.resolve("summary.csv")));
    }

    @Test
    void runsWithoutAnyRowsStillGetAnEmptyMetricsFile() throws IOException {
        RunResult ok = result.runs().get(1);
        RunResult failed = RunResult.builder(ok.plan(), org.nnx.train.RunStatus.FAILED)
                .reason("dataset file missing: a/b.csv")
                .seconds(0.01)
                .build();
        ExperimentResult oneFailed = new ExperimentResult(result.plan(), List.of(failed));
        Path directory = temp.resolve("failed");
        ReportWriter.write(oneFailed, directory);
        assertEquals(
                List.of("iteration,epoch,loss,train_accuracy,test_accuracy,test_loss,seconds"),
                Files.readAllLines(ReportWriter.metricsFile(directory, failed.name())));
        List<String> summary = Files.readAllLines(directory.resolve("summary.csv"));
        assertEquals(
                "\"learning_rate=0.1,optimizer=sgd\",failed,0.1,sgd,,,,0.01,0,dataset file missing: a/b.csv",
                summary.get(1));
        String html = Files.readString(directory.resolve("index.html"));
        assertTrue(html.contains("dataset file missing: a/b.csv"));
        assertNotEquals(-1, html.indexOf("status-failed"));
    }

    private static String index() throws IOException {
        return Files.readString(experimentDirectory.resolve("index.html"), StandardCharsets.UTF_8);
    }
}
