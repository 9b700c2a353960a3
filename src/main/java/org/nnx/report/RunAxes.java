package org.nnx.report;

import java.util.List;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.nnx.train.MetricsRow;
import org.nnx.train.RunResult;

/** The x axes of the run charts: iterations, epochs, or iterations with an epoch scale on top. */
final class RunAxes {
    static {
        Headless.ensure();
    }

    private RunAxes() {}

    /** An x axis for {@code kind}: iterations as {@link #iterationAxis}, epochs from 0 to the last one. */
    static NumberAxis xAxis(XAxisKind kind, List<RunResult> runs) {
        if (kind == XAxisKind.ITERATION) {
            return iterationAxis(runs);
        }
        NumberAxis axis = new NumberAxis("epoch");
        double last = runs.stream()
                .flatMap(run -> run.metrics().stream())
                .mapToDouble(MetricsRow::epoch)
                .filter(Double::isFinite)
                .max()
                .orElse(0);
        if (last > 0) {
            axis.setRange(0, last);
        }
        ChartStyle.style(axis);
        return axis;
    }

    /**
     * Epochs per iteration when every run has the same (same batch size and training set), so one
     * iteration axis can carry an epoch scale too; NaN when they differ and runs must be aligned by epoch
     * in charts of their own.
     */
    static double commonEpochsPerIteration(List<RunResult> runs) {
        double common = Double.NaN;
        for (RunResult run : runs) {
            if (run.metrics().isEmpty()) {
                continue;
            }
            MetricsRow last = run.metrics().get(run.metrics().size() - 1);
            double ratio = last.epoch() / last.iteration();
            if (!(ratio > 0) || !Double.isFinite(ratio)) {
                return Double.NaN;
            }
            if (Double.isNaN(common)) {
                common = ratio;
            } else if (Math.abs(ratio - common) > 1e-3 * common) {
                return Double.NaN;
            }
        }
        return common;
    }

    /** A second x axis on top that reads the iterations as epochs, when all runs share the ratio. */
    static void addEpochAxis(XYPlot plot, List<RunResult> runs) {
        double ratio = commonEpochsPerIteration(runs);
        ValueAxis iterations = plot.getDomainAxis();
        if (Double.isNaN(ratio) || iterations.getUpperBound() * ratio < 0.5) {
            return;
        }
        NumberAxis epochs = new NumberAxis("epoch");
        epochs.setRange(iterations.getLowerBound() * ratio, iterations.getUpperBound() * ratio);
        ChartStyle.style(epochs);
        epochs.setLabelPaint(ChartStyle.MUTED_TEXT);
        plot.setDomainAxis(1, epochs);
        plot.setDomainAxisLocation(1, AxisLocation.TOP_OR_LEFT);
    }

    /**
     * An x axis of iteration numbers from 0 to the last iteration of any run, integer ticks only. Both
     * charts use the same range so a point in one lines up with the same iteration in the other.
     */
    static NumberAxis iterationAxis(List<RunResult> runs) {
        NumberAxis axis = new NumberAxis("iteration");
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        long last = runs.stream()
                .flatMap(run -> run.metrics().stream())
                .mapToLong(MetricsRow::iteration)
                .max()
                .orElse(0);
        if (last > 0) {
            axis.setRange(0, last);
        }
        ChartStyle.style(axis);
        return axis;
    }
}
