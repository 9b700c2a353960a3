package org.nnx.report;

import java.util.List;
import org.jfree.chart.JFreeChart;
import org.nnx.train.RunStatus;

/**
 * The charts: loss and accuracy of every run overlaid, by iteration and, when runs see data at different
 * rates, by epoch; then small multiples of the final test accuracy against each swept setting.
 */
final class ChartsSection implements ReportSection {
    /** The height of a row of small multiples. */
    static final int SETTINGS_HEIGHT = 330;

    private final ReportModel model;
    private final HtmlReport.ChartRenderer charts;
    /** Names each chart's image map; counts across both parts, so every name on the page is unique. */
    private int chartCount;

    ChartsSection(ReportModel model, HtmlReport.ChartRenderer charts) {
        this.model = model;
        this.charts = charts;
    }

    @Override
    public void appendTo(StringBuilder html) {
        curves(html);
        settings(html);
    }

    /** Loss and accuracy, overlaid, by iteration; also by epoch when runs see data at different rates. */
    private void curves(StringBuilder html) {
        if (model.runs.isEmpty()) {
            return;
        }
        List<ChartLine> lines = model.lines();
        html.append(Html.section("Training curves"));
        if (model.chartable() > lines.size()) {
            html.append(Html.note("The charts draw the best " + lines.size() + " of the " + model.chartable()
                    + " configurations with metrics, by final test accuracy; the tables list them all."));
        }
        if (model.groups.size() > ReportModel.MAX_COLOURED) {
            html.append(Html.note(model.groups.size() + " configurations: the best " + ReportModel.HIGHLIGHTED
                    + " by final test accuracy are coloured, the others grey. The small multiples below show how each"
                    + " setting moves the result."));
        }
        lossFigure(html, lines, XAxisKind.ITERATION, "Mini-batch loss per iteration of every run, raw and smoothed");
        accuracyFigure(html, lines, XAxisKind.ITERATION, "Train and test accuracy of every run at each evaluation");
        heldOutFigure(html, lines, XAxisKind.ITERATION, "Test and validation loss of every run at each evaluation");
        toggles(html, lines);
        if (!model.epochsAlign()) {
            html.append("<h3>Aligned by epoch</h3>\n")
                    .append(Html.note("The runs see the training set at different"
                            + " rates (batch size or data differ), so here they are lined up by epochs, passes over the training"
                            + " set."));
            lossFigure(html, lines, XAxisKind.EPOCH, "Mini-batch loss of every run by epoch");
            accuracyFigure(html, lines, XAxisKind.EPOCH, "Train and test accuracy of every run by epoch");
        }
        html.append(Html.SECTION_END);
    }

    /**
     * A button per coloured line that shows or hides it in every chart; the grey lines of a large sweep are
     * shown and hidden from the runs table.
     */
    private static void toggles(StringBuilder html, List<ChartLine> lines) {
        html.append("<div class=\"toggles\"><span class=\"note\">Show or hide:</span>");
        for (ChartLine line : lines) {
            if (!line.faint()) {
                html.append(" <label>")
                        .append(Html.runToggle(line.colour(), line.label()))
                        .append(Html.code(line.label()))
                        .append("</label>");
            }
        }
        html.append("</div>\n");
    }

    /** Small multiples: final test accuracy against each swept setting. */
    private void settings(StringBuilder html) {
        List<String> settings = model.settingsThatVary();
        if (settings.isEmpty() || model.groups.size() < 2) {
            return;
        }
        List<SettingsChart.Dot> dots = model.runs.stream()
                .map(r -> new SettingsChart.Dot(
                        r.label,
                        r.swept,
                        r.finalTestAccuracy(),
                        r.colour(),
                        r.faint(),
                        r.status() == RunStatus.OK && !r.blewUp()))
                .toList();
        html.append(Html.section("Final accuracy by setting"));
        for (int from = 0; from < settings.size(); from += SettingsChart.PANELS_PER_CHART) {
            List<String> panel =
                    settings.subList(from, Math.min(settings.size(), from + SettingsChart.PANELS_PER_CHART));
            figure(
                    html,
                    SettingsChart.createChart(panel, dots, "Final test accuracy by " + String.join(", ", panel)),
                    SETTINGS_HEIGHT,
                    "Final test accuracy of every run against the value of " + String.join(", ", panel));
        }
        if (settings.size() >= 2) {
            List<ParallelCoordinates.Run> runs = model.runs.stream()
                    .map(r -> new ParallelCoordinates.Run(
                            r.group.label,
                            r.swept,
                            r.status() == RunStatus.OK && !r.blewUp() ? r.finalTestAccuracy() : Double.NaN))
                    .toList();
            html.append("<figure>")
                    .append(ParallelCoordinates.render(settings, runs, "chart-" + (++chartCount)))
                    .append("</figure>\n");
        }
        html.append(Html.SECTION_END);
    }

    /** The loss chart of {@code lines} along {@code axis}, with the controls that zoom and smooth it. */
    private void lossFigure(StringBuilder html, List<ChartLine> lines, XAxisKind axis, String alt) {
        LossChart.LossDataset dataset = LossChart.createDataset(lines, axis);
        JFreeChart chart = LossChart.createChart(dataset, List.of());
        String id = figure(html, chart, ChartImages.HEIGHT, alt);
        html.append(ChartView.controls(id, LossChart.view(chart, dataset)));
    }

    /** The accuracy chart of {@code lines} along {@code axis}, with the controls that zoom and smooth it. */
    private void accuracyFigure(StringBuilder html, List<ChartLine> lines, XAxisKind axis, String alt) {
        AccuracyChart.AccuracyDataset dataset = AccuracyChart.createDataset(lines, axis);
        JFreeChart chart = AccuracyChart.createChart(dataset, List.of());
        String id = figure(html, chart, ChartImages.HEIGHT, alt);
        html.append(ChartView.controls(id, AccuracyChart.view(chart, dataset)));
    }

    /** The held-out loss chart of {@code lines} along {@code axis}, when some run recorded one. */
    private void heldOutFigure(StringBuilder html, List<ChartLine> lines, XAxisKind axis, String alt) {
        HeldOutLossChart.HeldOutDataset dataset = HeldOutLossChart.createDataset(lines, axis);
        if (!dataset.hasValues()) {
            return;
        }
        JFreeChart chart = HeldOutLossChart.createChart(dataset);
        String id = figure(html, chart, ChartImages.HEIGHT, alt);
        html.append(ChartView.controls(id, HeldOutLossChart.view(chart, dataset)));
    }

    /** Appends {@code chart} and returns its id. */
    private String figure(StringBuilder html, JFreeChart chart, int height, String alt) {
        String id = "chart-" + (++chartCount);
        ChartFigure.append(html, charts, chart, height, id, alt);
        return id;
    }
}
