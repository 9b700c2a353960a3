package org.nnx.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.Tick;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;
import org.nnx.model.ExperimentPlan;
import org.nnx.model.RunPlan;
import org.nnx.model.SweptValues;
import org.nnx.train.ExperimentResult;
import org.nnx.train.RunResult;

/** {@code nnx compare}: runs keep their colours, settings line up by value, unswept settings are shown. */
class ComparisonTest {
    @Test
    void sweptNumbersAreOrderedAsNumbersNotAsTextNorByFirstAppearance() {
        assertEquals(
                List.of("0.0001", "0.001", "0.01", "0.1", "1", "10"),
                SettingValues.ordered(List.of("0.001", "0.01", "0.1", "0.0001", "1", "10")));
        assertEquals(List.of("1e-3", "0.5", "2", ""), SettingValues.ordered(List.of("2", "", "0.5", "1e-3")));
        assertEquals(List.of("sgd", "momentum", "adam"), SettingValues.ordered(List.of("sgd", "momentum", "adam")));
    }

    @Test
    void theComparisonsLearningRateAxisRunsInNumericOrder() {
        ReportModel model = comparison(SyntheticResults.issueLearningRates(100), singleRun("0.0001"));
        SymbolAxis axis = learningRateAxis(model);
        assertEquals(
                List.of("0.0001", "0.001", "0.01", "0.1", "1", "10"), Arrays.asList(axis.getSymbols()), "no zig-zag");
    }

    @Test
    void aSettingAnotherExperimentDidNotSweepShowsTheValueItsRunsTook() {
        ReportModel model = comparison(SyntheticResults.issueLearningRates(100), singleRun("0.1"));
        ReportedRun single = model.runs.get(model.runs.size() - 1);
        assertEquals("0.1", single.swept.get("learning_rate"), "read from its configuration, not blank");
        assertFalse(Arrays.asList(learningRateAxis(model).getSymbols()).contains(""), "no unlabelled tick");
        assertEquals("0.1", FixedSetting.valueOf("    learning_rate 0.1   // a comment\n", "learning_rate"));
        assertEquals("", FixedSetting.valueOf("    learning_rate 10 | 1\n", "learning_rate"), "a sweep is no value");
        assertEquals("", FixedSetting.valueOf("    batch_size 100\n", "learning_rate"));
    }

    @Test
    void aRunKeepsItsColourFromItsOwnReportIntoAComparison() {
        ExperimentResult sweep = SyntheticResults.issueLearningRates(100);
        ExperimentResult single = singleRun("0.1");
        ReportModel own = ReportModel.of(new ReportedExperiment(sweep, ""));
        ReportModel ownSingle = ReportModel.of(new ReportedExperiment(single, ""));
        for (ReportModel model : List.of(comparison(sweep, single), comparison(single, sweep))) {
            for (ReportedRun run : model.runs) {
                ReportModel alone = run.experiment.result() == sweep ? own : ownSingle;
                ReportedRun there = alone.runs.stream()
                        .filter(r -> r.result == run.result)
                        .findFirst()
                        .orElseThrow();
                if (run.experiment.result() == model.experiments.get(0).result()) {
                    assertEquals(there.colour(), run.colour(), run.label + ": the first experiment keeps its colours");
                }
            }
            long distinct = model.groups.stream().map(g -> g.colour).distinct().count();
            assertEquals(model.groups.size(), distinct, "no two configurations share a colour");
        }
    }

    @Test
    void everyTickLabelOfASettingIsDrawnEvenInANarrowPanel() {
        List<String> optimizers = List.of("sgd", "momentum", "adagrad", "rmsprop", "adam");
        SymbolAxis axis = SettingsChart.settingAxis("optimizer", optimizers, 200);
        BufferedImage image = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        List<? extends Tick> ticks =
                axis.refreshTicks(g2, new AxisState(), new Rectangle2D.Double(0, 0, 200, 150), RectangleEdge.BOTTOM);
        g2.dispose();
        List<String> labels = new ArrayList<>();
        ticks.forEach(t -> labels.add(t.getText()));
        assertTrue(labels.containsAll(optimizers), "drawn: " + labels);
    }

    private static SymbolAxis learningRateAxis(ReportModel model) {
        List<SettingsChart.Dot> dots = model.runs.stream()
                .map(r -> new SettingsChart.Dot(r.label, r.swept, r.finalTestAccuracy(), r.colour(), false, true))
                .toList();
        JFreeChart chart = SettingsChart.createChart(List.of("learning_rate"), dots, "t");
        XYPlot panel =
                (XYPlot) ((CombinedRangeXYPlot) chart.getPlot()).getSubplots().get(0);
        return (SymbolAxis) panel.getDomainAxis();
    }

    private static ReportModel comparison(ExperimentResult... results) {
        return new ReportModel(
                Arrays.stream(results).map(r -> new ReportedExperiment(r, "")).toList(), true);
    }

    /** An experiment of one run, its learning rate fixed in its configuration. */
    private static ExperimentResult singleRun(String learningRate) {
        String settings = """
                experiment two_layer_net {
                    dataset mnist
                    learning_rate %s
                    batch_size 100
                }
                """.formatted(learningRate);
        RunPlan plan = new RunPlan(
                "two_layer_net",
                SweptValues.of(Map.of()),
                SyntheticRuns.config(Double.parseDouble(learningRate), 100, 10),
                "two_layer_net",
                settings);
        RunResult run = SyntheticResults.issueLearningRates(100).runs().get(2);
        RunResult result = RunResult.builder(plan, run.status())
                .metrics(run.metrics())
                .accuracies(run.trainAccuracy(), run.testAccuracy())
                .loss(run.loss())
                .seconds(1)
                .samplesPerSecond(1)
                .build();
        return new ExperimentResult(
                new ExperimentPlan("two_layer_net", "", Path.of("two.nnx"), List.of(plan), settings), List.of(result));
    }
}
