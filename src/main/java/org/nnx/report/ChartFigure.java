package org.nnx.report;

import org.jfree.chart.JFreeChart;

/** A chart of the page in its {@code <figure>}: inline SVG, tooltips inside it, named for the page. */
final class ChartFigure {
    private ChartFigure() {}

    /**
     * Appends {@code chart}, {@link ChartImages#WIDTH} layout pixels wide and {@code height} high, drawn by
     * {@code charts} with the id {@code id} and {@code alt} as its accessible name.
     */
    static void append(
            StringBuilder html, HtmlReport.ChartRenderer charts, JFreeChart chart, int height, String id, String alt) {
        html.append("<figure>").append(charts.render(chart, height, id, alt)).append("</figure>\n");
    }
}
