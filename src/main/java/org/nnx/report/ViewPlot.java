package org.nnx.report;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Map;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.data.xy.XYDataset;

/**
 * The plot of a curve chart the reader can zoom: it marks its axes and grid lines in the SVG, so the page's
 * script can put its own in their place when the view changes (see {@link ChartView}).
 */
final class ViewPlot extends XYPlot {
    private static final long serialVersionUID = 1L;

    ViewPlot(XYDataset dataset, ValueAxis xAxis, ValueAxis yAxis, XYItemRenderer renderer) {
        super(dataset, xAxis, yAxis, renderer);
    }

    @Override
    protected Map<Axis, AxisState> drawAxes(
            Graphics2D g2, Rectangle2D plotArea, Rectangle2D dataArea, PlotRenderingInfo plotState) {
        ChartSvg.drawingPart("axes");
        try {
            return super.drawAxes(g2, plotArea, dataArea, plotState);
        } finally {
            ChartSvg.drawingPart(null);
        }
    }

    @Override
    protected void drawDomainGridlines(Graphics2D g2, Rectangle2D dataArea, List<ValueTick> ticks) {
        ChartSvg.drawingPart("grid");
        super.drawDomainGridlines(g2, dataArea, ticks);
        ChartSvg.drawingPart(null);
    }

    @Override
    protected void drawRangeGridlines(Graphics2D g2, Rectangle2D dataArea, List<ValueTick> ticks) {
        ChartSvg.drawingPart("grid");
        super.drawRangeGridlines(g2, dataArea, ticks);
        ChartSvg.drawingPart(null);
    }
}
