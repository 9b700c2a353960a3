package org.nnx.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.junit.jupiter.api.Test;
import org.nnx.model.ExperimentPlan;
import org.nnx.model.RunPlan;
import org.nnx.model.SweptValues;
import org.nnx.train.ExperimentResult;
import org.nnx.train.MetricsRow;
import org.nnx.train.RunResult;
import org.nnx.train.RunStatus;
import org.nnx.train.TensorDiagnostics;

/** The report's section of gradients and weight changes by layer. */
class ParameterSectionTest {
    /** Evaluations at 50 and 100; the first layer's gradient is {@code firstLayerGradient} at both. */
    private static RunResult run(String layer, double firstLayerGradient, double accuracy) {
        List<MetricsRow> rows = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            MetricsRow row = SyntheticRuns.row(
                    i, 2.3f - i * 0.01f, i % 50 == 0 ? accuracy : Double.NaN, i % 50 == 0 ? accuracy : Double.NaN);
            if (i % 50 == 0) {
                row = row.withParameters(List.of(
                        new TensorDiagnostics("1:dense.W", firstLayerGradient, firstLayerGradient / 10),
                        new TensorDiagnostics("3:dense.W", 0.5 / i, 0.01)));
            }
            rows.add(row);
        }
        RunPlan plan = new RunPlan(
                "layer[2]=" + layer, SweptValues.of(Map.of("layer[2]", layer)), SyntheticRuns.config(0.1, 100, 50));
        return RunResult.builder(plan, RunStatus.OK)
                .metrics(rows)
                .accuracies(accuracy, accuracy)
                .loss(1.3)
                .seconds(1)
                .samplesPerSecond(1)
                .build();
    }

    private static ExperimentResult experiment(RunResult... runs) {
        return new ExperimentResult(
                new ExperimentPlan(
                        "x",
                        "",
                        null,
                        List.of(runs).stream().map(RunResult::plan).toList(),
                        ""),
                List.of(runs));
    }

    @Test
    void aTensorWhoseGradientIsAlwaysZeroIsNamedNotDrawn() {
        RunResult step = run("step", 0.0, 0.2);
        ParameterChart.ParameterDataset data = ParameterChart.createDataset(step);
        assertEquals(List.of("1:dense.W"), data.neverMoved());
        assertEquals(0, data.gradientNorms().getItemCount(0), "0 has no place on a log scale");
        assertEquals(2, data.gradientNorms().getItemCount(1));
        assertEquals(0.005, data.gradientNorms().getY(1, 1).doubleValue(), 0.0);
        assertEquals(0.01, data.weightChanges().getY(1, 0).doubleValue(), 0.0);
        JFreeChart chart = ParameterChart.createChart(data, step, "By layer");
        XYPlot plot = chart.getXYPlot();
        assertTrue(plot.getRangeAxis(0) instanceof LogAxis);
        assertTrue(plot.getRangeAxis(1) instanceof LogAxis);
        String subtitle = ((TextTitle) chart.getSubtitle(1)).getText();
        assertTrue(subtitle.endsWith("gradient 0 at every evaluation, so never moved: 1:dense.W"), subtitle);

        ParameterChart.ParameterDataset sigmoid = ParameterChart.createDataset(run("sigmoid", 0.03, 0.9));
        assertEquals(List.of(), sigmoid.neverMoved());
        assertEquals(2, sigmoid.gradientNorms().getItemCount(0));
    }

    @Test
    void theSectionShowsEveryRunBestFirst() {
        String html = HtmlReportTest.page(experiment(run("step", 0.0, 0.2), run("sigmoid", 0.03, 0.9)));
        int section = html.indexOf("Gradients and weight changes by layer");
        assertTrue(section > 0);
        int sigmoid = html.indexOf("every parameter tensor of layer[2]=sigmoid\"", section);
        int step = html.indexOf("every parameter tensor of layer[2]=step\"", section);
        assertTrue(sigmoid > 0 && step > sigmoid, "both, the best first");
        assertTrue(html.contains("grad_norm:&lt;tensor&gt;"), "escaped");
    }

    @Test
    void noSectionForRunsWithoutDiagnostics() {
        RunResult plain = RunResult.builder(
                        new RunPlan("a", SweptValues.NONE, SyntheticRuns.config(0.1, 2, 1)), RunStatus.OK)
                .metrics(List.of(SyntheticRuns.row(1, 2.3f, 0.1, 0.1), SyntheticRuns.row(2, 2.2f, 0.2, 0.2)))
                .accuracies(0.2, 0.2)
                .loss(2.2)
                .seconds(1)
                .samplesPerSecond(1)
                .build();
        assertFalse(HtmlReportTest.page(experiment(plain)).contains("Gradients and weight changes by layer"));
    }
}
