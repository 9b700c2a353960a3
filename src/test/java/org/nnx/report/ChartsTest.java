package org.nnx.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.junit.jupiter.api.Test;
import org.nnx.train.ExperimentResult;
import org.nnx.train.MetricsRow;
import org.nnx.train.RunResult;
import org.nnx.train.RunStatus;

class ChartsTest {
    @Test
    void rendersHeadless() {
        LossChart.createChart(SyntheticResults.handMade().runs());
        assertTrue(GraphicsEnvironment.isHeadless());
    }

    @Test
    void lossDatasetSkipsNaNAndInfiniteLosses() {
        List<RunResult> runs = SyntheticResults.handMade().runs();
        LossChart.LossDataset dataset = LossChart.createDataset(runs);
        assertEquals(3, dataset.raw().getSeriesCount());
        assertEquals(3, dataset.raw().getItemCount(0), "the diverged run's NaN is left out");
        assertEquals(3.0, dataset.raw().getXValue(0, 2), "its curve ends at the last finite loss");
        assertEquals(4, dataset.raw().getItemCount(1));
        assertEquals(dataset.raw().getItemCount(0), dataset.smoothed().getItemCount(0));
        assertEquals("learning_rate=0.1,optimizer=adam", dataset.raw().getSeriesKey(2));
    }

    @Test
    void lossAxisIsLogarithmicOnlyWhenLossesSpanMoreThanTwoDecades() {
        List<RunResult> runs = SyntheticResults.handMade().runs();
        RunResult decades = run(
                "decades",
                List.of(
                        new MetricsRow(1, 0, 10, Double.NaN, Double.NaN),
                        new MetricsRow(2, 0, 1, Double.NaN, Double.NaN),
                        new MetricsRow(3, 0, 0.01, Double.NaN, Double.NaN)));
        assertInstanceOf(
                LogAxis.class,
                LossChart.createChart(List.of(decades)).getXYPlot().getRangeAxis(),
                "10 … 0.01 spans three decades");
        List<RunResult> calm = runs.subList(1, 3);
        assertInstanceOf(
                NumberAxis.class,
                LossChart.createChart(calm).getXYPlot().getRangeAxis(),
                "0.1 … 2.3 is less than two decades");
        RunResult withZero = run(
                "zero",
                List.of(
                        new MetricsRow(1, 0, 1000, Double.NaN, Double.NaN),
                        new MetricsRow(2, 0, 0, Double.NaN, Double.NaN)));
        assertFalse(
                LossChart.wantsLogScale(
                        LossChart.createDataset(List.of(withZero)).raw()),
                "a zero loss cannot be drawn on a log axis");
    }

    @Test
    void theLossAxisFitsTheRunsThatMatterAndMarksTheDivergentOne() {
        List<RunResult> runs = SyntheticResults.handMade().runs();
        JFreeChart chart = LossChart.createChart(runs);
        XYPlot plot = chart.getXYPlot();
        double highestOk = 2.3f;
        assertEquals(
                highestOk * (1 + LossChart.TOP_MARGIN),
                plot.getRangeAxis().getUpperBound(),
                1e-4,
                "the top fits the ok runs' highest loss, not the diverging run's 3.5e9");
        assertInstanceOf(NumberAxis.class, plot.getRangeAxis(), "0.1 … 2.4 is less than two decades");
        List<TopEdgeMarker> markers = plot.getAnnotations().stream()
                .filter(TopEdgeMarker.class::isInstance)
                .map(TopEdgeMarker.class::cast)
                .toList();
        assertEquals(1, markers.size(), "one run left the top");
        assertEquals(
                "learning_rate=10,optimizer=sgd · left the top at iteration 2",
                markers.get(0).getToolTipText(),
                "the marker names the run and where it left");
        String subtitle = ((org.jfree.chart.title.TextTitle) chart.getSubtitle(1)).getText();
        assertTrue(
                subtitle.contains("▲ left the top: learning_rate=10,optimizer=sgd"),
                "the subtitle names it: " + subtitle);
    }

    @Test
    void noRunIsCutWhenEveryCurveFits() {
        List<RunResult> runs = SyntheticResults.handMade().runs().subList(1, 3);
        assertTrue(
                Double.isNaN(LossChart.ceiling(LossChart.createDataset(runs))),
                "two ok runs: the axis is JFreeChart's own");
        assertTrue(LossChart.createChart(runs).getXYPlot().getAnnotations().isEmpty(), "and nothing is marked");
    }

    @Test
    void repeatsAreOneLineWithAMeanAndABand() {
        List<RunResult> runs = SyntheticResults.repeats(200).runs();
        ChartLine first = new ChartLine("lr 0.1", RunColors.of(0), false, runs.subList(0, 3));
        ChartLine second = new ChartLine("lr 0.05", RunColors.of(1), false, runs.subList(3, 6));
        AccuracyChart.AccuracyDataset dataset =
                AccuracyChart.createDataset(List.of(first, second), XAxisKind.ITERATION);
        assertEquals(2, dataset.test().getSeriesCount());
        int last = dataset.test().getItemCount(0) - 1;
        double[] finals =
                runs.subList(0, 3).stream().mapToDouble(RunResult::testAccuracy).toArray();
        assertEquals(WelchTest.mean(finals), dataset.test().getYValue(0, last), 1e-12);
        assertEquals(
                WelchTest.mean(finals) + WelchTest.standardDeviation(finals),
                dataset.test().getEndYValue(0, last),
                1e-12);
        assertTrue(first.isMean());
    }

    @Test
    void faintLinesAreDrawnFirstAndGrey() {
        List<RunResult> runs = SyntheticResults.small().runs();
        List<ChartLine> lines = List.of(
                new ChartLine("a", RunColors.of(0), false, List.of(runs.get(0))),
                new ChartLine("b", ChartStyle.FAINT, true, List.of(runs.get(1))));
        LossChart.LossDataset dataset = LossChart.createDataset(lines, XAxisKind.ITERATION);
        assertEquals("b", dataset.smoothed().getSeriesKey(0), "faint first, under the others");
        assertEquals(0, dataset.raw().getItemCount(0), "no raw noise for a faint line");
        XYPlot plot = LossChart.createChart(dataset, runs).getXYPlot();
        assertEquals(ChartStyle.FAINT_LINE, plot.getRenderer(1).getSeriesPaint(0));
        assertEquals("1 other line (grey)", plot.getFixedLegendItems().get(1).getLabel());
    }

    @Test
    void tooltipsBecomeEscapedSvgTitlesOnTheirRunsPoints() {
        RunResult evil = run("<b>x</b>", SyntheticResults.small().runs().get(1).metrics());
        String svg = ChartSvg.render(
                LossChart.createChart(ChartLine.eachRun(List.of(evil)), XAxisKind.ITERATION),
                ChartImages.WIDTH,
                300,
                "chart-1",
                "Loss");
        assertTrue(svg.startsWith("<svg "), svg.substring(0, 60));
        assertTrue(svg.contains("viewBox=\"0 0 900 300\""), svg.substring(0, 300));
        assertTrue(svg.contains("id=\"chart-1\""));
        int areas = svg.split("<title>", -1).length - 1;
        assertTrue(areas >= ChartTooltips.MIN_AREAS_PER_SERIES && areas <= 200 + 5, "areas: " + areas);
        assertTrue(
                Pattern.compile("data-run=\"&lt;b&gt;x&lt;/b&gt;\"[^>]*><title>&lt;b&gt;x&lt;/b&gt; · iteration ")
                        .matcher(svg)
                        .find(),
                svg.substring(svg.indexOf("<g class=\"hover\""), svg.indexOf("<g class=\"hover\"") + 300));
        assertFalse(svg.contains("<b>"));
        // The raw and the smoothed curve both belong to the run, so hiding it hides both.
        assertTrue(
                Pattern.compile("<path [^>]*data-run=\"&lt;b&gt;x&lt;/b&gt;\"")
                                .matcher(svg)
                                .results()
                                .count()
                        >= 2,
                "the run's curves are tagged");
        // Clip paths are named after the chart, so two charts on one page do not share them.
        assertTrue(svg.contains("id=\"chart-1-clipPath"), "ids prefixed");
    }

    @Test
    void eachRunKeepsItsColourInBothCharts() {
        List<RunResult> runs = SyntheticResults.handMade().runs();
        XYPlot loss = LossChart.createChart(runs).getXYPlot();
        XYPlot accuracy = AccuracyChart.createChart(runs).getXYPlot();
        for (int i = 0; i < runs.size(); i++) {
            assertEquals(RunColors.of(i), opaque(loss.getRenderer(1), i), "smoothed loss");
            assertEquals(RunColors.of(i), opaque(loss.getRenderer(0), i), "raw loss, faint");
            assertEquals(RunColors.of(i), accuracy.getRenderer(0).getSeriesPaint(i), "train");
            assertEquals(RunColors.of(i), accuracy.getRenderer(2).getSeriesPaint(i), "test");
            assertEquals(runs.get(i).name(), loss.getFixedLegendItems().get(i).getLabel());
        }
        assertTrue(((Color) loss.getRenderer(0).getSeriesPaint(0)).getAlpha() < 128, "raw loss is faint");
        assertTrue(
                ((BasicStroke) accuracy.getRenderer(0).getSeriesStroke(0)).getDashArray() != null, "train is dashed");
        assertTrue(((BasicStroke) accuracy.getRenderer(2).getSeriesStroke(0)).getDashArray() == null, "test is solid");
    }

    @Test
    void accuracyDatasetHasOnlyEvaluatedIterationsAndAUnitRange() {
        List<RunResult> runs = SyntheticResults.handMade().runs();
        AccuracyChart.AccuracyDataset dataset = AccuracyChart.createDataset(runs);
        assertEquals(2, dataset.test().getItemCount(1));
        assertEquals(2.0, dataset.test().getXValue(1, 0));
        assertEquals(0.9125, dataset.test().getYValue(1, 1));
        assertEquals(0.9235, dataset.train().getYValue(1, 1));
        NumberAxis axis = (NumberAxis)
                AccuracyChart.createChart(dataset, runs).getXYPlot().getRangeAxis();
        assertEquals(0, axis.getLowerBound());
        assertEquals(1, axis.getUpperBound());
    }

    @Test
    void accuracyAxisFitsSeveralLeadersOverTheLaterHalfOfTraining() {
        List<RunResult> runs =
                new java.util.ArrayList<>(SyntheticResults.sweep80(200).runs());
        runs.sort(java.util.Comparator.comparingDouble(RunResult::testAccuracy).reversed());
        List<ChartLine> lines = new java.util.ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            RunResult run = runs.get(i);
            lines.add(new ChartLine(run.plan().name(), RunColors.of(i), i >= 5, List.of(run)));
        }
        AccuracyChart.AccuracyDataset dataset = AccuracyChart.createDataset(lines, XAxisKind.ITERATION);
        NumberAxis axis = (NumberAxis)
                AccuracyChart.createChart(dataset, runs).getXYPlot().getRangeAxis();

        double best = runs.get(0).testAccuracy();
        double fifth = runs.get(4).testAccuracy();
        assertTrue(axis.getLowerBound() > 0.5, "fitted to the leaders, not from 0 %: " + axis.getRange());
        assertTrue(axis.getLowerBound() < fifth && best < axis.getUpperBound(), "the leaders' finals inside the axis");
        assertTrue(axis.getUpperBound() <= 1, "never above 100 %");
        assertTrue(
                axis.getUpperBound() - axis.getLowerBound() < 0.6,
                "leaders " + fifth + " to " + best + " spread over the axis: " + axis.getRange());

        List<ChartLine> one = List.of(lines.get(0));
        NumberAxis single = (NumberAxis)
                AccuracyChart.createChart(AccuracyChart.createDataset(one, XAxisKind.ITERATION), List.of(runs.get(0)))
                        .getXYPlot()
                        .getRangeAxis();
        assertEquals(0, single.getLowerBound(), "one run keeps its whole climb in view");
        assertEquals(1, single.getUpperBound());
    }

    @Test
    void exponentialMovingAverageIsBiasCorrected() {
        assertArrayEquals(new double[] {4, 4, 4}, Smoothing.exponentialMovingAverage(new double[] {4, 4, 4}, 9), 1e-12);
        assertArrayEquals(new double[] {1, 2, 3}, Smoothing.exponentialMovingAverage(new double[] {1, 2, 3}, 1), 1e-12);
        double[] smoothed = Smoothing.exponentialMovingAverage(new double[] {0, 10}, 3);
        assertEquals(0, smoothed[0]);
        assertEquals(10 * 0.5 / (1 - 0.25), smoothed[1], 1e-12);
        assertEquals(1, Smoothing.span(10));
        assertEquals(200, Smoothing.span(1_000_000));
    }

    @Test
    void pngsHaveTheRequestedSize() throws IOException {
        ExperimentResult result = SyntheticResults.small();
        JFreeChart chart = AccuracyChart.createChart(result.runs());
        BufferedImage plain = ImageIO.read(new ByteArrayInputStream(ChartImages.toPng(chart, 900, 420)));
        assertNotNull(plain);
        assertEquals(900, plain.getWidth());
        assertEquals(420, plain.getHeight());
        assertEquals(0xffffff, plain.getRGB(2, 2) & 0xffffff, "white background");
        BufferedImage sharp = ImageIO.read(new ByteArrayInputStream(ChartImages.toReportPng(chart)));
        assertEquals(ChartImages.WIDTH * ChartImages.SCALE, sharp.getWidth());
    }

    @Test
    void runsWithoutDataStillRender() throws IOException {
        List<RunResult> runs = List.of(run("nothing", List.of()));
        for (JFreeChart chart : List.of(
                LossChart.createChart(runs),
                AccuracyChart.createChart(runs),
                LossChart.createChart(List.of()),
                AccuracyChart.createChart(List.of()))) {
            assertNotNull(ImageIO.read(new ByteArrayInputStream(ChartImages.toPng(chart, 300, 200))));
        }
    }

    @Test
    void runsWithTheSameNameGetDistinctSeries() {
        RunResult a = run("same", List.of(new MetricsRow(1, 0, 1, 0.5, 0.5)));
        LossChart.LossDataset dataset = LossChart.createDataset(List.of(a, a));
        assertEquals("same", dataset.raw().getSeriesKey(0));
        assertEquals("same (2)", dataset.raw().getSeriesKey(1));
    }

    @Test
    void coloursAreDistinctAndStable() {
        assertEquals("#1f77b4", RunColors.hex(0));
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            assertTrue(seen.add(RunColors.of(i).getRGB()), "colour " + i);
            assertEquals(RunColors.of(i), RunColors.of(i));
        }
    }

    private static Color opaque(XYItemRenderer renderer, int series) {
        Color colour = (Color) renderer.getSeriesPaint(series);
        return new Color(colour.getRed(), colour.getGreen(), colour.getBlue());
    }

    private static RunResult run(String name, List<MetricsRow> rows) {
        return RunResult.builder(
                        new org.nnx.model.RunPlan(
                                name, org.nnx.model.SweptValues.NONE, SyntheticRuns.config(0.1, 2, 1)),
                        RunStatus.OK)
                .metrics(rows)
                .build();
    }
}
