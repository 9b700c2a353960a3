package org.nnx.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GraphicsEnvironment;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.VectorSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.nnx.model.GradientArrows;
import org.nnx.model.ObjectiveRun;
import org.nnx.report.geometry.PlotWindow;
import org.nnx.train.ObjectiveResult;
import org.nnx.train.RunStatus;

class ObjectiveChartsTest {
    private final List<ObjectiveResult> bowl = ObjectiveReportTest.bowlResults();

    @Test
    void twoVariablesGiveAContourAroundTheOkPathsAndTheStart() {
        Landscape.Contour contour = assertInstanceOf(
                Landscape.Contour.class,
                ObjectiveCharts.createLandscapeDataset(bowl).orElseThrow());
        PlotWindow window = contour.window();
        for (ObjectiveResult result : bowl.subList(0, 2)) {
            for (double[] p : result.points()) {
                assertTrue(window.contains(p[0], p[1]), "ok path inside: " + p[0] + ", " + p[1]);
            }
        }
        assertTrue(window.minX() < -3 && window.maxY() > 4, "the start, with a margin");
        assertTrue(window.maxX() < 100 && window.minY() > -100, "the diverged run's far points are not in the window");
        // One unit as long on both axes, so the bowl's rings are round.
        double aspect = window.width() / window.height();
        assertEquals(ObjectiveCharts.LANDSCAPE_WIDTH - 90.0, (ObjectiveCharts.LANDSCAPE_HEIGHT - 150.0) * aspect, 1e-6);
    }

    @Test
    void aDivergedPathIsDrawnUntilItLeavesTheWindow() {
        Landscape.Contour contour =
                (Landscape.Contour) ObjectiveCharts.createLandscapeDataset(bowl).orElseThrow();
        XYSeries jump = contour.runs().paths().getSeries(2);
        assertEquals(2, jump.getItemCount(), "the start and where step 1 crosses the edge");
        double x = jump.getX(1).doubleValue();
        double y = jump.getY(1).doubleValue();
        assertEquals(contour.window().minY(), y, 1e-9, "leaves through the bottom");
        // Still on the line from the start [-3, 4] towards step 1 (57, -76): direction (3, -4).
        assertEquals(-4.0 / 3, (y - 4) / (x + 3), 1e-9);
        RunPaths.PathEnd end = contour.runs().ends().get(2);
        assertTrue(end.leftTheWindow());
        assertFalse(contour.runs().ends().get(0).leftTheWindow());
        assertEquals(101, contour.runs().paths().getSeries(0).getItemCount(), "an ok run keeps every step");
        assertEquals(1, contour.runs().starts().getItemCount(0), "the runs share one start");
    }

    @Test
    void theFieldPointsDownhillWithArrowsAsLongAsTheGradientTheLongestAboutACell() {
        Landscape.Contour contour =
                (Landscape.Contour) ObjectiveCharts.createLandscapeDataset(bowl).orElseThrow();
        double longest = 0;
        for (double[] arrow : arrowsInCells(contour)) {
            // −∇(x0² + x1²) = −2x: it points at the centre and its length follows the distance to it.
            assertEquals(1, arrow[4], 1e-3, "points at the minimum");
            longest = Math.max(longest, arrow[2]);
        }
        double perDistance = longest / maxDistance(contour);
        for (double[] arrow : arrowsInCells(contour)) {
            assertEquals(perDistance * arrow[3], arrow[2], 1e-9, "length in cells follows |∇f|");
        }
        assertEquals(ContourChart.LONGEST_ARROW, longest, 1e-9);
    }

    @Test
    void unitArrowsAreAllOneLength() {
        List<ObjectiveResult> unit = bowl.stream()
                .map(r -> new ObjectiveResult(
                        withArrows(r.run(), GradientArrows.UNIT),
                        r.status(),
                        r.reason(),
                        r.points(),
                        r.values(),
                        r.seconds(),
                        r.gradient(),
                        r.numericalGradient()))
                .toList();
        Landscape.Contour contour =
                (Landscape.Contour) ObjectiveCharts.createLandscapeDataset(unit).orElseThrow();
        List<double[]> arrows = arrowsInCells(contour);
        assertTrue(arrows.size() > 100, "a grid of arrows");
        for (double[] arrow : arrows) {
            assertEquals(1, arrow[4], 1e-3, "points at the minimum");
            assertEquals(ContourChart.ARROW_LENGTH, arrow[2], 1e-9);
        }
        JFreeChart chart = ObjectiveCharts.createLandscapeChart(contour, unit);
        String subtitles = "";
        for (int k = 0; k < chart.getSubtitleCount(); k++) {
            if (chart.getSubtitle(k) instanceof org.jfree.chart.title.TextTitle text) {
                subtitles += text.getText();
            }
        }
        assertTrue(subtitles.contains("direction of −∇f, not its size"), subtitles);
    }

    private static ObjectiveRun withArrows(ObjectiveRun run, GradientArrows arrows) {
        return new ObjectiveRun(
                run.name(),
                run.varying(),
                run.formula(),
                run.start(),
                run.learningRate(),
                run.steps(),
                run.gradient(),
                run.divergence(),
                arrows);
    }

    /**
     * Each arrow of the field as {x centre, y centre, length in cells, distance of the centre to 0 in cells,
     * cosine of its angle to the direction towards 0}.
     */
    private static List<double[]> arrowsInCells(Landscape.Contour contour) {
        VectorSeriesCollection field = contour.field();
        double cellX = contour.window().width() / ContourChart.ARROW_COLUMNS;
        // Cells are square on screen, so a length in cells is one on screen.
        double rows = Math.round(ContourChart.ARROW_COLUMNS
                * (ObjectiveCharts.LANDSCAPE_HEIGHT - 150.0)
                / (ObjectiveCharts.LANDSCAPE_WIDTH - 90.0));
        double cellY = contour.window().height() / rows;
        List<double[]> arrows = new ArrayList<>();
        for (int i = 0; i < field.getItemCount(0); i++) {
            double dx = field.getVectorXValue(0, i);
            double dy = field.getVectorYValue(0, i);
            double cx = field.getXValue(0, i) + dx / 2;
            double cy = field.getYValue(0, i) + dy / 2;
            double cosine = -(dx * cx + dy * cy) / (Math.hypot(dx, dy) * Math.hypot(cx, cy));
            arrows.add(
                    new double[] {cx, cy, Math.hypot(dx / cellX, dy / cellY), Math.hypot(cx / cellX, cy / cellY), cosine
                    });
        }
        return arrows;
    }

    private static double maxDistance(Landscape.Contour contour) {
        return arrowsInCells(contour).stream().mapToDouble(a -> a[3]).max().orElseThrow();
    }

    @Test
    void shadingIsLogarithmicSoTheBowlShowsRings() {
        Landscape.Contour contour =
                (Landscape.Contour) ObjectiveCharts.createLandscapeDataset(bowl).orElseThrow();
        assertEquals(
                ContourChart.SHADE_DECADES,
                contour.shading().high() - contour.shading().low(),
                0.01);
        assertEquals(ContourChart.CONTOUR_LEVELS, contour.contours().getSeriesCount());
        for (int level = 0; level < contour.contours().getSeriesCount(); level++) {
            XYSeries line = contour.contours().getSeries(level);
            assertTrue(line.getItemCount() > 0, "level " + level);
            double radius = Double.NaN;
            for (int i = 0; i < line.getItemCount(); i++) {
                double y = line.getY(i).doubleValue();
                if (Double.isNaN(y)) {
                    continue;
                }
                double r = Math.hypot(line.getX(i).doubleValue(), y);
                if (Double.isNaN(radius)) {
                    radius = r;
                }
                assertEquals(radius, r, 0.02 * radius + 0.02, "a contour of a bowl is a circle");
            }
        }
    }

    @Test
    void oneVariableGivesACurveAndMoreThanTwoNothing() {
        List<ObjectiveResult> line =
                ObjectiveReportTest.run(ObjectiveReportTest.square(0), List.of(2.0), 20, "0.1", "2");
        Landscape.Curve curve = assertInstanceOf(
                Landscape.Curve.class,
                ObjectiveCharts.createLandscapeDataset(line).orElseThrow());
        assertEquals(1, curve.curve().getSeriesCount());
        XYSeries steps = curve.runs().paths().getSeries(0);
        assertEquals(21, steps.getItemCount());
        for (int k = 0; k < steps.getItemCount(); k++) {
            double x = steps.getX(k).doubleValue();
            assertEquals(x * x, steps.getY(k).doubleValue(), 1e-12, "each step lies on the curve");
        }
        assertEquals(RunStatus.DIVERGED, line.get(1).status());
        assertTrue(curve.runs().ends().get(1).leftTheWindow());
        ObjectiveCharts.createLandscapeChart(curve, line);

        List<ObjectiveResult> ball =
                ObjectiveReportTest.run(ObjectiveReportTest.bowl(3), List.of(1.0, 1.0, 1.0), 5, "0.1");
        assertFalse(ObjectiveCharts.hasLandscape(ball));
        assertTrue(ObjectiveCharts.createLandscapeChart(ball).isEmpty());
        assertTrue(ObjectiveCharts.createLandscapeChart(List.of()).isEmpty());
    }

    @Test
    void aWindowForRunsThatAllDivergedSurroundsTheStart() {
        List<ObjectiveResult> wild = ObjectiveReportTest.run(ObjectiveReportTest.bowl(2), List.of(-3.0, 4.0), 10, "10");
        // The diverged path is left out: the start alone, with half its largest coordinate around it.
        assertEquals(new PlotWindow(-5, -1, 2, 6), RunExtent.window(wild, 2));
        PlotWindow origin =
                RunExtent.window(ObjectiveReportTest.run(ObjectiveReportTest.bowl(2), List.of(0.0, 0.0), 3, "0.1"), 2);
        assertEquals(new PlotWindow(-1, 1, -1, 1), origin, "a run that never moves from 0");
    }

    @Test
    void chartsRenderHeadlessInTheRunColours() {
        JFreeChart landscape = ObjectiveCharts.createLandscapeChart(bowl).orElseThrow();
        assertTrue(GraphicsEnvironment.isHeadless());
        XYPlot plot = landscape.getXYPlot();
        for (int i = 0; i < bowl.size(); i++) {
            assertEquals(bowl.get(i).name(), plot.getFixedLegendItems().get(i).getLabel());
            assertEquals(RunColors.of(i), plot.getFixedLegendItems().get(i).getLinePaint());
        }
        assertEquals("start", plot.getFixedLegendItems().get(bowl.size()).getLabel());
        // Every run's path is drawn in its colour by some layer.
        for (int i = 0; i < bowl.size(); i++) {
            assertTrue(drawnInColour(plot, bowl.get(i).name(), i), bowl.get(i).name());
        }
        ChartImages.toPng(landscape, 300, 200);
    }

    @Test
    void aRunThatIsNaNAtItsStartDrawsNoPath() {
        ObjectiveResult nan = ObjectiveReportTest.nanAtTheStart(ObjectiveReportTest.flat());
        Landscape.Curve curve = (Landscape.Curve)
                ObjectiveCharts.createLandscapeDataset(List.of(nan)).orElseThrow();
        assertEquals(0, curve.runs().paths().getItemCount(0));
        assertTrue(curve.runs().ends().isEmpty());
        assertEquals(0, curve.runs().starts().getItemCount(0));
        ObjectiveCharts.createLandscapeChart(curve, List.of(nan));
    }

    @Test
    void startsThatShareX0AreEachMarked() {
        List<ObjectiveResult> results =
                new ArrayList<>(ObjectiveReportTest.run(ObjectiveReportTest.bowl(2), List.of(1.0, 2.0), 5, "0.1"));
        results.addAll(ObjectiveReportTest.run(ObjectiveReportTest.bowl(2), List.of(1.0, -2.0), 5, "0.2"));
        Landscape.Contour contour = (Landscape.Contour)
                ObjectiveCharts.createLandscapeDataset(results).orElseThrow();
        XYSeries starts = contour.runs().starts().getSeries(0);
        assertEquals(2, starts.getItemCount());
        assertEquals(2, starts.getY(0).doubleValue());
        assertEquals(-2, starts.getY(1).doubleValue());
        ObjectiveCharts.createLandscapeChart(contour, results);
    }

    @Test
    void seriesKeysAreUniqueEvenForRunsWithTheSameName() {
        ObjectiveResult a = bowl.get(0);
        assertEquals(List.of("learning_rate=0.1", "learning_rate=0.1 (2)"), ObjectiveCharts.seriesKeys(List.of(a, a)));
        ObjectiveCharts.createLandscapeChart(List.of(a, a)).orElseThrow();
    }

    private static boolean drawnInColour(XYPlot plot, String key, int run) {
        for (int d = 0; d < plot.getDatasetCount(); d++) {
            if (plot.getDataset(d) instanceof XYSeriesCollection collection && plot.getRenderer(d) != null) {
                int series = collection.getSeriesIndex(key);
                if (series >= 0 && RunColors.of(run).equals(plot.getRenderer(d).getSeriesPaint(series))) {
                    return true;
                }
            }
        }
        return false;
    }
}
