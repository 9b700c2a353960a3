package org.nnx.report;

import org.nnx.model.SweptValues;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GraphicsEnvironment;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.VectorSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.nnx.model.GradientMode;
import org.nnx.model.ObjectiveRun;
import org.nnx.train.ObjectiveResult;
import org.nnx.train.RunStatus;

class ObjectiveChartsTest {
    private final List<ObjectiveResult> bowl = ObjectiveReportTest.bowlResults();

    @Test
    void twoVariablesGiveAContourAroundTheOkPathsAndTheStart() {
        ObjectiveCharts.Contour contour = assertInstanceOf(ObjectiveCharts.Contour.class,
                ObjectiveCharts.createLandscapeDataset(bowl).orElseThrow());
        ObjectiveCharts.Box box = contour.box();
        for (ObjectiveResult result : bowl.subList(0, 2)) {
            for (double[] p : result.points()) {
                assertTrue(box.contains(p[0], p[1]), "ok path inside: " + p[0] + ", " + p[1]);
            }
        }
        assertTrue(box.minX() < -3 && box.maxY() > 4, "the start, with a margin");
        assertTrue(box.maxX() < 100 && box.minY() > -100, "the diverged run's far points are not in the box");
        // One unit as long on both axes, so the bowl's rings are round.
        double aspect = box.width() / box.height();
        assertEquals(ObjectiveCharts.LANDSCAPE_WIDTH - 90.0, (ObjectiveCharts.LANDSCAPE_HEIGHT - 150.0) * aspect, 1e-6);
    }

    @Test
    void aDivergedPathIsDrawnUntilItLeavesTheBox() {
        ObjectiveCharts.Contour contour = (ObjectiveCharts.Contour) ObjectiveCharts.createLandscapeDataset(bowl)
                .orElseThrow();
        XYSeries jump = contour.paths().getSeries(2);
        assertEquals(2, jump.getItemCount(), "the start and where step 1 crosses the edge");
        double x = jump.getX(1).doubleValue();
        double y = jump.getY(1).doubleValue();
        assertEquals(contour.box().minY(), y, 1e-9, "leaves through the bottom");
        // Still on the line from the start [-3, 4] towards step 1 (57, -76): direction (3, -4).
        assertEquals(-4.0 / 3, (y - 4) / (x + 3), 1e-9);
        ObjectiveCharts.PathEnd end = contour.ends().get(2);
        assertTrue(end.leftTheBox());
        assertFalse(contour.ends().get(0).leftTheBox());
        assertEquals(101, contour.paths().getSeries(0).getItemCount(), "an ok run keeps every step");
        assertEquals(1, contour.starts().getItemCount(0), "the runs share one start");
    }

    @Test
    void theFieldPointsDownhillWithArrowsOfOneLength() {
        ObjectiveCharts.Contour contour = (ObjectiveCharts.Contour) ObjectiveCharts.createLandscapeDataset(bowl)
                .orElseThrow();
        VectorSeriesCollection field = contour.field();
        assertTrue(field.getItemCount(0) > 100, "a grid of arrows");
        double cellX = contour.box().width() / ObjectiveCharts.ARROW_COLUMNS;
        for (int i = 0; i < field.getItemCount(0); i++) {
            double dx = field.getVectorXValue(0, i);
            double dy = field.getVectorYValue(0, i);
            double cx = field.getXValue(0, i) + dx / 2;
            double cy = field.getYValue(0, i) + dy / 2;
            // −∇(x0² + x1²) = −2x points at the centre.
            double cosine = -(dx * cx + dy * cy) / (Math.hypot(dx, dy) * Math.hypot(cx, cy));
            assertEquals(1, cosine, 1e-3, "arrow " + i);
            // Cells are square on screen, so "one length" is one length in cells.
            double rows = Math.round(ObjectiveCharts.ARROW_COLUMNS * (ObjectiveCharts.LANDSCAPE_HEIGHT - 150.0)
                    / (ObjectiveCharts.LANDSCAPE_WIDTH - 90.0));
            double cellY = contour.box().height() / rows;
            assertEquals(ObjectiveCharts.ARROW_LENGTH, Math.hypot(dx / cellX, dy / cellY), 1e-9);
        }
    }

    @Test
    void shadingIsLogarithmicSoTheBowlShowsRings() {
        ObjectiveCharts.Contour contour = (ObjectiveCharts.Contour) ObjectiveCharts.createLandscapeDataset(bowl)
                .orElseThrow();
        assertEquals(ObjectiveCharts.SHADE_DECADES, contour.shadeHigh() - contour.shadeLow(), 0.01);
        assertEquals(ObjectiveCharts.CONTOUR_LEVELS, contour.contours().getSeriesCount());
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
    void marchingSquaresFindsTheCircle() {
        int n = 41;
        double[][] grid = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double x = -2 + i * 0.1;
                double y = -2 + j * 0.1;
                grid[i][j] = x * x + y * y;
            }
        }
        XYSeries line = ObjectiveCharts.contourLine("r=1", grid, 1, -2, -2, 0.1, 0.1);
        assertTrue(line.getItemCount() >= 3 * 40, "segments all round");
        for (int i = 0; i < line.getItemCount(); i++) {
            double y = line.getY(i).doubleValue();
            if (!Double.isNaN(y)) {
                assertEquals(1, Math.hypot(line.getX(i).doubleValue(), y), 0.01);
            }
        }
        grid[5][5] = Double.NaN;
        ObjectiveCharts.contourLine("holes", grid, 1, -2, -2, 0.1, 0.1);
    }

    @Test
    void oneVariableGivesACurveAndMoreThanTwoNothing() {
        List<ObjectiveResult> line = ObjectiveReportTest.run(ObjectiveReportTest.square(0), List.of(2.0), 20,
                "0.1", "2");
        ObjectiveCharts.Curve curve = assertInstanceOf(ObjectiveCharts.Curve.class,
                ObjectiveCharts.createLandscapeDataset(line).orElseThrow());
        assertEquals(1, curve.curve().getSeriesCount());
        XYSeries steps = curve.paths().getSeries(0);
        assertEquals(21, steps.getItemCount());
        for (int k = 0; k < steps.getItemCount(); k++) {
            double x = steps.getX(k).doubleValue();
            assertEquals(x * x, steps.getY(k).doubleValue(), 1e-12, "each step lies on the curve");
        }
        assertEquals(RunStatus.DIVERGED, line.get(1).status());
        assertTrue(curve.ends().get(1).leftTheBox());
        ObjectiveCharts.createLandscapeChart(curve, line);

        List<ObjectiveResult> ball = ObjectiveReportTest.run(ObjectiveReportTest.bowl(3), List.of(1.0, 1.0, 1.0), 5,
                "0.1");
        assertFalse(ObjectiveCharts.hasLandscape(ball));
        assertTrue(ObjectiveCharts.createLandscapeChart(ball).isEmpty());
        assertTrue(ObjectiveCharts.createLandscapeChart(List.of()).isEmpty());
    }

    @Test
    void aBoxForRunsThatAllDivergedSurroundsTheStart() {
        List<ObjectiveResult> wild = ObjectiveReportTest.run(ObjectiveReportTest.bowl(2), List.of(-3.0, 4.0), 10, "10");
        ObjectiveCharts.Box box = ObjectiveCharts.box(wild, 2);
        assertTrue(box.contains(-3, 4));
        assertTrue(box.width() >= 2 && box.height() >= 2, box.toString());
        ObjectiveCharts.Box origin = ObjectiveCharts.box(
                ObjectiveReportTest.run(ObjectiveReportTest.bowl(2), List.of(0.0, 0.0), 3, "0.1"), 2);
        assertEquals(new ObjectiveCharts.Box(-1, 1, -1, 1), origin, "a run that never moves from 0");
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
    void valuesPerStepEndWhereARunDivergedOnALogAxis() {
        XYSeriesCollection values = ObjectiveCharts.createValueDataset(bowl);
        assertEquals(101, values.getItemCount(0));
        assertEquals(5, values.getItemCount(2), "steps 0 … 4, where lr 10 diverged");
        assertEquals(25, values.getYValue(0, 0), 1e-12, "f at the start");
        JFreeChart chart = ObjectiveCharts.createValueChart(values, bowl);
        assertInstanceOf(LogAxis.class, chart.getXYPlot().getRangeAxis(), "25 … 1e-18 … 4e11");
        assertEquals(100, chart.getXYPlot().getDomainAxis().getUpperBound());
        assertEquals(RunColors.of(1), chart.getXYPlot().getRenderer(0).getSeriesPaint(1));

        ObjectiveRun flat = new ObjectiveRun("flat", SweptValues.NONE, ObjectiveReportTest.square(0), List.of(0.0), 0.1, 2,
                GradientMode.BACKPROP);
        ObjectiveResult zero = new ObjectiveResult(flat, RunStatus.OK, "", List.of(new double[] {0}),
                List.of(0.0), 0);
        assertInstanceOf(NumberAxis.class, ObjectiveCharts.createValueChart(List.of(zero)).getXYPlot().getRangeAxis(),
                "0 cannot be drawn on a log axis");
        ObjectiveResult nan = new ObjectiveResult(flat, RunStatus.DIVERGED, "f is NaN at the start point",
                List.of(new double[] {Double.NaN}), List.of(Double.NaN), 0);
        assertEquals(0, ObjectiveCharts.createValueDataset(List.of(nan)).getItemCount(0));
        ObjectiveCharts.createValueChart(List.of(nan));
        ObjectiveCharts.createLandscapeChart(List.of(nan)).orElseThrow();
    }

    @Test
    void seriesKeysAreUniqueEvenForRunsWithTheSameName() {
        ObjectiveResult a = bowl.get(0);
        assertEquals(List.of("learning_rate=0.1", "learning_rate=0.1 (2)"), ObjectiveCharts.seriesKeys(List.of(a, a)));
        ObjectiveCharts.createLandscapeChart(List.of(a, a)).orElseThrow();
    }

    @Test
    void squareUpGivesBothAxesOneScaleUnlessThatStretchesTooFar() {
        ObjectiveCharts.Box box = ObjectiveCharts.squareUp(new ObjectiveCharts.Box(0, 1, 0, 1), 2);
        assertEquals(new ObjectiveCharts.Box(-0.5, 1.5, 0, 1), box);
        ObjectiveCharts.Box tall = ObjectiveCharts.squareUp(new ObjectiveCharts.Box(0, 8, 0, 1), 2);
        assertEquals(new ObjectiveCharts.Box(0, 8, -1.5, 2.5), tall);
        ObjectiveCharts.Box skewed = new ObjectiveCharts.Box(0, 1000, 0, 1);
        assertEquals(skewed, ObjectiveCharts.squareUp(skewed, 2), "keeps separate scales");
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
