package org.nnx.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.nnx.report.geometry.ClippedPath;
import org.nnx.report.geometry.PlotWindow;
import org.nnx.report.geometry.Point;
import org.nnx.train.ObjectiveResult;
import org.nnx.train.RunStatus;

/**
 * The runs' paths as datasets of a landscape chart.
 *
 * @param paths   series i = run i's path in the window, cut where it leaves (see {@link ClippedPath})
 * @param markers series i = run i's steps to mark: every step, or every k-th of a long path
 * @param starts  one series of the distinct start points
 * @param ends    per run with anything drawn, where its drawn path ends
 */
public record RunPaths(
        XYSeriesCollection paths, XYSeriesCollection markers, XYSeriesCollection starts, List<PathEnd> ends) {
    /** At most this many step markers per run; longer paths are marked at every k-th step. */
    static final int MAX_MARKERS = 250;

    /**
     * Where run {@code run}'s path as drawn ends: at its last step, or where it leaves the window or stops
     * being finite ({@code leftTheWindow}, also set for every run that diverged).
     */
    public record PathEnd(int run, double x, double y, boolean leftTheWindow) {}

    /**
     * Each run's points, placed on the plot by {@code placement} (from the point x and f(x)), clipped to
     * {@code window}.
     */
    static RunPaths of(
            List<ObjectiveResult> results, PlotWindow window, BiFunction<double[], Double, Point> placement) {
        List<String> keys = ObjectiveCharts.seriesKeys(results);
        XYSeriesCollection paths = new XYSeriesCollection();
        XYSeriesCollection markers = new XYSeriesCollection();
        // Starts may share x0; the set below keeps each distinct point once.
        XYSeries starts = new XYSeries("start", false, true);
        Set<Point> startsSeen = new HashSet<>();
        List<PathEnd> ends = new ArrayList<>();
        for (int r = 0; r < results.size(); r++) {
            ObjectiveResult result = results.get(r);
            List<Point> placed = new ArrayList<>();
            for (int k = 0; k < result.points().size(); k++) {
                placed.add(
                        placement.apply(result.points().get(k), result.values().get(k)));
            }
            ClippedPath path = ClippedPath.of(placed, window);
            paths.addSeries(series(keys.get(r), path.points()));
            markers.addSeries(series(keys.get(r), marked(path, placed.size())));
            if (path.kept() > 0 && startsSeen.add(path.points().get(0))) {
                starts.add(path.points().get(0).x(), path.points().get(0).y(), false);
            }
            int run = r;
            boolean left = path.left() || result.status() == RunStatus.DIVERGED;
            path.end().ifPresent(end -> ends.add(new PathEnd(run, end.x(), end.y(), left)));
        }
        return new RunPaths(paths, markers, new XYSeriesCollection(starts), ends);
    }

    /** The kept points at every k-th step, k chosen from the whole path's length so markers stay few. */
    private static List<Point> marked(ClippedPath path, int steps) {
        int every = Math.max(1, (int) Math.ceil(steps / (double) MAX_MARKERS));
        List<Point> marked = new ArrayList<>();
        for (int k = 0; k < path.kept(); k += every) {
            marked.add(path.points().get(k));
        }
        return marked;
    }

    private static XYSeries series(String key, List<Point> points) {
        XYSeries series = new XYSeries(key, false, true);
        points.forEach(p -> series.add(p.x(), p.y(), false));
        return series;
    }
}
