package org.nnx.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nnx.train.MetricsRow;

class MetricsCsvTest {
    private static final double NAN = Double.NaN;

    @Test
    void writesCompactNumbers() {
        String csv = MetricsCsv.toCsv(List.of(
                new MetricsRow(1, 1.0 / 3, 0.1f, NAN, NAN),
                new MetricsRow(2, 2.0, 0.1, 0.5, 1.0),
                new MetricsRow(3, 3.0, 1e-5f, 0.25, 0.0),
                new MetricsRow(4, 4.0, Double.POSITIVE_INFINITY, NAN, 0.9)));
        assertEquals("""
                iteration,epoch,loss,train_accuracy,test_accuracy,test_loss,seconds
                1,0.3333,0.1,,,,
                2,2,0.1,0.5,1,,
                3,3,1E-5,0.25,0,,
                4,4,Infinity,,0.9,,
                """, csv);
    }

    @Test
    void theEvaluationBeforeTrainingIsTheFirstRowWithNoLoss() throws IOException {
        List<MetricsRow> rows = List.of(
                new MetricsRow(0, 0, NAN, 0.1, 0.0975, NAN, NAN, 2.3125, 0.25),
                new MetricsRow(1, 0.5, 2.25, NAN, NAN, NAN, NAN, NAN, 0.5));
        String csv = MetricsCsv.toCsv(rows);
        assertEquals("""
                iteration,epoch,loss,train_accuracy,test_accuracy,test_loss,seconds
                0,0,,0.1,0.0975,2.3125,0.25
                1,0.5,2.25,,,,0.5
                """, csv);
        List<MetricsRow> read = MetricsCsv.read(new StringReader(csv), "memory");
        assertEquals(0, read.get(0).iteration());
        assertTrue(Double.isNaN(read.get(0).loss()), "no mini-batch yet");
        assertTrue(read.get(0).evaluated());
        assertEquals(0.0975, read.get(0).testAccuracy());
        assertEquals(2.3125, read.get(0).testLoss());
        assertEquals(
                "NaN",
                MetricsCsv.fields(new MetricsRow(5, 1, NAN, NAN, NAN), false).get(2),
                "a later NaN loss is a diverged one, and says so");
    }

    @Test
    void theTestLossAtEachEvaluationAndTheSecondsIntoTheRunComeLast() throws IOException {
        List<MetricsRow> rows = List.of(
                new MetricsRow(1, 0.5, 2.25, NAN, NAN, NAN, NAN, NAN, 0.0126),
                new MetricsRow(2, 1, 1.5, 0.5, 0.25, 0.3, 1.75, 1.625, 1.5));
        String csv = MetricsCsv.toCsv(rows);
        assertEquals("""
                iteration,epoch,loss,train_accuracy,test_accuracy,validation_accuracy,validation_loss,test_loss,seconds
                1,0.5,2.25,,,,,,0.013
                2,1,1.5,0.5,0.25,0.3,1.75,1.625,1.5
                """, csv);
        List<MetricsRow> read = MetricsCsv.read(new StringReader(csv), "memory");
        assertEquals(1.625, read.get(1).testLoss());
        assertEquals(1.5, read.get(1).seconds());
        assertEquals(0.013, read.get(0).seconds(), "milliseconds kept");
        assertTrue(Double.isNaN(read.get(0).testLoss()), "no evaluation, no test loss");
        List<MetricsRow> older = MetricsCsv.read(
                new StringReader("iteration,epoch,loss,train_accuracy,test_accuracy\n1,0.5,2.25,,\n"), "old.csv");
        assertTrue(
                Double.isNaN(older.get(0).testLoss())
                        && Double.isNaN(older.get(0).seconds()),
                "older files read");
    }

    @Test
    void doubleValuesRoundTripExactly() throws IOException {
        List<MetricsRow> rows = List.of(
                new MetricsRow(1, 0.0125, 2.302585092994046, 0.1234567890123, 0.9876543210987),
                new MetricsRow(2, 0.025, 1e-300, NAN, 1.0 / 3),
                new MetricsRow(3, 0.0375, NAN, NAN, NAN),
                new MetricsRow(4, 0.05, Double.NEGATIVE_INFINITY, NAN, NAN));
        assertEquals(rows, MetricsCsv.read(new StringReader(MetricsCsv.toCsv(rows)), "memory"));
    }

    @Test
    void floatValuesRoundTripAsTheSameFloat() throws IOException {
        float[] losses = {0.1f, 2.3025851f, 1.17549435E-38f, 3.4028235E38f, 1e-7f, 123456.79f};
        List<MetricsRow> rows = new ArrayList<>();
        for (int i = 0; i < losses.length; i++) {
            rows.add(new MetricsRow(i + 1, i, losses[i], NAN, NAN));
        }
        List<MetricsRow> read = MetricsCsv.read(new StringReader(MetricsCsv.toCsv(rows)), "memory");
        for (int i = 0; i < losses.length; i++) {
            assertEquals(losses[i], (float) read.get(i).loss());
        }
    }

    @Test
    void writesAndReadsFiles(@TempDir Path temp) throws IOException {
        List<MetricsRow> rows = List.of(new MetricsRow(1, 0.5, 0.75, 0.5, 0.25));
        Path file = temp.resolve("metrics.csv");
        MetricsCsv.write(rows, file);
        assertEquals(rows, MetricsCsv.read(file));
    }

    @Test
    void readsColumnsInAnyOrderAndIgnoresExtraOnes() throws IOException {
        String csv = """
                loss,iteration,validation_loss,epoch,test_accuracy,learning_rate,train_accuracy,validation_accuracy
                0.5,7,0.6,0.7,0.8,0.1,0.9,0.85
                """;
        assertEquals(
                List.of(new MetricsRow(7, 0.7, 0.5, 0.9, 0.8, 0.85, 0.6)),
                MetricsCsv.read(new StringReader(csv), "m.csv"));
    }

    @Test
    void writesValidationColumnsOnlyForARunWithAValidationSet() throws IOException {
        List<MetricsRow> withValidation = List.of(
                new MetricsRow(1, 0.5, 2.25, NAN, NAN, NAN, NAN), new MetricsRow(2, 1.0, 1.5, 0.5, 0.25, 0.375, 1.75));
        String csv = MetricsCsv.toCsv(withValidation);
        assertEquals("""
                iteration,epoch,loss,train_accuracy,test_accuracy,validation_accuracy,validation_loss,test_loss,seconds
                1,0.5,2.25,,,,,,
                2,1,1.5,0.5,0.25,0.375,1.75,,
                """, csv);
        assertEquals(withValidation, MetricsCsv.read(new StringReader(csv), "m.csv"));
        assertTrue(MetricsCsv.toCsv(List.of(new MetricsRow(1, 1, 1, 0.5, 0.5)))
                .startsWith("iteration,epoch,loss,train_accuracy,test_accuracy,test_loss,seconds\n"));
    }

    @Test
    void toleratesCrLfAndAByteOrderMark() throws IOException {
        String csv = "\uFEFFiteration,epoch,loss,train_accuracy,test_accuracy\r\n1,0.5,2,,\r\n";
        assertEquals(List.of(new MetricsRow(1, 0.5, 2, NAN, NAN)), MetricsCsv.read(new StringReader(csv), "m.csv"));
    }

    @Test
    void malformedNumberNamesFileAndLine() {
        String csv = """
                iteration,epoch,loss,train_accuracy,test_accuracy
                1,0.1,2.3,,
                2,0.2,abc,,
                """;
        CsvFormatException e = readFailure(csv, "runs/a/metrics.csv");
        assertEquals("runs/a/metrics.csv:3: loss 'abc' is not a number", e.getMessage());
        assertEquals(3, e.line());
        assertEquals("runs/a/metrics.csv", e.file());
    }

    /** Each bad file, and the one-line message that names where and what. */
    static Stream<Arguments> badFiles() {
        String header = "iteration,epoch,loss,train_accuracy,test_accuracy";
        return Stream.of(
                Arguments.of(
                        "Java-only number syntax", header + "\n1,0.1,2d,,\n", "m.csv:2: loss '2d' is not a number"),
                Arguments.of(
                        "a fractional iteration",
                        header + "\n1.5,0.1,2,,\n",
                        "m.csv:2: iteration '1.5' is not a whole number"),
                Arguments.of(
                        "a wrong field count after a multi-line field",
                        header + ",note\n1,0.1,2,,,\"two\nlines\"\n2,0.2,2,,\n",
                        "m.csv:4: expected 6 fields as in the header, found 5"),
                Arguments.of(
                        "a missing column",
                        "iteration,epoch,train_accuracy,test_accuracy\n1,0.1,,\n",
                        "m.csv:1: missing column 'loss'; expected the header " + header));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void badFilesAreReportedWithTheirLine(String what, String csv, String message) {
        assertEquals(message, readFailure(csv, "m.csv").getMessage());
    }

    @Test
    void emptyFileIsReported(@TempDir Path temp) throws IOException {
        Path file = Files.writeString(temp.resolve("metrics.csv"), "");
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> MetricsCsv.read(file));
        assertTrue(e.getMessage().startsWith(file + ": empty file"), e.getMessage());
    }

    @Test
    void brokenQuoteIsReported() {
        String csv = "iteration,epoch,loss,train_accuracy,test_accuracy\n1,0.1,\"2,,\n";
        CsvFormatException e = readFailure(csv, "m.csv");
        assertTrue(e.getMessage().startsWith("m.csv:"), e.getMessage());
        assertTrue(e.getMessage().contains("not valid CSV"), e.getMessage());
    }

    private static CsvFormatException readFailure(String csv, String source) {
        return assertThrows(CsvFormatException.class, () -> MetricsCsv.read(new StringReader(csv), source));
    }
}
