package org.nnx.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jfree.data.xy.XYSeries;
import org.nnx.report.geometry.PlotWindow;
import org.nnx.train.ObjectiveResult;
import org.nnx.train.RunStatus;

/**
 * Per run, what decides where its drawn path lies among the others: whether it diverged, its length and its
 * longest step, both on screen, in units of the window's width and height.
 */
record PathStats(boolean[] diverged, double[] length, double[] longestStep) {
    static PathStats of(RunPaths paths, PlotWindow window, List<ObjectiveResult> results) {
        int runs = paths.paths().getSeriesCount();
        boolean[] diverged = new boolean[runs];
        double[] length = new double[runs];
        double[] longestStep = new double[runs];
        for (int r = 0; r < runs; r++) {
            diverged[r] = r < results.size() && results.get(r).status() == RunStatus.DIVERGED;
            XYSeries path = paths.paths().getSeries(r);
            for (int k = 1; k < path.getItemCount(); k++) {
                double dx = (path.getX(k).doubleValue() - path.getX(k - 1).doubleValue()) / window.width();
                double dy = (path.getY(k).doubleValue() - path.getY(k - 1).doubleValue()) / window.height();
                double step = Math.hypot(dx, dy);
                if (Double.isFinite(step)) {
                    length[r] += step;
                    longestStep[r] = Math.max(longestStep[r], step);
                }
            }
        }
        return new PathStats(diverged, length, longestStep);
    }

    int runs() {
        return length.length;
    }

    /** The runs sorted by {@code comparator}, the first drawn at the bottom. */
    List<Integer> order(Comparator<Integer> comparator) {
        List<Integer> order = new ArrayList<>();
        for (int r = 0; r < runs(); r++) {
            order.add(r);
        }
        order.sort(comparator);
        return order;
    }
}
