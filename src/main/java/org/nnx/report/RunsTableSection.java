package org.nnx.report;

import static org.nnx.report.Html.escape;
import static org.nnx.report.Html.numberCell;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.nnx.train.RunStatus;

/** A row per run, every column sortable; the best run marked. */
final class RunsTableSection implements ReportSection {
    private final ReportModel model;
    private final ReportedRun best;
    private final boolean validation;
    /** Without swept settings, the runs' names are the only thing that tells the rows apart. */
    private final boolean names;
    /**
     * A large sweep is listed best first, so the top of the table answers "which settings won"; a small one
     * in the order of the file, which is how its author thinks of it.
     */
    private final boolean byRank;
    /** Each run's folder under {@code runs/}, for the link to its metrics.csv; empty on a comparison. */
    private final java.util.Map<ReportedRun, String> folders = new java.util.IdentityHashMap<>();

    /** The table shows this many runs until the reader asks for all (when the page's script runs). */
    static final int TOP = 20;

    RunsTableSection(ReportModel model) {
        this.model = model;
        this.best = model.bestRun();
        this.validation = model.hasValidation();
        this.names = model.swept.isEmpty();
        this.byRank = model.groups.size() > ReportModel.MAX_COLOURED;
        if (!model.comparison) {
            for (ReportedExperiment experiment : model.experiments) {
                List<org.nnx.train.RunResult> results = experiment.result().runs();
                List<String> names = ReportWriter.folderNames(
                        results.stream().map(org.nnx.train.RunResult::name).toList());
                for (ReportedRun run : model.runs) {
                    int at = results.indexOf(run.result);
                    if (run.experiment == experiment && at >= 0) {
                        folders.put(run, names.get(at));
                    }
                }
            }
        }
    }

    @Override
    public void appendTo(StringBuilder html) {
        html.append(Html.section("Runs"));
        if (model.runs.isEmpty()) {
            html.append(Html.note("This report has no runs.")).append(Html.SECTION_END);
            return;
        }
        List<ReportedRun> rows = new ArrayList<>(model.runs);
        if (byRank) {
            rows.sort(Comparator.comparingInt(r -> r.rank));
        }
        html.append("<div class=\"table-wrap\">\n<table class=\"runs sortable\"")
                .append(rows.size() > TOP ? " data-top=\"" + TOP + "\"" : "")
                .append(">\n<thead>\n");
        head(html);
        html.append("</thead>\n<tbody>\n");
        rows.forEach(run -> row(html, run));
        html.append("</tbody>\n</table>\n</div>\n<p class=\"note\">");
        if (best != null) {
            html.append("★ marks the ok run with the highest final test accuracy. ");
        }
        html.append(byRank ? "Listed best first. " : "")
                .append(folders.isEmpty() ? "" : "A run's # links to its metrics.csv. ")
                .append("# ranks the runs by final test accuracy, ok runs"
                        + " first. Train gap is train minus test accuracy in points (hover for the train accuracy). Best test"
                        + " is the highest test accuracy at any evaluation, and where. Batch loss is the loss of the last"
                        + " mini-batch; test loss the mean loss over the test set at the last evaluation.</p>\n")
                .append(Html.SECTION_END);
    }

    private void head(StringBuilder html) {
        html.append("<tr><th class=\"num\" data-first=\"ascending\" title=\"rank by final test accuracy\"")
                .append(byRank ? " aria-sort=\"ascending\"" : "")
                .append(">#</th>");
        if (names) {
            html.append("<th>Run</th>");
        }
        for (String setting : model.swept) {
            html.append("<th>").append(escape(setting)).append("</th>");
        }
        html.append("<th>Status</th><th class=\"num\">Test acc.</th><th class=\"num\">Best test</th>")
                .append("<th class=\"num\" title=\"train minus test accuracy, in points: overfitting\">Train gap</th>");
        if (validation) {
            html.append("<th class=\"num\">Val. acc.</th>");
        }
        html.append("<th class=\"num\" data-first=\"ascending\" title=\"the loss of the last mini-batch\">")
                .append("Batch loss</th>")
                .append("<th class=\"num\" data-first=\"ascending\" title=\"the mean loss over the test set at the")
                .append(" last evaluation\">Test loss</th><th class=\"num\" data-first=\"ascending\">")
                .append("Time</th><th class=\"num\">Samples/s</th></tr>\n");
    }

    private void row(StringBuilder html, ReportedRun run) {
        List<String> classes = new ArrayList<>();
        if (run == best) {
            classes.add("best");
        }
        if (run.faint()) {
            classes.add("faint");
        }
        html.append("<tr data-run=\"")
                .append(escape(run.group.label))
                .append(classes.isEmpty() ? "\">" : "\" class=\"" + String.join(" ", classes) + "\">");
        html.append("<td class=\"num\" data-v=\"")
                .append(run.rank)
                .append("\" title=\"")
                .append(escape(run.label))
                .append("\"><div class=\"run\">")
                .append(Html.runToggle(run.colour(), run.group.label));
        String folder = folders.get(run);
        if (folder == null) {
            html.append(run.rank);
        } else {
            html.append("<a href=\"")
                    .append(escape(link(folder)))
                    .append("\" title=\"this run's metrics.csv\">")
                    .append(run.rank)
                    .append("</a>");
        }
        if (run == best) {
            html.append(
                    " <span class=\"badge best-mark\" title=\"highest final test accuracy of the ok runs\">★ best</span>");
        }
        html.append("</div></td>");
        if (names) {
            html.append("<td><span class=\"run-name\">")
                    .append(escape(run.label))
                    .append("</span></td>");
        }
        for (String setting : model.swept) {
            String value = run.swept.getOrDefault(setting, "");
            html.append("<td")
                    .append(Html.numericAttribute(value))
                    .append(">")
                    .append(escape(value))
                    .append("</td>");
        }
        status(html, run);
        accuracies(html, run);
        html.append(numberCell(run.result.loss(), ReadableNumbers.loss(run.result)))
                .append(numberCell(
                        run.finalTestLoss,
                        Double.isNaN(run.finalTestLoss) ? "—" : ReadableNumbers.significant(run.finalTestLoss)))
                .append(numberCell(run.result.seconds(), ReadableNumbers.duration(run.result.seconds())))
                .append(numberCell(
                        run.result.samplesPerSecond() > 0 ? run.result.samplesPerSecond() : Double.NaN,
                        ReadableNumbers.rate(run.result.samplesPerSecond())))
                .append("</tr>\n");
    }

    /** {@code runs/<folder>/metrics.csv} as a relative URL, the folder name percent-encoded where it must be. */
    static String link(String folder) {
        try {
            return new java.net.URI(
                            null,
                            null,
                            ReportWriter.RUNS_DIRECTORY + "/" + folder + "/" + ReportWriter.METRICS_FILE,
                            null)
                    .getRawPath();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(folder, e);
        }
    }

    /** The status badge, marks for a run that blew up or barely moved, and why a run did not end ok. */
    private static void status(StringBuilder html, ReportedRun run) {
        String label = run.status().label();
        html.append("<td class=\"status\" data-v=\"")
                .append(label)
                .append(run.barelyMoved() ? " barely" : run.blewUp() ? " blew up" : "")
                .append("\"><span class=\"badge status-")
                .append(label)
                .append("\">")
                .append(label)
                .append("</span>");
        if (run.blewUp()) {
            html.append(" <span class=\"badge status-diverged\" title=\"the loss rose above ")
                    .append((int) LossProfile.BLOW_UP_FACTOR)
                    .append("× its first value and never fell below its start\">")
                    .append("blew up</span>");
        }
        if (run.barelyMoved()) {
            html.append(" <span class=\"badge status-barely\" title=\"the smoothed loss fell by less than ")
                    .append(Math.round(100 * LossProfile.BARELY_MOVED_DROP))
                    .append(" %\">barely moved</span>");
        }
        if (run.status() != RunStatus.OK
                && run.result.reason() != null
                && !run.result.reason().isBlank()) {
            html.append("<div class=\"reason\">")
                    .append(escape(run.result.reason()))
                    .append("</div>");
        }
        html.append("</td>");
    }

    /** Final and best test accuracy, the train–test gap and, with a validation set, its accuracy. */
    private void accuracies(StringBuilder html, ReportedRun run) {
        html.append(numberCell(run.finalTestAccuracy(), ReadableNumbers.percent(run.finalTestAccuracy())));
        html.append("<td class=\"num\" data-v=\"")
                .append(Html.sortValue(run.bestTestAccuracy))
                .append("\">")
                .append(ReadableNumbers.percent(run.bestTestAccuracy));
        if (run.bestIteration > 0) {
            html.append("<div class=\"where\">at ")
                    .append(ReadableNumbers.grouped(run.bestIteration))
                    .append("</div>");
        }
        html.append("</td>");
        // The train accuracy itself is the gap plus the test accuracy; it is in the cell's tooltip.
        html.append("<td class=\"num\" data-v=\"")
                .append(Html.sortValue(run.gap()))
                .append("\" title=\"train accuracy ")
                .append(ReadableNumbers.percent(run.result.trainAccuracy()))
                .append("\">")
                .append(Double.isFinite(run.gap()) ? String.format(Locale.ROOT, "%+.1f", 100 * run.gap()) : "—")
                .append("</td>");
        if (validation) {
            html.append(numberCell(run.finalValidationAccuracy, ReadableNumbers.percent(run.finalValidationAccuracy)));
        }
    }
}
