package org.nnx.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnx.train.MetricsRow;
import org.nnx.train.TensorDiagnostics;

/** The per-parameter columns at the end of metrics.csv. */
class ParameterColumnsTest {
    private static final double NAN = Double.NaN;

    private static final List<MetricsRow> ROWS = List.of(
            new MetricsRow(1, 0.5, 2.25, NAN, NAN),
            new MetricsRow(2, 1.0, 1.5, 0.5, 0.25)
                    .withParameters(List.of(
                            new TensorDiagnostics("1:dense.W", 0.0, 0.0),
                            new TensorDiagnostics("1:dense.b", 0.0, NAN),
                            new TensorDiagnostics("3:dense.W", 0.75, 0.125))));

    @Test
    void gradientNormsThenWeightChangesAfterEveryOtherColumnEmptyBetweenEvaluations() {
        assertEquals("""
                iteration,epoch,loss,train_accuracy,test_accuracy,test_loss,seconds,grad_norm:1:dense.W,grad_norm:1:dense.b,\
                grad_norm:3:dense.W,weight_change:1:dense.W,weight_change:1:dense.b,weight_change:3:dense.W
                1,0.5,2.25,,,,,,,,,,
                2,1,1.5,0.5,0.25,,,0,0,0.75,0,,0.125
                """, MetricsCsv.toCsv(ROWS).replace("\r\n", "\n"));
    }

    @Test
    void readBackAsWritten() throws IOException {
        List<MetricsRow> read = MetricsCsv.read(new StringReader(MetricsCsv.toCsv(ROWS)), "metrics.csv");
        assertEquals(List.of(), read.get(0).parameters());
        assertEquals(
                ROWS.get(1).parameters().toString(), read.get(1).parameters().toString());
    }

    @Test
    void aRunWithoutDiagnosticsHasNoSuchColumns() {
        assertEquals(
                "iteration,epoch,loss,train_accuracy,test_accuracy,test_loss,seconds",
                MetricsCsv.toCsv(ROWS.subList(0, 1)).lines().findFirst().orElseThrow());
    }
}
