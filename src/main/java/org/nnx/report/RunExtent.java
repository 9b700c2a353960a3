package org.nnx.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.DoubleStream;
import org.nnx.report.geometry.PlotWindow;
import org.nnx.report.geometry.WindowFit;
import org.nnx.train.ObjectiveResult;
import org.nnx.train.RunStatus;

/** Where an objective's runs went: the window a landscape shows around them, and their values of f in it. */
final class RunExtent {
    /** The window reaches this fraction of the paths' larger extent beyond them on every side. */
    static final double MARGIN = 0.12;

    private RunExtent() {}

    /**
     * The window around the start points and the paths of the runs that did not diverge, with a margin: a
     * diverged run's far-away points would leave nothing else visible. For one dimension y is 0 to 0.
     */
    static PlotWindow window(List<ObjectiveResult> results, int dimensions) {
        List<double[]> considered = new ArrayList<>();
        for (ObjectiveResult result : results) {
            if (result.status() != RunStatus.DIVERGED) {
                considered.addAll(result.points());
            }
            considered.add(result.run().start().stream()
                    .mapToDouble(Double::doubleValue)
                    .toArray());
        }
        return WindowFit.around(considered, dimensions, MARGIN);
    }

    /** f at every step of every run whose point satisfies {@code where}, in run and step order. */
    static DoubleStream values(List<ObjectiveResult> results, Predicate<double[]> where) {
        DoubleStream.Builder values = DoubleStream.builder();
        for (ObjectiveResult result : results) {
            for (int k = 0; k < result.points().size(); k++) {
                if (where.test(result.points().get(k))) {
                    values.add(result.values().get(k));
                }
            }
        }
        return values.build();
    }
}
