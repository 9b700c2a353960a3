package org.nnx.report;

import java.util.List;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.nnx.model.Formula;
import org.nnx.train.ObjectiveResult;

/**
 * The charts of an objective's report, one colour per run (see {@link RunColors}):
 * <ul>
 * <li>the <em>landscape</em>: for a function of two variables the {@link ContourChart contour}, for one
 * the {@link CurveChart curve}, each with every run's path; there is none for three or more variables.
 * Their geometry is in {@link org.nnx.report.geometry}.</li>
 * <li>{@link ValuePerStepChart f per step}, all runs overlaid.</li>
 * </ul>
 * Runs that diverged are drawn until they leave the landscape's window or become non-finite.
 */
public final class ObjectiveCharts {
    static {
        Headless.ensure();
    }

    /** Layout width of the landscape chart in CSS pixels: the report's chart width. */
    public static final int LANDSCAPE_WIDTH = ChartImages.WIDTH;
    /** Layout height of the landscape chart in CSS pixels: taller than the line charts, a map needs room. */
    public static final int LANDSCAPE_HEIGHT = 620;
    /** Layout width of the f-per-step chart in CSS pixels. */
    public static final int VALUE_WIDTH = ChartImages.WIDTH;
    /** Layout height of the f-per-step chart in CSS pixels. */
    public static final int VALUE_HEIGHT = ChartImages.HEIGHT;

    private ObjectiveCharts() {}

    /** The number of variables the runs move: the length of their start points (0 without runs). */
    public static int variables(List<ObjectiveResult> results) {
        return results.stream().mapToInt(r -> r.run().start().size()).max().orElse(0);
    }

    /** Whether {@link #createLandscapeDataset} draws anything for these runs: one or two variables. */
    public static boolean hasLandscape(List<ObjectiveResult> results) {
        int variables = variables(results);
        return variables == 1 || variables == 2;
    }

    /**
     * The landscape around every run's path, or empty for three or more variables (or no runs). f is the
     * first run's formula: every run of an objective minimizes the same one.
     */
    public static Optional<Landscape> createLandscapeDataset(List<ObjectiveResult> results) {
        if (!hasLandscape(results)) {
            return Optional.empty();
        }
        Formula f = results.get(0).run().formula();
        return Optional.of(
                variables(results) == 1
                        ? CurveChart.createDataset(f, results)
                        : ContourChart.createDataset(f, results));
    }

    /** The landscape chart of {@code dataset}; run i is drawn in {@link RunColors#of(int) colour i}. */
    public static JFreeChart createLandscapeChart(Landscape dataset, List<ObjectiveResult> results) {
        return dataset instanceof Landscape.Contour contour
                ? ContourChart.createChart(contour, results)
                : CurveChart.createChart((Landscape.Curve) dataset, results);
    }

    /** Convenience: {@link #createLandscapeDataset} then {@link #createLandscapeChart(Landscape, List)}. */
    public static Optional<JFreeChart> createLandscapeChart(List<ObjectiveResult> results) {
        return createLandscapeDataset(results).map(dataset -> createLandscapeChart(dataset, results));
    }

    /**
     * Series keys for the runs: their names, made unique, because a JFreeChart dataset refuses two series
     * with the same key.
     */
    static List<String> seriesKeys(List<ObjectiveResult> results) {
        return ChartStyle.uniqueKeys(results.stream().map(ObjectiveResult::name).toList());
    }

    /** A legend line per run, in its colour. */
    static LegendItemCollection runLegend(List<ObjectiveResult> results) {
        LegendItemCollection items = new LegendItemCollection();
        for (int i = 0; i < results.size(); i++) {
            items.add(ChartStyle.lineItem(results.get(i).name(), RunColors.of(i), ChartStyle.line(3f)));
        }
        return items;
    }
}
