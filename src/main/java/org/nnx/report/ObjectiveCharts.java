package org.nnx.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.VectorRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.VectorSeries;
import org.jfree.data.xy.VectorSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.nnx.model.Formula;
import org.nnx.train.ObjectiveResult;
import org.nnx.train.RunStatus;

/**
 * The charts of an objective's report, one colour per run (see {@link RunColors}):
 * <ul>
 * <li>the <em>landscape</em>: for a function of two variables, f shaded over a box holding every run's
 * path, with contour lines, the field of −∇f as arrows, and each run's path of steps on top; for one
 * variable, f as a curve with each run's steps on it. There is none for three or more variables.</li>
 * <li>f per step, all runs overlaid, on a log axis when f is positive and spans decades.</li>
 * </ul>
 * Runs that diverged are drawn until they leave the box (landscape) or become non-finite (f per step).
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

    /** Log scale once max/min of f exceeds this (two decades), as the loss chart does. */
    static final double LOG_SCALE_RATIO = 100;
    /** The box reaches this fraction of the paths' larger extent beyond them on every side. */
    static final double MARGIN = 0.12;
    /** Cells of the shaded grid along x; along y as many as keep cells about square on screen. */
    static final int SHADE_COLUMNS = 220;
    /** Arrows of the gradient field along x. */
    static final int ARROW_COLUMNS = 24;
    /** An arrow's length as a fraction of the spacing between arrows. */
    static final double ARROW_LENGTH = 0.62;
    /** Contour lines between the lowest and highest shade. */
    static final int CONTOUR_LEVELS = 14;
    /** Shading covers this many decades of f − min f; lower values all get the lowest shade. */
    static final double SHADE_DECADES = 3.5;
    /** Points of the curve of a one-variable function. */
    static final int CURVE_POINTS = 600;
    /** At most this many step markers per run; longer paths are marked at every k-th step. */
    static final int MAX_MARKERS = 250;
    /** Beyond this many markers on a path they are drawn smaller and without an outline. */
    static final int CROWDED_MARKERS = 120;
    /** The two axes share one scale unless that would stretch one of them more than this factor. */
    static final double MAX_ASPECT_STRETCH = 6;
    /** Up to this many steps per run, f per step also marks every step with a dot. */
    static final int MARK_STEPS_UP_TO = 40;

    // Approximate size of the plot area inside the landscape chart (axes, titles and legend removed),
    // used to keep grid cells square and one unit as long on both axes.
    private static final double PLOT_WIDTH = LANDSCAPE_WIDTH - 90;
    private static final double PLOT_HEIGHT = LANDSCAPE_HEIGHT - 150;

    private static final Color START_OUTLINE = new Color(0x1f2328);
    private static final Color ARROW = new Color(0x24, 0x29, 0x2f, 100);
    private static final Color CONTOUR = new Color(0x24, 0x29, 0x2f, 70);
    private static final Color HALO = new Color(255, 255, 255, 210);
    private static final Color CURVE = new Color(0x57606a);
    private static final Color UNDEFINED = new Color(0xd0d7de);
    /** Low f white, high f grey: a neutral ramp under the runs' saturated colours, which keep their contrast. */
    private static final Color[] SHADES = {
        new Color(0xffffff), new Color(0xf3f4f6), new Color(0xe5e8eb), new Color(0xd8dce1),
        new Color(0xcdd2d8), new Color(0xc4c9d0),
    };

    /**
     * Where run {@code run}'s path as drawn ends: at its last step, or where it leaves the box or stops
     * being finite ({@code leftTheBox}, also set for every run that diverged).
     */
    public record PathEnd(int run, double x, double y, boolean leftTheBox) {
    }

    /** The landscape's data: {@link Contour} for two variables, {@link Curve} for one. */
    public sealed interface Landscape permits Contour, Curve {
        /** The box drawn: x from {@code minX} to {@code maxX} (and x1 from {@code minY} to {@code maxY}). */
        Box box();

        /** Series i = run i's path inside the box, clipped where it leaves. */
        XYSeriesCollection paths();

        /** Series i = run i's steps to mark (every step, or every k-th of a long path). */
        XYSeriesCollection markers();

        /** One series of the distinct start points. */
        XYSeriesCollection starts();

        /** Per run, where its drawn path ends. */
        List<PathEnd> ends();
    }

    /** The region drawn; for one variable only x counts and y is f's range. */
    public record Box(double minX, double maxX, double minY, double maxY) {
        public boolean contains(double x, double y) {
            return x >= minX && x <= maxX && y >= minY && y <= maxY;
        }

        double width() {
            return maxX - minX;
        }

        double height() {
            return maxY - minY;
        }
    }

    /**
     * A function of two variables.
     *
     * @param shade      x, y, t at the centre of every grid cell, t = log10(f − min f + ε) (NaN where f is not finite)
     * @param cellWidth  a grid cell's width in x0
     * @param cellHeight its height in x1
     * @param shadeLow   the t of the palest shade
     * @param shadeHigh  the t of the darkest shade
     * @param contours   series k = contour line k, segments separated by NaN points
     * @param field      one series: −∇f at the points of a coarse grid, scaled to a fixed length on screen
     */
    public record Contour(Box box, DefaultXYZDataset shade, double cellWidth, double cellHeight, double shadeLow,
                          double shadeHigh, XYSeriesCollection contours, VectorSeriesCollection field,
                          XYSeriesCollection paths, XYSeriesCollection markers, XYSeriesCollection starts,
                          List<PathEnd> ends) implements Landscape {
    }

    /**
     * A function of one variable.
     *
     * @param curve one series: f over the box, with NaN gaps where f is not finite
     * @param paths series i = run i's points (x, f(x)) in the box, in step order
     */
    public record Curve(Box box, XYSeriesCollection curve, XYSeriesCollection paths, XYSeriesCollection markers,
                        XYSeriesCollection starts, List<PathEnd> ends) implements Landscape {
    }

    private ObjectiveCharts() {
    }

    /** The number of variables the runs move: the length of their start points (0 without runs). */
    public static int variables(List<ObjectiveResult> results) {
        return results.stream().mapToInt(r -> r.run().start().size()).max().orElse(0);
    }

    /** Whether {@link #createLandscapeDataset} draws anything for these runs: one or two variables. */
    public static boolean hasLandscape(List<ObjectiveResult> results) {
        int variables = variables(results);
        return variables == 1 || variables == 2;
    }

    // ------------------------------------------------------------------------------------------------
    // The landscape

    /**
     * The landscape around every run's path, or empty for three or more variables (or no runs). f is the
     * first run's formula: every run of an objective minimizes the same one.
     */
    public static Optional<Landscape> createLandscapeDataset(List<ObjectiveResult> results) {
        if (!hasLandscape(results)) {
            return Optional.empty();
        }
        Formula f = results.get(0).run().formula();
        return Optional.of(variables(results) == 1 ? curve(f, results) : contour(f, results));
    }

    /** The landscape chart of {@code dataset}; run i is drawn in {@link RunColors#of(int) colour i}. */
    public static JFreeChart createLandscapeChart(Landscape dataset, List<ObjectiveResult> results) {
        return dataset instanceof Contour contour ? contourChart(contour, results)
                : curveChart((Curve) dataset, results);
    }

    /** Convenience: {@link #createLandscapeDataset} then {@link #createLandscapeChart(Landscape, List)}. */
    public static Optional<JFreeChart> createLandscapeChart(List<ObjectiveResult> results) {
        return createLandscapeDataset(results).map(dataset -> createLandscapeChart(dataset, results));
    }

    private static Contour contour(Formula f, List<ObjectiveResult> results) {
        Box box = squareUp(box(results, 2), PLOT_WIDTH / PLOT_HEIGHT);
        int columns = SHADE_COLUMNS;
        int rows = Math.max(2, (int) Math.round(columns * PLOT_HEIGHT / PLOT_WIDTH));
        double cellWidth = box.width() / columns;
        double cellHeight = box.height() / rows;

        double[][] values = new double[columns][rows];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double[] x = point(f, 2);
        for (int i = 0; i < columns; i++) {
            for (int j = 0; j < rows; j++) {
                x[0] = box.minX() + (i + 0.5) * cellWidth;
                x[1] = box.minY() + (j + 0.5) * cellHeight;
                double value = f.evaluate(x);
                values[i][j] = value;
                if (Double.isFinite(value)) {
                    min = Math.min(min, value);
                    max = Math.max(max, value);
                }
            }
        }
        // The runs may reach lower than any grid point: shading is relative to the lowest f seen anywhere.
        for (ObjectiveResult result : results) {
            for (int k = 0; k < result.points().size(); k++) {
                double[] p = result.points().get(k);
                double value = result.values().get(k);
                if (Double.isFinite(value) && box.contains(p[0], p[1])) {
                    min = Math.min(min, value);
                }
            }
        }
        double range = Double.isFinite(max) && max > min ? max - min : 1;
        double epsilon = range * Math.pow(10, -SHADE_DECADES);
        double shift = Double.isFinite(min) ? min : 0;
        double low = Math.log10(epsilon);
        double high = Math.log10(range + epsilon);

        double[][] shade = new double[3][columns * rows];
        double[][] levels = new double[columns][rows];
        for (int i = 0; i < columns; i++) {
            for (int j = 0; j < rows; j++) {
                double value = values[i][j];
                double t = Double.isFinite(value) ? Math.log10(Math.max(0, value - shift) + epsilon) : Double.NaN;
                levels[i][j] = t;
                int n = i * rows + j;
                shade[0][n] = box.minX() + (i + 0.5) * cellWidth;
                shade[1][n] = box.minY() + (j + 0.5) * cellHeight;
                shade[2][n] = t;
            }
        }
        DefaultXYZDataset shadeDataset = new DefaultXYZDataset();
        shadeDataset.addSeries("f", shade);

        XYSeriesCollection contours = new XYSeriesCollection();
        if (max > min) {
            for (int k = 1; k <= CONTOUR_LEVELS; k++) {
                double level = low + (high - low) * k / (CONTOUR_LEVELS + 1);
                contours.addSeries(contourLine("level " + k, levels, level, box.minX() + cellWidth / 2,
                        box.minY() + cellHeight / 2, cellWidth, cellHeight));
            }
        }
        Paths paths = paths(results, box, (p, value) -> new double[] {p[0], p[1]});
        return new Contour(box, shadeDataset, cellWidth, cellHeight, low, high, contours, field(f, box), paths.lines,
                paths.markers, paths.starts, paths.ends);
    }

    private static Curve curve(Formula f, List<ObjectiveResult> results) {
        Box xBox = box(results, 1);
        XYSeries curve = new XYSeries("f", false, true);
        double[] x = point(f, 1);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i <= CURVE_POINTS; i++) {
            x[0] = xBox.minX() + xBox.width() * i / CURVE_POINTS;
            double value = f.evaluate(x);
            curve.add(x[0], Double.isFinite(value) ? value : Double.NaN, false);
            if (Double.isFinite(value)) {
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
        }
        for (ObjectiveResult result : results) {
            for (int k = 0; k < result.points().size(); k++) {
                double p = result.points().get(k)[0];
                double value = result.values().get(k);
                if (Double.isFinite(value) && p >= xBox.minX() && p <= xBox.maxX()) {
                    min = Math.min(min, value);
                    max = Math.max(max, value);
                }
            }
        }
        if (!(max >= min)) {
            min = -1;
            max = 1;
        }
        double pad = max > min ? (max - min) * 0.06 : Math.max(1, Math.abs(max) * 0.1);
        Box box = new Box(xBox.minX(), xBox.maxX(), min - pad, max + pad);
        XYSeriesCollection curveDataset = new XYSeriesCollection();
        curveDataset.addSeries(curve);
        Paths paths = paths(results, box, (p, value) -> new double[] {p[0], value});
        return new Curve(box, curveDataset, paths.lines, paths.markers, paths.starts, paths.ends);
    }

    /** A point to evaluate {@code f} at: the plotted variables, and 0 for any further one it uses. */
    private static double[] point(Formula f, int plotted) {
        return new double[Math.max(plotted, f.variables())];
    }

    /**
     * The box around the start points and the paths of the runs that did not diverge, with a margin: a
     * diverged run's far-away points would leave nothing else visible.
     */
    static Box box(List<ObjectiveResult> results, int dimensions) {
        double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (ObjectiveResult result : results) {
            List<double[]> points = result.status() == RunStatus.DIVERGED || result.points().isEmpty()
                    ? List.of() : result.points();
            List<double[]> considered = new ArrayList<>(points);
            considered.add(result.run().start().stream().mapToDouble(Double::doubleValue).toArray());
            for (double[] p : considered) {
                boolean finite = true;
                for (int d = 0; d < dimensions; d++) {
                    finite &= Double.isFinite(p[d]);
                }
                if (!finite) {
                    continue;
                }
                for (int d = 0; d < dimensions; d++) {
                    lo[d] = Math.min(lo[d], p[d]);
                    hi[d] = Math.max(hi[d], p[d]);
                }
            }
        }
        double extent = 0;
        double scale = 0;
        for (int d = 0; d < dimensions; d++) {
            if (!(hi[d] >= lo[d])) {
                lo[d] = 0;
                hi[d] = 0;
            }
            extent = Math.max(extent, hi[d] - lo[d]);
            scale = Math.max(scale, Math.max(Math.abs(lo[d]), Math.abs(hi[d])));
        }
        // A path that barely moves still gets some landscape around it: at least 5 % of its distance from 0.
        // A single point (every run diverged at once) gets half its distance from 0, or a unit around 0.
        double half = extent > 0 ? Math.max(extent * (0.5 + MARGIN), scale * 0.05) : scale * 0.5;
        if (!(half > 0) || !Double.isFinite(half)) {
            half = 1;
        }
        double[] min = new double[2];
        double[] max = new double[2];
        for (int d = 0; d < dimensions; d++) {
            double centre = (lo[d] + hi[d]) / 2;
            double reach = Math.max(half, (hi[d] - lo[d]) / 2 + extent * MARGIN);
            min[d] = centre - reach;
            max[d] = centre + reach;
        }
        return new Box(min[0], max[0], min[1], max[1]);
    }

    /**
     * {@code box} widened along one axis so that a unit is as long on both axes of a plot with that
     * {@code aspect} (width / height), unless that would stretch it more than {@link #MAX_ASPECT_STRETCH}
     * times: then the axes keep their own scales.
     */
    static Box squareUp(Box box, double aspect) {
        double wanted = box.height() * aspect;
        double stretch = Math.max(wanted / box.width(), box.width() / wanted);
        if (!(stretch <= MAX_ASPECT_STRETCH)) {
            return box;
        }
        if (wanted > box.width()) {
            double centre = (box.minX() + box.maxX()) / 2;
            return new Box(centre - wanted / 2, centre + wanted / 2, box.minY(), box.maxY());
        }
        double height = box.width() / aspect;
        double centre = (box.minY() + box.maxY()) / 2;
        return new Box(box.minX(), box.maxX(), centre - height / 2, centre + height / 2);
    }

    /**
     * The field of −∇f on a coarse grid, each arrow centred on its grid point and as long on screen as
     * every other (only the direction is shown; the size of the gradient varies by orders of magnitude).
     */
    private static VectorSeriesCollection field(Formula f, Box box) {
        int columns = ARROW_COLUMNS;
        int rows = Math.max(2, (int) Math.round(columns * PLOT_HEIGHT / PLOT_WIDTH));
        double stepX = box.width() / columns;
        double stepY = box.height() / rows;
        VectorSeries series = new VectorSeries("−∇f", false, true);
        double[] x = point(f, 2);
        double[] gradient = new double[x.length];
        for (int i = 0; i < columns; i++) {
            for (int j = 0; j < rows; j++) {
                x[0] = box.minX() + (i + 0.5) * stepX;
                x[1] = box.minY() + (j + 0.5) * stepY;
                java.util.Arrays.fill(gradient, 0);
                f.backward(x, 1, gradient);
                // Direction in grid cells, which are about square on screen, so arrows point as drawn.
                double u = -gradient[0] / stepX;
                double v = -gradient[1] / stepY;
                double length = Math.hypot(u, v);
                if (!Double.isFinite(length) || length == 0) {
                    continue;
                }
                double dx = ARROW_LENGTH * u / length * stepX;
                double dy = ARROW_LENGTH * v / length * stepY;
                series.add(x[0] - dx / 2, x[1] - dy / 2, dx, dy);
            }
        }
        VectorSeriesCollection collection = new VectorSeriesCollection();
        collection.addSeries(series);
        return collection;
    }

    /**
     * The contour line at {@code level} of the values on a grid (marching squares), as segments separated
     * by NaN points. Saddle cells are resolved by the value at their centre; cells with a NaN are skipped.
     */
    static XYSeries contourLine(String key, double[][] grid, double level, double x0, double y0, double dx,
                                double dy) {
        XYSeries series = new XYSeries(key, false, true);
        int columns = grid.length;
        int rows = columns == 0 ? 0 : grid[0].length;
        for (int i = 0; i + 1 < columns; i++) {
            for (int j = 0; j + 1 < rows; j++) {
                double a = grid[i][j];
                double b = grid[i + 1][j];
                double c = grid[i + 1][j + 1];
                double d = grid[i][j + 1];
                if (Double.isNaN(a) || Double.isNaN(b) || Double.isNaN(c) || Double.isNaN(d)) {
                    continue;
                }
                int index = (a > level ? 1 : 0) | (b > level ? 2 : 0) | (c > level ? 4 : 0) | (d > level ? 8 : 0);
                if (index == 0 || index == 15) {
                    continue;
                }
                double left = x0 + i * dx;
                double bottom = y0 + j * dy;
                // Crossings on the four edges, as (x, y).
                double[] south = {left + dx * fraction(a, b, level), bottom};
                double[] east = {left + dx, bottom + dy * fraction(b, c, level)};
                double[] north = {left + dx * fraction(d, c, level), bottom + dy};
                double[] west = {left, bottom + dy * fraction(a, d, level)};
                boolean centreAbove = (a + b + c + d) / 4 > level;
                switch (index) {
                    case 1, 14 -> segment(series, west, south);
                    case 2, 13 -> segment(series, south, east);
                    case 3, 12 -> segment(series, west, east);
                    case 4, 11 -> segment(series, east, north);
                    case 6, 9 -> segment(series, south, north);
                    case 7, 8 -> segment(series, west, north);
                    case 5 -> {
                        if (centreAbove) {
                            segment(series, south, east);
                            segment(series, west, north);
                        } else {
                            segment(series, west, south);
                            segment(series, east, north);
                        }
                    }
                    default -> { // 10
                        if (centreAbove) {
                            segment(series, west, south);
                            segment(series, east, north);
                        } else {
                            segment(series, south, east);
                            segment(series, west, north);
                        }
                    }
                }
            }
        }
        return series;
    }

    private static double fraction(double from, double to, double level) {
        return from == to ? 0.5 : (level - from) / (to - from);
    }

    private static void segment(XYSeries series, double[] from, double[] to) {
        series.add(from[0], from[1], false);
        series.add(to[0], to[1], false);
        series.add(to[0], Double.NaN, false);
    }

    private record Paths(XYSeriesCollection lines, XYSeriesCollection markers, XYSeriesCollection starts,
                         List<PathEnd> ends) {
    }

    private interface Projection {
        double[] apply(double[] point, double value);
    }

    /**
     * Each run's path as drawn: its points (projected to the plot) while they are inside {@code clip}; the
     * segment that leaves it is cut at the edge.
     */
    private static Paths paths(List<ObjectiveResult> results, Box clip, Projection projection) {
        List<String> keys = seriesKeys(results);
        XYSeriesCollection lines = new XYSeriesCollection();
        XYSeriesCollection markers = new XYSeriesCollection();
        XYSeries starts = new XYSeries("start", false, false);
        List<PathEnd> ends = new ArrayList<>();
        Set<List<Double>> startsSeen = new HashSet<>();
        for (int r = 0; r < results.size(); r++) {
            ObjectiveResult result = results.get(r);
            XYSeries line = new XYSeries(keys.get(r), false, true);
            XYSeries marks = new XYSeries(keys.get(r), false, true);
            int count = result.points().size();
            int every = Math.max(1, (int) Math.ceil(count / (double) MAX_MARKERS));
            double[] previous = null;
            boolean left = false;
            for (int k = 0; k < count; k++) {
                double[] p = projection.apply(result.points().get(k), result.values().get(k));
                boolean finite = Double.isFinite(p[0]) && Double.isFinite(p[1]);
                if (finite && clip.contains(p[0], p[1])) {
                    line.add(p[0], p[1], false);
                    if (k % every == 0) {
                        marks.add(p[0], p[1], false);
                    }
                    if (k == 0 && startsSeen.add(List.of(p[0], p[1]))) {
                        starts.add(p[0], p[1], false);
                    }
                    previous = p;
                    continue;
                }
                // Leaving the box: draw up to its edge, towards the point when it is known.
                if (previous != null && finite) {
                    double[] edge = exit(previous, p, clip);
                    line.add(edge[0], edge[1], false);
                    previous = edge;
                }
                left = true;
                break;
            }
            lines.addSeries(line);
            markers.addSeries(marks);
            if (previous != null) {
                ends.add(new PathEnd(r, previous[0], previous[1], left || result.status() == RunStatus.DIVERGED));
            }
        }
        XYSeriesCollection startCollection = new XYSeriesCollection();
        startCollection.addSeries(starts);
        return new Paths(lines, markers, startCollection, ends);
    }

    /** Where the segment from {@code inside} to {@code outside} crosses the edge of {@code box}. */
    static double[] exit(double[] inside, double[] outside, Box box) {
        double dx = outside[0] - inside[0];
        double dy = outside[1] - inside[1];
        double t = 1;
        if (dx > 0 && Double.isFinite(box.maxX())) {
            t = Math.min(t, (box.maxX() - inside[0]) / dx);
        } else if (dx < 0 && Double.isFinite(box.minX())) {
            t = Math.min(t, (box.minX() - inside[0]) / dx);
        }
        if (dy > 0 && Double.isFinite(box.maxY())) {
            t = Math.min(t, (box.maxY() - inside[1]) / dy);
        } else if (dy < 0 && Double.isFinite(box.minY())) {
            t = Math.min(t, (box.minY() - inside[1]) / dy);
        }
        t = Math.max(0, t);
        return new double[] {inside[0] + t * dx, inside[1] + t * dy};
    }

    private static JFreeChart contourChart(Contour data, List<ObjectiveResult> results) {
        NumberAxis xAxis = boxAxis("x0", data.box().minX(), data.box().maxX());
        NumberAxis yAxis = boxAxis("x1", data.box().minY(), data.box().maxY());
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(xAxis);
        plot.setRangeAxis(yAxis);
        // Drawn from the last index to the first: shading at the bottom, start points on top.
        int index = addRunLayers(plot, 0, data, results);

        VectorRenderer arrows = new VectorRenderer();
        arrows.setSeriesPaint(0, ARROW);
        arrows.setSeriesStroke(0, new BasicStroke(1.1f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        plot.setDataset(index, data.field());
        plot.setRenderer(index++, arrows);

        XYLineAndShapeRenderer contours = new XYLineAndShapeRenderer(true, false);
        contours.setDrawSeriesLineAsPath(true);
        for (int k = 0; k < data.contours().getSeriesCount(); k++) {
            contours.setSeriesPaint(k, CONTOUR);
            contours.setSeriesStroke(k, ChartStyle.line(0.8f));
        }
        plot.setDataset(index, data.contours());
        plot.setRenderer(index++, contours);

        XYBlockRenderer shade = new XYBlockRenderer();
        // A hair wider than the cells: anti-aliased neighbours would otherwise leave faint seams between them.
        shade.setBlockWidth(data.cellWidth() * 1.04);
        shade.setBlockHeight(data.cellHeight() * 1.04);
        shade.setPaintScale(new ShadeScale(data.shadeLow(), data.shadeHigh()));
        plot.setDataset(index, data.shade());
        plot.setRenderer(index, shade);

        plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
        // The contour is a map: grid lines would only add noise on top of it.
        JFreeChart chart = ChartStyle.chart("Paths on the landscape of f",
                "shading and contours: log(f − min f) · arrows: direction of −∇f, not its size · "
                        + markerKey(data), plot, landscapeLegend(results));
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        addDivergedLabels(plot, data, results);
        return chart;
    }

    private static JFreeChart curveChart(Curve data, List<ObjectiveResult> results) {
        NumberAxis xAxis = boxAxis("x0", data.box().minX(), data.box().maxX());
        NumberAxis yAxis = boxAxis("f", data.box().minY(), data.box().maxY());
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(xAxis);
        plot.setRangeAxis(yAxis);
        int index = addRunLayers(plot, 0, data, results);
        XYLineAndShapeRenderer curve = new XYLineAndShapeRenderer(true, false);
        curve.setDrawSeriesLineAsPath(true);
        curve.setSeriesPaint(0, CURVE);
        curve.setSeriesStroke(0, ChartStyle.line(1.6f));
        plot.setDataset(index, data.curve());
        plot.setRenderer(index, curve);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
        JFreeChart chart = ChartStyle.chart("Steps on the curve of f",
                "grey: f(x0) · dots: each run's steps (x0, f) · " + markerKey(data), plot, landscapeLegend(results));
        addDivergedLabels(plot, data, results);
        return chart;
    }

    /** What the markers mean, for the subtitle: the cross only when some path has one. */
    private static String markerKey(Landscape data) {
        boolean crosses = data.ends().stream().anyMatch(PathEnd::leftTheBox);
        return "○ start · ● last step" + (crosses ? " · × where a path leaves the plot (diverged)" : "");
    }

    /** Start points, path ends, step markers, paths and their white halos, from {@code index} on. */
    private static int addRunLayers(XYPlot plot, int index, Landscape data, List<ObjectiveResult> results) {
        XYLineAndShapeRenderer starts = new XYLineAndShapeRenderer(false, true);
        starts.setSeriesShape(0, circle(11));
        starts.setSeriesPaint(0, Color.WHITE);
        starts.setUseFillPaint(true);
        starts.setSeriesFillPaint(0, Color.WHITE);
        starts.setUseOutlinePaint(true);
        starts.setSeriesOutlinePaint(0, START_OUTLINE);
        starts.setSeriesOutlineStroke(0, new BasicStroke(2f));
        starts.setDrawOutlines(true);
        plot.setDataset(index, data.starts());
        plot.setRenderer(index++, starts);

        XYSeriesCollection ends = new XYSeriesCollection();
        XYLineAndShapeRenderer endRenderer = new XYLineAndShapeRenderer(false, true);
        endRenderer.setUseOutlinePaint(true);
        endRenderer.setDrawOutlines(true);
        for (PathEnd end : data.ends()) {
            int series = ends.getSeriesCount();
            XYSeries point = new XYSeries("end " + series, false, true);
            point.add(end.x(), end.y());
            ends.addSeries(point);
            Color colour = RunColors.of(end.run());
            if (end.leftTheBox()) {
                endRenderer.setSeriesShape(series, cross(7));
                endRenderer.setSeriesPaint(series, colour);
                endRenderer.setSeriesOutlinePaint(series, colour);
                endRenderer.setSeriesOutlineStroke(series, ChartStyle.line(2.6f));
                endRenderer.setSeriesShapesFilled(series, false);
            } else {
                endRenderer.setSeriesShape(series, circle(9));
                endRenderer.setSeriesPaint(series, colour);
                endRenderer.setSeriesOutlinePaint(series, Color.WHITE);
                endRenderer.setSeriesOutlineStroke(series, new BasicStroke(1.6f));
                endRenderer.setSeriesShapesFilled(series, true);
            }
        }
        plot.setDataset(index, ends);
        plot.setRenderer(index++, endRenderer);

        // Paths often overlap (every run on a bowl heads straight for the centre). So that each stays
        // visible: a diverged run's jump out is dashed, over everything else; shorter lines lie over longer
        // ones; markers, under the lines, of runs with long steps (few, far apart) over those with short ones.
        PathStats stats = PathStats.of(data, results);
        XYSeriesCollection jumps = new XYSeriesCollection();
        XYLineAndShapeRenderer jumpRenderer = new XYLineAndShapeRenderer(true, false);
        jumpRenderer.setDrawSeriesLineAsPath(true);
        for (int r = 0; r < stats.runs(); r++) {
            if (stats.diverged[r]) {
                int s = jumps.getSeriesCount();
                jumps.addSeries(data.paths().getSeries(r));
                jumpRenderer.setSeriesPaint(s, RunColors.of(r));
                jumpRenderer.setSeriesStroke(s, ChartStyle.dashed(2f));
            }
        }
        plot.setDataset(index, jumps);
        plot.setRenderer(index++, jumpRenderer);

        XYSeriesCollection lines = new XYSeriesCollection();
        XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
        lineRenderer.setDrawSeriesLineAsPath(true);
        for (int r : stats.order(java.util.Comparator.comparingDouble(r -> -stats.length[r]))) {
            if (!stats.diverged[r]) {
                int s = lines.getSeriesCount();
                lines.addSeries(data.paths().getSeries(r));
                lineRenderer.setSeriesPaint(s, RunColors.of(r));
                lineRenderer.setSeriesStroke(s, ChartStyle.line(1.8f));
            }
        }
        plot.setDataset(index, lines);
        plot.setRenderer(index++, lineRenderer);

        // Markers are wider than the lines, so they show beside a line drawn over them.
        XYSeriesCollection markers = new XYSeriesCollection();
        XYLineAndShapeRenderer markerRenderer = new XYLineAndShapeRenderer(false, true);
        markerRenderer.setUseOutlinePaint(true);
        for (int r : stats.order(java.util.Comparator.comparingDouble(r -> stats.longestStep[r]))) {
            int s = markers.getSeriesCount();
            XYSeries series = data.markers().getSeries(r);
            markers.addSeries(series);
            // Outlined dots where steps are few; plain smaller ones on long paths, where they crowd.
            boolean crowded = series.getItemCount() > CROWDED_MARKERS;
            markerRenderer.setSeriesShape(s, circle(crowded ? 3.6 : 5.2));
            markerRenderer.setSeriesPaint(s, RunColors.of(r));
            markerRenderer.setSeriesOutlinePaint(s, Color.WHITE);
            markerRenderer.setSeriesOutlineStroke(s, new BasicStroke(0.7f));
            markerRenderer.setSeriesShapesFilled(s, true);
        }
        markerRenderer.setDrawOutlines(true);
        for (int s = 0; s < markers.getSeriesCount(); s++) {
            if (markers.getSeries(s).getItemCount() > CROWDED_MARKERS) {
                markerRenderer.setSeriesOutlineStroke(s, new BasicStroke(0f));
                markerRenderer.setSeriesOutlinePaint(s, markerRenderer.getSeriesPaint(s));
            }
        }
        plot.setDataset(index, markers);
        plot.setRenderer(index++, markerRenderer);

        // A white halo under every path keeps it readable on the darker shades.
        XYLineAndShapeRenderer halos = new XYLineAndShapeRenderer(true, false);
        halos.setDrawSeriesLineAsPath(true);
        for (int r = 0; r < stats.runs(); r++) {
            halos.setSeriesPaint(r, HALO);
            halos.setSeriesStroke(r, ChartStyle.line(4.2f));
        }
        plot.setDataset(index, data.paths());
        plot.setRenderer(index++, halos);
        // Series in the order added, the last on top, in every layer.
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
        return index;
    }

    /** Per run, what decides where its path is drawn among the others. */
    private record PathStats(boolean[] diverged, double[] length, double[] longestStep) {
        int runs() {
            return length.length;
        }

        /** Runs sorted bottom first by {@code comparator}. */
        List<Integer> order(java.util.Comparator<Integer> comparator) {
            List<Integer> order = new ArrayList<>();
            for (int r = 0; r < runs(); r++) {
                order.add(r);
            }
            order.sort(comparator);
            return order;
        }

        /** Lengths on screen, in units of the box's width and height. */
        static PathStats of(Landscape data, List<ObjectiveResult> results) {
            Box box = data.box();
            int runs = data.paths().getSeriesCount();
            boolean[] diverged = new boolean[runs];
            double[] length = new double[runs];
            double[] longestStep = new double[runs];
            for (int r = 0; r < runs; r++) {
                diverged[r] = r < results.size() && results.get(r).status() == RunStatus.DIVERGED;
                XYSeries path = data.paths().getSeries(r);
                for (int k = 1; k < path.getItemCount(); k++) {
                    double dx = (path.getX(k).doubleValue() - path.getX(k - 1).doubleValue()) / box.width();
                    double dy = (path.getY(k).doubleValue() - path.getY(k - 1).doubleValue()) / box.height();
                    double step = Math.hypot(dx, dy);
                    if (Double.isFinite(step)) {
                        length[r] += step;
                        longestStep[r] = Math.max(longestStep[r], step);
                    }
                }
            }
            return new PathStats(diverged, length, longestStep);
        }
    }

    /** "diverged" in the run's colour where its path leaves the plot, placed inside the plot. */
    private static void addDivergedLabels(XYPlot plot, Landscape data, List<ObjectiveResult> results) {
        Box box = data.box();
        for (PathEnd end : data.ends()) {
            if (!end.leftTheBox() || results.get(end.run()).status() != RunStatus.DIVERGED) {
                continue;
            }
            double fx = (end.x() - box.minX()) / box.width();
            double fy = (end.y() - box.minY()) / box.height();
            // Push the text away from the nearest edge, towards the middle of the plot.
            double x = end.x() - Math.signum(fx - 0.5) * box.width() * 0.015;
            double y = end.y() - Math.signum(fy - 0.5) * box.height() * 0.03;
            TextAnchor anchor;
            double toSide = Math.min(fx, 1 - fx);
            double toTopOrBottom = Math.min(fy, 1 - fy);
            if (toSide <= toTopOrBottom) {
                anchor = fx > 0.5 ? TextAnchor.BOTTOM_RIGHT : TextAnchor.BOTTOM_LEFT;
            } else {
                anchor = fy > 0.5 ? (fx > 0.5 ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT)
                        : (fx > 0.5 ? TextAnchor.BOTTOM_RIGHT : TextAnchor.BOTTOM_LEFT);
            }
            XYTextAnnotation label = new XYTextAnnotation("diverged", x, y);
            label.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 11));
            label.setPaint(RunColors.of(end.run()));
            label.setTextAnchor(anchor);
            label.setBackgroundPaint(new Color(255, 255, 255, 200));
            plot.addAnnotation(label);
        }
    }

    private static NumberAxis boxAxis(String label, double lower, double upper) {
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(false);
        axis.setRange(lower, upper);
        ChartStyle.style(axis);
        return axis;
    }

    private static LegendItemCollection landscapeLegend(List<ObjectiveResult> results) {
        LegendItemCollection items = runLegend(results);
        Shape ring = circle(9);
        LegendItem start = new LegendItem("start", null, null, null, true, ring, true, Color.WHITE, true,
                START_OUTLINE, new BasicStroke(1.8f), false, new Line2D.Double(), new BasicStroke(1f), Color.WHITE);
        start.setLabelFont(ChartStyle.LABEL_FONT);
        start.setLabelPaint(ChartStyle.TEXT);
        items.add(start);
        return items;
    }

    private static LegendItemCollection runLegend(List<ObjectiveResult> results) {
        LegendItemCollection items = new LegendItemCollection();
        for (int i = 0; i < results.size(); i++) {
            items.add(ChartStyle.lineItem(results.get(i).name(), RunColors.of(i), ChartStyle.line(3f)));
        }
        return items;
    }

    private static Shape circle(double diameter) {
        return new Ellipse2D.Double(-diameter / 2, -diameter / 2, diameter, diameter);
    }

    private static Shape cross(double half) {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(-half, -half);
        path.lineTo(half, half);
        path.moveTo(-half, half);
        path.lineTo(half, -half);
        return path;
    }

    /**
     * Series keys for the runs: their names, made unique, because a JFreeChart dataset refuses two series
     * with the same key.
     */
    static List<String> seriesKeys(List<ObjectiveResult> results) {
        return ChartStyle.uniqueKeys(results.stream().map(ObjectiveResult::name).toList());
    }

    /** A light ramp from {@link #SHADES}[0] at {@code low} to the last shade at {@code high}; NaN is grey. */
    static final class ShadeScale implements PaintScale, Serializable {
        private static final long serialVersionUID = 1L;
        private final double low;
        private final double high;

        ShadeScale(double low, double high) {
            this.low = low;
            this.high = high > low ? high : low + 1;
        }

        @Override
        public double getLowerBound() {
            return low;
        }

        @Override
        public double getUpperBound() {
            return high;
        }

        @Override
        public Paint getPaint(double value) {
            if (Double.isNaN(value)) {
                return UNDEFINED;
            }
            double t = Math.max(0, Math.min(1, (value - low) / (high - low))) * (SHADES.length - 1);
            int i = Math.min(SHADES.length - 2, (int) Math.floor(t));
            double w = t - i;
            Color a = SHADES[i];
            Color b = SHADES[i + 1];
            return new Color(mix(a.getRed(), b.getRed(), w), mix(a.getGreen(), b.getGreen(), w),
                    mix(a.getBlue(), b.getBlue(), w));
        }

        private static int mix(int a, int b, double w) {
            return (int) Math.round(a + (b - a) * w);
        }
    }

    // ------------------------------------------------------------------------------------------------
    // f per step

    /** Series i = run i's finite f by step (a diverged run's series ends at its last finite value). */
    public static XYSeriesCollection createValueDataset(List<ObjectiveResult> results) {
        List<String> keys = seriesKeys(results);
        XYSeriesCollection collection = new XYSeriesCollection();
        for (int r = 0; r < results.size(); r++) {
            XYSeries series = new XYSeries(keys.get(r), false, true);
            List<Double> values = results.get(r).values();
            for (int step = 0; step < values.size(); step++) {
                double value = values.get(step);
                if (!Double.isFinite(value)) {
                    break;
                }
                series.add(step, value, false);
            }
            collection.addSeries(series);
        }
        return collection;
    }

    /** The f-per-step chart of {@code dataset}; series i gets {@link RunColors#of(int) colour i}. */
    public static JFreeChart createValueChart(XYSeriesCollection dataset, List<ObjectiveResult> results) {
        boolean log = wantsLogScale(dataset);
        ValueAxis valueAxis = log ? ChartStyle.decadeLogAxis("f") : ChartStyle.linearAxis("f");
        NumberAxis stepAxis = new NumberAxis("step");
        stepAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        long last = results.stream().mapToLong(r -> Math.max(r.run().steps(), r.points().size() - 1)).max().orElse(0);
        if (last > 0) {
            stepAxis.setRange(0, last);
        }
        ChartStyle.style(stepAxis);

        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
        lines.setDrawSeriesLineAsPath(true);
        for (int r = 0; r < dataset.getSeriesCount(); r++) {
            lines.setSeriesPaint(r, RunColors.of(r));
            lines.setSeriesStroke(r, ChartStyle.line(2f));
            boolean marked = dataset.getItemCount(r) <= MARK_STEPS_UP_TO;
            lines.setSeriesShapesVisible(r, marked);
            lines.setSeriesShape(r, circle(4.5));
        }
        XYPlot plot = new XYPlot(dataset, stepAxis, valueAxis, lines);

        // A cross where each diverged run's curve stops.
        XYSeriesCollection ends = new XYSeriesCollection();
        XYLineAndShapeRenderer endRenderer = new XYLineAndShapeRenderer(false, true);
        endRenderer.setUseOutlinePaint(true);
        for (int r = 0; r < dataset.getSeriesCount() && r < results.size(); r++) {
            int items = dataset.getItemCount(r);
            if (results.get(r).status() != RunStatus.DIVERGED || items == 0) {
                continue;
            }
            int series = ends.getSeriesCount();
            XYSeries end = new XYSeries("diverged " + series, false, true);
            end.add(dataset.getXValue(r, items - 1), dataset.getYValue(r, items - 1));
            ends.addSeries(end);
            endRenderer.setSeriesShape(series, cross(6));
            endRenderer.setSeriesShapesFilled(series, false);
            endRenderer.setSeriesPaint(series, RunColors.of(r));
            endRenderer.setSeriesOutlinePaint(series, RunColors.of(r));
            endRenderer.setSeriesOutlineStroke(series, ChartStyle.line(2.4f));
        }
        plot.setDataset(1, ends);
        plot.setRenderer(1, endRenderer);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setNoDataMessage("No value of f was recorded.");
        String subtitle = "f(x) after each step; step 0 is the start"
                + (ends.getSeriesCount() > 0 ? " · × where a run diverged" : "") + (log ? " · log scale" : "");
        return ChartStyle.chart("f per step", subtitle, plot, runLegend(results));
    }

    /** Convenience: {@link #createValueDataset} then {@link #createValueChart(XYSeriesCollection, List)}. */
    public static JFreeChart createValueChart(List<ObjectiveResult> results) {
        return createValueChart(createValueDataset(results), results);
    }

    /** True when every value is positive and the largest is more than 100× the smallest. */
    static boolean wantsLogScale(XYSeriesCollection dataset) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (int s = 0; s < dataset.getSeriesCount(); s++) {
            for (int i = 0; i < dataset.getItemCount(s); i++) {
                double y = dataset.getYValue(s, i);
                if (!(y > 0)) {
                    return false;
                }
                min = Math.min(min, y);
                max = Math.max(max, y);
            }
        }
        return max > 0 && max / min > LOG_SCALE_RATIO;
    }

}
