package org.nnx.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nnx.model.ExperimentPlan;
import org.nnx.model.RunPlan;
import org.nnx.model.SweptValues;
import org.nnx.train.ExperimentResult;
import org.nnx.train.RunResult;
import org.nnx.train.RunStatus;

class SummaryCsvTest {
    @Test
    void headerPutsSweptSettingsBetweenStatusAndResults() {
        assertEquals(
                List.of(
                        "run",
                        "status",
                        "a",
                        "b",
                        "train_accuracy",
                        "test_accuracy",
                        "loss",
                        "seconds",
                        "samples_per_second",
                        "reason"),
                SummaryCsv.header(List.of("a", "b")));
    }

    @Test
    void experimentWithoutSweepHasNoSweptColumns() throws IOException {
        RunPlan plan = new RunPlan("two_layer_net", SweptValues.NONE, SyntheticRuns.config(0.1, 10, 5));
        RunResult run = RunResult.builder(plan, RunStatus.OK)
                .metrics(List.of(SyntheticRuns.row(1, 0.5f, 0.5, 0.5)))
                .accuracies(0.5, 0.5)
                .loss(0.5)
                .seconds(1)
                .samplesPerSecond(100)
                .build();
        ExperimentResult result = new ExperimentResult(
                new ExperimentPlan("two_layer_net", "", Path.of("x.nnx"), List.of(plan), ""), List.of(run));
        String csv = SummaryCsv.toCsv(result);
        assertEquals("""
                run,status,train_accuracy,test_accuracy,loss,seconds,samples_per_second,reason
                two_layer_net,ok,0.5,0.5,0.5,1,100,
                """, csv);
        SummaryCsv.Summary summary = SummaryCsv.read(new StringReader(csv), "summary.csv");
        assertEquals(List.of(), summary.sweptSettings());
        assertEquals("two_layer_net", summary.rows().get(0).run());
    }

    @Test
    void aSweptSettingNamedLikeAResultColumnIsReadByPosition() throws IOException {
        Map<String, String> varying = new LinkedHashMap<>();
        varying.put("loss", "mse");
        RunPlan plan = new RunPlan("loss=mse", SweptValues.of(varying), SyntheticRuns.config(0.1, 10, 5));
        RunResult run = RunResult.builder(plan, RunStatus.STOPPED)
                .reason("interrupted")
                .accuracies(0.25, 0.75)
                .loss(1.5)
                .seconds(2)
                .samplesPerSecond(300)
                .build();
        ExperimentResult result = new ExperimentResult(
                new ExperimentPlan("losses", "", Path.of("x.nnx"), List.of(plan), ""), List.of(run));
        String csv = SummaryCsv.toCsv(result);
        assertTrue(csv.startsWith("run,status,loss,train_accuracy,test_accuracy,loss,"), csv);
        SummaryCsv.Row row =
                SummaryCsv.read(new StringReader(csv), "summary.csv").rows().get(0);
        assertEquals(Map.of("loss", "mse"), row.swept());
        assertEquals(RunStatus.STOPPED, row.status());
        assertEquals(1.5, row.loss());
        assertEquals(0.25, row.trainAccuracy());
        assertEquals(0.75, row.testAccuracy());
        assertEquals("interrupted", row.reason());
    }

    @Test
    void readsFilesWithoutTheReasonColumn() throws IOException {
        String csv = """
                run,status,lr,train_accuracy,test_accuracy,loss,seconds,samples_per_second
                lr=1,diverged,1,,,Infinity,0.25,10
                """;
        SummaryCsv.Row row =
                SummaryCsv.read(new StringReader(csv), "s.csv").rows().get(0);
        assertEquals(RunStatus.DIVERGED, row.status());
        assertTrue(Double.isNaN(row.testAccuracy()));
        assertEquals(Double.POSITIVE_INFINITY, row.loss());
        assertEquals("", row.reason());
    }

    @Test
    void reasonsWithCommasQuotesAndNewlinesSurvive() throws IOException {
        ExperimentResult handMade = SyntheticResults.handMade();
        RunResult first = handMade.runs().get(0);
        String reason = "failed: \"x\", then\ny";
        RunResult failed = RunResult.notRun(first.plan(), RunStatus.FAILED, reason);
        ExperimentResult result = new ExperimentResult(handMade.plan(), List.of(failed));
        SummaryCsv.Row row = SummaryCsv.read(new StringReader(SummaryCsv.toCsv(result)), "s.csv")
                .rows()
                .get(0);
        assertEquals(reason, row.reason());
        assertTrue(Double.isNaN(row.loss()));
    }

    @Test
    void unknownStatusNamesFileAndLine() {
        String csv = """
                run,status,train_accuracy,test_accuracy,loss,seconds,samples_per_second
                a,ok,0.5,0.5,0.5,1,1
                b,exploded,0.5,0.5,0.5,1,1
                """;
        CsvFormatException e = assertThrows(
                CsvFormatException.class, () -> SummaryCsv.read(new StringReader(csv), "out/x/summary.csv"));
        assertEquals(
                "out/x/summary.csv:3: status 'exploded' is not one of ok, diverged, stopped, failed, pruned, skipped",
                e.getMessage());
    }

    @Test
    void badNumberNamesColumnFileAndLine() {
        String csv = """
                run,status,train_accuracy,test_accuracy,loss,seconds,samples_per_second
                a,ok,0.5,high,0.5,1,1
                """;
        CsvFormatException e =
                assertThrows(CsvFormatException.class, () -> SummaryCsv.read(new StringReader(csv), "s.csv"));
        assertEquals("s.csv:2: test_accuracy 'high' is not a number", e.getMessage());
    }

    @Test
    void wrongHeaderIsReported() {
        CsvFormatException e = assertThrows(
                CsvFormatException.class, () -> SummaryCsv.read(new StringReader("run,status,accuracy\n"), "s.csv"));
        assertTrue(e.getMessage().startsWith("s.csv:1: missing the columns train_accuracy,"), e.getMessage());
        e = assertThrows(
                CsvFormatException.class, () -> SummaryCsv.read(new StringReader("iteration,epoch,loss\n"), "s.csv"));
        assertTrue(e.getMessage().startsWith("s.csv:1: the header must start with run,status"), e.getMessage());
    }

    @Test
    void formulaCellsAreNeutralisedAndReadBackAsWritten() throws IOException {
        assertEquals("'=HYPERLINK(\"http://x\")", CsvText.escape("=HYPERLINK(\"http://x\")"));
        assertEquals("'+1+2", CsvText.escape("+1+2"));
        assertEquals("'@SUM(A1)", CsvText.escape("@SUM(A1)"));
        assertEquals("'-x", CsvText.escape("-x"));
        assertEquals("-0.5", CsvText.escape("-0.5"), "numbers stay numbers");
        assertEquals("+1e-4", CsvText.escape("+1e-4"));
        assertEquals("''quoted", CsvText.escape("'quoted"));
        for (String cell : List.of("=1+1", "'quoted", "''", "-0.5", "plain", "@x", "'=x")) {
            assertEquals(cell, CsvText.unescape(CsvText.escape(cell)), cell);
        }
        RunPlan plan = new RunPlan(
                "=cmd|' /C calc'!A0", SweptValues.of(Map.of("act", "-relu")), SyntheticRuns.config(0.1, 10, 5));
        ExperimentResult result = new ExperimentResult(
                new ExperimentPlan("x", "", Path.of("x.nnx"), List.of(plan), ""),
                List.of(RunResult.notRun(plan, RunStatus.FAILED, "=2+3")));
        String csv = SummaryCsv.toCsv(result);
        assertTrue(csv.contains("\n'=cmd|' /C calc'!A0,failed,'-relu,"), csv);
        SummaryCsv.Row row =
                SummaryCsv.read(new StringReader(csv), "summary.csv").rows().get(0);
        assertEquals("=cmd|' /C calc'!A0", row.run());
        assertEquals(Map.of("act", "-relu"), row.swept());
        assertEquals("=2+3", row.reason());
    }

    @Test
    void aFileThatIsNotTextSaysWhereItStopsBeingText(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path file = dir.resolve("summary.csv");
        Files.write(file, new byte[] {'r', 'u', 'n', '\n', 'a', (byte) 0xC3, 0x28, '\n'});
        CsvFormatException failure =
                org.junit.jupiter.api.Assertions.assertThrows(CsvFormatException.class, () -> SummaryCsv.read(file));
        assertEquals(file + ":2: not UTF-8 text (byte 5 of the file is not part of a character)", failure.getMessage());
    }
}
