package org.nnx.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;

/**
 * A small triangle on the top edge of the plot where a run's curve leaves the y axis, in the run's colour,
 * its hover text naming the run: the axis fits the runs that matter, and this says who was cut off.
 */
final class TopEdgeMarker extends AbstractXYAnnotation {
    private static final long serialVersionUID = 1L;
    /** Half the triangle's base, in layout pixels. */
    static final double HALF_WIDTH = 5;

    private final LossChart.Escape escape;

    /** Marks where {@code escape}'s line leaves the top; its x is a value along {@code axis}. */
    TopEdgeMarker(LossChart.Escape escape, XAxisKind axis) {
        this.escape = escape;
        setToolTipText(
                escape.line().label() + " · left the top at " + axis.label() + " " + ChartView.number(escape.x()));
    }

    @Override
    public void draw(
            Graphics2D g2,
            XYPlot plot,
            Rectangle2D dataArea,
            ValueAxis domainAxis,
            ValueAxis rangeAxis,
            int rendererIndex,
            PlotRenderingInfo info) {
        double px = domainAxis.valueToJava2D(escape.x(), dataArea, plot.getDomainAxisEdge());
        double top = dataArea.getMinY();
        Path2D.Double triangle = new Path2D.Double();
        triangle.moveTo(px - HALF_WIDTH, top + 2 * HALF_WIDTH);
        triangle.lineTo(px + HALF_WIDTH, top + 2 * HALF_WIDTH);
        triangle.lineTo(px, top);
        triangle.closePath();
        Color colour = ChartStyle.paint(escape.line());
        ChartSvg.drawingRun(escape.line().label());
        g2.setPaint(new Color(colour.getRed(), colour.getGreen(), colour.getBlue()));
        g2.fill(triangle);
        ChartSvg.drawingRun(null);
        addEntity(info, triangle, rendererIndex, getToolTipText(), null);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TopEdgeMarker marker && marker.escape.equals(escape) && super.equals(other);
    }

    @Override
    public int hashCode() {
        return escape.hashCode();
    }
}
