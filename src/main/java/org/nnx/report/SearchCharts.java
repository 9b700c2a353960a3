package org.nnx.report;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The charts of a search: its trials as points (a searched setting against the metric each trial ended with,
 * pruned ones grey at their last value), the best result so far against the epochs spent, and, for halving,
 * each trial's metric at the rungs it reached.
 */
final class SearchCharts {
    static {
        Headless.ensure();
    }

    static final Color FINISHED = new Color(0x0969da);
    static final Color PRUNED = new Color(0xafb8c1);
    static final Color BEST = new Color(0xcf222e);

    /** One trial as the charts see it. */
    record Trial(String value, double result, boolean finished, boolean best) {}

    private SearchCharts() {}

    /** {@code setting} against each trial's result; a numeric setting spread over decades gets a log axis. */
    static JFreeChart trials(String setting, String metric, List<Trial> trials) {
        boolean numeric = trials.stream().allMatch(t -> isNumber(t.value()));
        ValueAxis xAxis;
        Map<String, Integer> symbols = new LinkedHashMap<>();
        if (numeric) {
            double low = trials.stream()
                    .mapToDouble(t -> Double.parseDouble(t.value()))
                    .min()
                    .orElse(1);
            double high = trials.stream()
                    .mapToDouble(t -> Double.parseDouble(t.value()))
                    .max()
                    .orElse(1);
            xAxis = low > 0 && high / low >= 20 ? ChartStyle.decadeLogAxis(setting) : ChartStyle.linearAxis(setting);
        } else {
            trials.forEach(t -> symbols.putIfAbsent(t.value(), symbols.size()));
            SymbolAxis axis = new SymbolAxis(setting, symbols.keySet().toArray(new String[0]));
            axis.setGridBandsVisible(false);
            ChartStyle.style(axis);
            xAxis = axis;
        }
        XYSeries pruned = new XYSeries("pruned, at its last value", false, true);
        XYSeries finished = new XYSeries("trained to the end", false, true);
        XYSeries best = new XYSeries("best", false, true);
        for (Trial trial : trials) {
            if (Double.isNaN(trial.result())) {
                continue;
            }
            double x = numeric ? Double.parseDouble(trial.value()) : symbols.get(trial.value());
            (trial.best() ? best : trial.finished() ? finished : pruned).add(x, trial.result());
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(pruned);
        data.addSeries(finished);
        data.addSeries(best);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        Color[] colours = {PRUNED, FINISHED, BEST};
        for (int s = 0; s < colours.length; s++) {
            renderer.setSeriesPaint(s, colours[s]);
            renderer.setSeriesShape(s, new Ellipse2D.Double(-4, -4, 8, 8));
        }
        XYPlot plot = new XYPlot(data, xAxis, ChartStyle.linearAxis(metric), renderer);
        // The best drawn last, over the others.
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
        return ChartStyle.chart(
                "Trials: " + metric + " by " + setting,
                "each dot a trial; grey ones were pruned and show the last value they had",
                plot,
                legend(List.of("pruned, at its last value", "trained to the end", "best"), colours));
    }

    /** The best result so far against the epochs the search had spent, trial by trial in order. */
    static JFreeChart bestSoFar(String metric, boolean higherIsBetter, List<double[]> epochsAndResults) {
        XYSeries series = new XYSeries("best so far", false, true);
        double spent = 0;
        double best = Double.NaN;
        series.add(0, Double.NaN);
        for (double[] point : epochsAndResults) {
            spent += point[0];
            if (!Double.isNaN(point[1])
                    && (Double.isNaN(best) || (higherIsBetter ? point[1] > best : point[1] < best))) {
                best = point[1];
            }
            series.add(spent, best);
        }
        XYStepRenderer renderer = new XYStepRenderer();
        renderer.setSeriesPaint(0, FINISHED);
        renderer.setSeriesStroke(0, ChartStyle.line(2f));
        XYPlot plot = new XYPlot(
                new XYSeriesCollection(series),
                ChartStyle.linearAxis("epochs trained by the search so far"),
                ChartStyle.linearAxis(metric),
                renderer);
        return ChartStyle.chart(
                "Best " + metric + " so far",
                "the best of the trials that trained to the end, against the epochs spent, trials in order",
                plot,
                legend(List.of("best so far"), new Color[] {FINISHED}));
    }

    /** Each trial's metric at the rungs it reached, joined: pruned trials grey, survivors blue, the best red. */
    static JFreeChart rungs(String metric, List<Long> lengths, List<List<double[]>> paths, List<Trial> trials) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        List<Integer> order = new ArrayList<>();
        // Grey first, so that the survivors are drawn over them.
        for (int pass = 0; pass < 3; pass++) {
            for (int i = 0; i < paths.size(); i++) {
                Trial trial = trials.get(i);
                int kind = trial.best() ? 2 : trial.finished() ? 1 : 0;
                if (kind == pass && !paths.get(i).isEmpty()) {
                    order.add(i);
                }
            }
        }
        for (int i : order) {
            XYSeries series = new XYSeries("trial " + (i + 1), false, true);
            paths.get(i).forEach(p -> series.add(p[0], p[1]));
            int s = data.getSeriesCount();
            data.addSeries(series);
            Trial trial = trials.get(i);
            Color colour = trial.best() ? BEST : trial.finished() ? FINISHED : PRUNED;
            renderer.setSeriesPaint(s, colour);
            renderer.setSeriesShape(s, new Ellipse2D.Double(-3, -3, 6, 6));
            renderer.setSeriesStroke(s, ChartStyle.line(trial.finished() ? 1.6f : 1f));
        }
        SymbolAxis xAxis = new SymbolAxis(
                "epochs (rungs)", lengths.stream().map(String::valueOf).toArray(String[]::new));
        xAxis.setGridBandsVisible(false);
        ChartStyle.style(xAxis);
        // Rungs equally spaced along x, as each is a factor longer than the one before.
        XYSeriesCollection spaced = new XYSeriesCollection();
        for (int s = 0; s < data.getSeriesCount(); s++) {
            XYSeries series = data.getSeries(s);
            XYSeries atRung = new XYSeries(series.getKey(), false, true);
            for (int k = 0; k < series.getItemCount(); k++) {
                atRung.add(lengths.indexOf(series.getX(k).longValue()), series.getY(k));
            }
            spaced.addSeries(atRung);
        }
        XYPlot plot = new XYPlot(spaced, xAxis, ChartStyle.linearAxis(metric), renderer);
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
        return ChartStyle.chart(
                "Rungs: " + metric + " of each trial where it was ruled on",
                "grey: pruned at the rung where its line ends; blue: trained to the end; red: the best",
                plot,
                legend(List.of("pruned", "trained to the end", "best"), new Color[] {PRUNED, FINISHED, BEST}));
    }

    private static LegendItemCollection legend(List<String> labels, Color[] colours) {
        LegendItemCollection legend = new LegendItemCollection();
        for (int i = 0; i < labels.size(); i++) {
            legend.add(ChartStyle.lineItem(labels.get(i), colours[i], ChartStyle.line(3f)));
        }
        return legend;
    }

    private static boolean isNumber(String text) {
        try {
            return Double.isFinite(Double.parseDouble(text));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
