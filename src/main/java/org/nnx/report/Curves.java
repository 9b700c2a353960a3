package org.nnx.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.jfree.data.xy.YIntervalSeries;
import org.nnx.train.MetricsRow;
import org.nnx.train.RunResult;

/** Turns the metrics of a chart line's runs into points: one run as it is, repeats as mean ± sd. */
final class Curves {
    /** A point of a line: the mean of the runs that have a value at {@code x}, and their spread. */
    record Point(double x, double mean, double standardDeviation, int count) {}

    private Curves() {}

    /** Each run's finite values of {@code metric}, by {@code axis}. */
    static List<double[]> points(RunResult run, XAxisKind axis, ToDoubleFunction<MetricsRow> metric) {
        List<double[]> points = new ArrayList<>();
        for (MetricsRow row : run.metrics()) {
            double y = metric.applyAsDouble(row);
            if (Double.isFinite(y)) {
                points.add(new double[] {axis.of(row), y});
            }
        }
        return points;
    }

    /**
     * The mean and standard deviation at each x where at least one run has a value. Repeats of one
     * configuration evaluate at the same iterations, so their points line up; a run that diverged early
     * simply stops contributing.
     */
    static List<Point> mean(List<List<double[]>> perRun) {
        TreeMap<Double, double[]> sums = new TreeMap<>();
        for (List<double[]> run : perRun) {
            for (double[] point : run) {
                double[] sum = sums.computeIfAbsent(point[0], x -> new double[3]);
                sum[0] += point[1];
                sum[1] += point[1] * point[1];
                sum[2]++;
            }
        }
        List<Point> points = new ArrayList<>(sums.size());
        for (Map.Entry<Double, double[]> entry : sums.entrySet()) {
            double[] sum = entry.getValue();
            int n = (int) sum[2];
            double mean = sum[0] / n;
            double variance = n < 2 ? 0 : Math.max(0, (sum[1] - n * mean * mean) / (n - 1));
            points.add(new Point(entry.getKey(), mean, Math.sqrt(variance), n));
        }
        return points;
    }

    /** The points as a series for a band renderer: y = mean, interval = mean ± sd. */
    static YIntervalSeries intervalSeries(String key, List<Point> points) {
        YIntervalSeries series = new YIntervalSeries(key, false, true);
        for (Point p : points) {
            series.add(
                    new org.jfree.data.xy.YIntervalDataItem(
                            p.x(), p.mean(), p.mean() - p.standardDeviation(), p.mean() + p.standardDeviation()),
                    false);
        }
        return series;
    }
}
