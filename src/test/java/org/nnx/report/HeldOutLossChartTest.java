package org.nnx.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.junit.jupiter.api.Test;
import org.nnx.train.MetricsRow;
import org.nnx.train.Provenance;
import org.nnx.train.RunResult;
import org.nnx.train.RunStatus;

class HeldOutLossChartTest {
    private static RunResult run(MetricsRow... rows) {
        return SyntheticRuns.result(
                SyntheticResults.handMade().runs().get(1).plan(),
                RunStatus.OK,
                "",
                List.of(rows),
                0.9,
                0.9,
                0.3,
                1,
                100,
                new Provenance(Map.of()));
    }

    private static MetricsRow evaluated(long iteration, double testLoss, double validationLoss) {
        return new MetricsRow(iteration, iteration / 10.0, Double.NaN, 0.5, 0.5, 0.5, validationLoss, testLoss, 1);
    }

    @Test
    void testAndValidationLossAtEachEvaluationFromIterationZero() {
        RunResult run = run(
                evaluated(0, 2.31, 2.32),
                new MetricsRow(1, 0.1, 2.2, Double.NaN, Double.NaN),
                evaluated(2, 1.2, 1.25),
                evaluated(4, 0.8, 0.9));
        HeldOutLossChart.HeldOutDataset dataset =
                HeldOutLossChart.createDataset(ChartLine.eachRun(List.of(run)), XAxisKind.ITERATION);
        assertTrue(dataset.hasValues());
        assertEquals(3, dataset.test().getItemCount(0), "one point per evaluation, none for the step between");
        assertEquals(0, dataset.test().getXValue(0, 0), "the evaluation before training comes first");
        assertEquals(2.31, dataset.test().getYValue(0, 0));
        assertEquals(0.8, dataset.test().getYValue(0, 2));
        assertEquals(0.9, dataset.validation().getYValue(0, 2));
        JFreeChart chart = HeldOutLossChart.createChart(dataset);
        assertEquals("Held-out loss per evaluation", chart.getTitle().getText());
        assertTrue(chart.getXYPlot().getRangeAxis() instanceof NumberAxis, "0.8 … 2.32: linear");
        assertEquals(
                "learning_rate=0.1,optimizer=sgd · iteration 0 · test loss 2.310",
                chart.getXYPlot().getRenderer(1).getDefaultToolTipGenerator().generateToolTip(dataset.test(), 0, 0));
    }

    @Test
    void runsWithoutHeldOutLossHaveNoChart() {
        HeldOutLossChart.HeldOutDataset dataset = HeldOutLossChart.createDataset(
                ChartLine.eachRun(SyntheticResults.handMade().runs()), XAxisKind.ITERATION);
        assertFalse(dataset.hasValues());
    }
}
