package org.nnx.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.nnx.model.ObjectiveRun;
import org.nnx.train.ObjectiveResult;
import org.nnx.train.RunStatus;

class ValuePerStepChartTest {
    private final List<ObjectiveResult> bowl = ObjectiveReportTest.bowlResults();

    @Test
    void valuesPerStepEndWhereARunDivergedOnALogAxis() {
        XYSeriesCollection values = ValuePerStepChart.createDataset(bowl);
        assertEquals(101, values.getItemCount(0));
        assertEquals(5, values.getItemCount(2), "steps 0 … 4, where lr 10 diverged");
        assertEquals(25, values.getYValue(0, 0), 1e-12, "f at the start");
        JFreeChart chart = ValuePerStepChart.createChart(values, bowl);
        assertInstanceOf(LogAxis.class, chart.getXYPlot().getRangeAxis(), "25 … 1e-18 … 4e11");
        assertEquals(100, chart.getXYPlot().getDomainAxis().getUpperBound());
        assertEquals(RunColors.of(1), chart.getXYPlot().getRenderer(0).getSeriesPaint(1));
        assertEquals(
                "f(x) after each step; step 0 is the start · × where a run diverged · log scale",
                ((TextTitle) chart.getSubtitle(1)).getText());
    }

    @Test
    void aCrossMarksOnlyWhereADivergedRunStops() {
        XYSeriesCollection values = ValuePerStepChart.createDataset(bowl);
        XYSeriesCollection ends = (XYSeriesCollection)
                ValuePerStepChart.createChart(values, bowl).getXYPlot().getDataset(1);
        assertEquals(1, ends.getSeriesCount(), "only lr 10 diverged");
        XYSeries end = ends.getSeries(0);
        assertEquals(4, end.getX(0).doubleValue());
        assertEquals(values.getYValue(2, 4), end.getY(0).doubleValue());
    }

    @Test
    void shortRunsMarkEveryStep() {
        List<ObjectiveResult> few = ObjectiveReportTest.run(ObjectiveReportTest.bowl(2), List.of(-3.0, 4.0), 10, "0.1");
        JFreeChart chart = ValuePerStepChart.createChart(few);
        assertTrue(((XYLineAndShapeRenderer) chart.getXYPlot().getRenderer(0)).getSeriesShapesVisible(0));
        XYLineAndShapeRenderer hundredSteps = (XYLineAndShapeRenderer)
                ValuePerStepChart.createChart(bowl).getXYPlot().getRenderer(0);
        assertFalse(hundredSteps.getSeriesShapesVisible(0), "101 steps are not marked");
    }

    @Test
    void zeroCannotGoOnALogAxisAndNaNIsNotDrawn() {
        ObjectiveRun flat = ObjectiveReportTest.flat();
        ObjectiveResult zero = new ObjectiveResult(flat, RunStatus.OK, "", List.of(new double[] {0}), List.of(0.0), 0);
        assertInstanceOf(
                NumberAxis.class,
                ValuePerStepChart.createChart(List.of(zero)).getXYPlot().getRangeAxis(),
                "0 cannot be drawn on a log axis");
        ObjectiveResult nan = ObjectiveReportTest.nanAtTheStart(flat);
        assertEquals(0, ValuePerStepChart.createDataset(List.of(nan)).getItemCount(0));
        ValuePerStepChart.createChart(List.of(nan));
    }
}
