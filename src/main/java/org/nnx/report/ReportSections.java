package org.nnx.report;

import static org.nnx.report.HtmlReport.escape;

import java.util.ArrayList;
import java.util.Base64;
import org.nnx.train.DatasetSummary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.jfree.chart.JFreeChart;
import org.nnx.model.ExperimentPlan;
import org.nnx.train.RunStatus;

/** The sections of the report page, each appended to one builder in page order. */
final class ReportSections {
    /** Runs named in one finding line before "and N more". */
    /** Sample images of each class shown in the data section. */
    private static final int SAMPLE_COLUMNS = 10;
    private static final int NAMED_IN_FINDING = 4;
    /** A train–test gap above this many points is worth a line among the findings. */
    private static final double NOTABLE_GAP = 0.03;
    /** The significance level the repeats table uses for its verdict. */
    static final double ALPHA = 0.05;

    private final ReportModel model;
    private final HtmlReport.ChartRenderer charts;
    private final StringBuilder html;
    private int chartCount;

    ReportSections(ReportModel model, HtmlReport.ChartRenderer charts, StringBuilder html) {
        this.model = model;
        this.charts = charts;
        this.html = html;
    }

    void header(String title) {
        html.append("<header>\n<p class=\"kicker\">").append(model.comparison ? "nnx comparison" : "nnx experiment")
                .append("</p>\n<h1>").append(escape(title)).append("</h1>\n");
        for (ReportedExperiment experiment : model.experiments) {
            ExperimentPlan plan = experiment.result().plan();
            if (plan.description() != null && !plan.description().isBlank()) {
                html.append("<p class=\"description\">");
                if (model.comparison) {
                    html.append("<b>").append(escape(plan.name())).append("</b>: ");
                }
                html.append(escape(plan.description())).append("</p>\n");
            }
        }
        List<String> meta = new ArrayList<>();
        for (ReportedExperiment experiment : model.experiments) {
            ExperimentPlan plan = experiment.result().plan();
            if (plan.source() != null) {
                meta.add((model.comparison ? escape(plan.name()) + " from " : "Source ")
                        + "<code>" + escape(plan.source().toString()) + "</code>");
            }
        }
        meta.add(runCounts());
        html.append("<p class=\"meta\">").append(String.join(" · ", meta)).append("</p>\n</header>\n");
    }

    private String runCounts() {
        StringBuilder text = new StringBuilder();
        int n = model.runs.size();
        text.append(n).append(n == 1 ? " run" : " runs");
        if (model.hasRepeats()) {
            text.append(" of ").append(model.groups.size()).append(" configurations");
        }
        List<String> parts = new ArrayList<>();
        for (RunStatus status : RunStatus.values()) {
            long count = model.runs.stream().filter(run -> run.status() == status).count();
            if (count > 0) {
                parts.add(count + " " + status.label());
            }
        }
        if (!parts.isEmpty()) {
            text.append(": ").append(String.join(", ", parts));
        }
        return text.toString();
    }

    /** What stands out, in words: the best, what diverged or failed, what barely moved, overfitting, noise. */
    void findings() {
        if (model.runs.isEmpty()) {
            html.append("<p class=\"note\">This report has no runs.</p>\n");
            return;
        }
        List<String> items = new ArrayList<>();
        ReportModel.Group bestGroup = model.bestGroup();
        ReportModel.Run best = model.bestRun();
        if (bestGroup != null && bestGroup.runs.size() > 1) {
            items.add(label("Best configuration") + swatched(bestGroup.colour, bestGroup.label) + ": final test accuracy "
                    + meanSd(bestGroup) + " over " + bestGroup.okAccuracies().length + " seeds.");
        } else if (best != null) {
            items.add(label("Best") + swatched(best.colour(), best.label) + ": final test accuracy "
                    + HtmlReport.percent(best.finalTestAccuracy()) + bestNote(best) + ".");
        } else {
            items.add(label("No run finished") + " with a test accuracy.");
        }
        for (RunStatus status : List.of(RunStatus.DIVERGED, RunStatus.FAILED, RunStatus.STOPPED)) {
            // Runs that blew up count as diverged here: that is what a reader needs to know about them.
            List<ReportModel.Run> runs = model.runs.stream()
                    .filter(r -> r.status() == status || status == RunStatus.DIVERGED && r.blewUp()).toList();
            if (!runs.isEmpty()) {
                items.add(label(capitalized(status.label()) + " (" + runs.size() + ")") + named(runs,
                        r -> r.blewUp() ? blowUp(r) : r.result.reason() == null || r.result.reason().isBlank() ? ""
                                : " — " + escape(r.result.reason())));
            }
        }
        List<ReportModel.Run> barely = model.runs.stream().filter(ReportModel.Run::barelyMoved).toList();
        if (!barely.isEmpty()) {
            items.add(label("Barely moved (" + barely.size() + ")") + named(barely, r -> String.format(Locale.ROOT,
                    " — loss fell only %.1f %% (%s → %s); final test accuracy %s", Math.max(0, 100 * r.lossDrop),
                    ChartTooltips.significant(r.lossStart), ChartTooltips.significant(r.lossEnd),
                    HtmlReport.percent(r.finalTestAccuracy()))));
        }
        model.runs.stream().filter(r -> r.status() == RunStatus.OK && Double.isFinite(r.gap()))
                .max(java.util.Comparator.comparingDouble(ReportModel.Run::gap))
                .filter(r -> r.gap() > NOTABLE_GAP)
                .ifPresent(r -> items.add(label("Largest train–test gap") + swatched(r.colour(), r.label)
                        + String.format(Locale.ROOT, ": %.1f points (train %s, test %s), a sign of overfitting.",
                        100 * r.gap(), HtmlReport.percent(r.result.trainAccuracy()),
                        HtmlReport.percent(r.finalTestAccuracy()))));
        ReportModel.Group tested = model.bestTestedGroup();
        if (model.hasRepeats() && tested != null) {
            List<ReportModel.Group> close = model.groups.stream().filter(g -> g != tested)
                    .filter(g -> WelchTest.test(tested.okAccuracies(), g.okAccuracies()).p() >= ALPHA).toList();
            long testable = model.groups.stream().filter(g -> g != tested && g.okAccuracies().length >= 2).count();
            String against = swatched(tested.colour, tested.label) + " (" + meanSd(tested) + ")";
            items.add(label("Seed noise") + (close.isEmpty()
                    ? "every configuration with repeats is below " + against
                    : close.size() + " of " + testable + " configurations with repeats "
                            + (close.size() == 1 ? "is" : "are") + " within seed noise of " + against + ", e.g. "
                            + swatched(close.get(0).colour, close.get(0).label) + " (" + meanSd(close.get(0)) + ")")
                    + ": Welch's t-test, p " + (close.isEmpty() ? "&lt; " : "≥ ") + ALPHA + " (see Repeats).");
        }
        html.append("<ul class=\"findings\">\n");
        items.forEach(item -> html.append("<li>").append(item).append("</li>\n"));
        html.append("</ul>\n");
    }

    private static String blowUp(ReportModel.Run run) {
        return String.format(Locale.ROOT, " — its loss jumped to %s (%.1f× the first) at iteration %,d and never fell"
                + " below where it started; final test accuracy %s", ChartTooltips.significant(run.lossPeak),
                run.lossPeak / run.firstLoss, run.lossPeakIteration, HtmlReport.percent(run.finalTestAccuracy()));
    }

    private static String label(String text) {
        return "<span class=\"label\">" + escape(text) + ":</span> ";
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String swatched(java.awt.Color colour, String name) {
        return "<span class=\"swatch\" style=\"background:" + hex(colour) + "\"></span> <code>" + escape(name) + "</code>";
    }

    private static String hex(java.awt.Color colour) {
        return String.format("#%06x", colour.getRGB() & 0xffffff);
    }

    private String named(List<ReportModel.Run> runs, java.util.function.Function<ReportModel.Run, String> detail) {
        List<String> parts = new ArrayList<>();
        String shared = runs.size() > NAMED_IN_FINDING ? sharedSettings(runs) : "";
        if (!shared.isEmpty()) {
            // Many runs: what they have in common says more than a list of names; two examples show the detail.
            StringBuilder text = new StringBuilder("all with ").append(shared).append("; e.g. ");
            for (int i = 0; i < 2; i++) {
                text.append(i == 0 ? "" : "; ").append(swatched(runs.get(i).colour(), runs.get(i).label))
                        .append(detail.apply(runs.get(i)));
            }
            return text.append(" (all in the table).").toString();
        }
        for (int i = 0; i < Math.min(NAMED_IN_FINDING, runs.size()); i++) {
            parts.add(swatched(runs.get(i).colour(), runs.get(i).label) + detail.apply(runs.get(i)));
        }
        String text = String.join("; ", parts);
        if (runs.size() > NAMED_IN_FINDING) {
            text += "; and " + (runs.size() - NAMED_IN_FINDING) + " more (see the table)";
        }
        return text + ".";
    }

    /**
     * The swept values that {@code runs} are confined to, e.g. {@code learning_rate 1 or 0.3, optimizer sgd}:
     * the settings for which they took fewer values than the whole sweep did. Empty when none.
     */
    String sharedSettings(List<ReportModel.Run> runs) {
        List<String> parts = new ArrayList<>();
        for (String setting : model.settingsThatVary()) {
            List<String> all = model.runs.stream().map(r -> r.swept.getOrDefault(setting, "")).distinct().toList();
            java.util.Set<String> taken = new java.util.HashSet<>();
            runs.forEach(r -> taken.add(r.swept.getOrDefault(setting, "")));
            if (taken.size() < all.size()) {
                List<String> values = all.stream().filter(taken::contains).map(v -> "<code>" + escape(v) + "</code>").toList();
                parts.add("<code>" + escape(setting) + "</code> " + String.join(" or ", values));
            }
        }
        return String.join(", ", parts);
    }

    private static String bestNote(ReportModel.Run run) {
        if (Double.isFinite(run.bestTestAccuracy) && run.bestTestAccuracy > run.finalTestAccuracy()) {
            return " (its best, " + HtmlReport.percent(run.bestTestAccuracy) + ", at iteration "
                    + String.format(Locale.ROOT, "%,d", run.bestIteration) + ")";
        }
        return "";
    }

    static String meanSd(ReportModel.Group group) {
        double[] values = group.okAccuracies();
        if (values.length == 0) {
            return "—";
        }
        if (values.length == 1) {
            return HtmlReport.percent(values[0]);
        }
        return String.format(Locale.ROOT, "%.2f ± %.2f %%", 100 * group.mean(), 100 * group.standardDeviation());
    }

    /** Loss and accuracy, overlaid, by iteration; also by epoch when runs see data at different rates. */
    void curves() {
        if (model.runs.isEmpty()) {
            return;
        }
        List<ChartLine> lines = model.lines();
        html.append("\n<section>\n<h2>Training curves</h2>\n");
        if (model.groups.size() > ReportModel.MAX_COLOURED) {
            html.append("<p class=\"note\">").append(model.groups.size()).append(" configurations: the best ")
                    .append(ReportModel.HIGHLIGHTED).append(" by final test accuracy are coloured, the others grey."
                            + " The small multiples below show how each setting moves the result.</p>\n");
        }
        chart(LossChart.createChart(lines, XAxisKind.ITERATION), ChartImages.HEIGHT,
                "Loss per iteration of every run, raw and smoothed");
        chart(AccuracyChart.createChart(lines, XAxisKind.ITERATION), ChartImages.HEIGHT,
                "Train and test accuracy of every run at each evaluation");
        if (!model.epochsAlign()) {
            html.append("<h3>Aligned by epoch</h3>\n<p class=\"note\">The runs see the training set at different rates"
                    + " (batch size or data differ), so here they are lined up by epochs, passes over the training"
                    + " set.</p>\n");
            chart(LossChart.createChart(lines, XAxisKind.EPOCH), ChartImages.HEIGHT, "Loss of every run by epoch");
            chart(AccuracyChart.createChart(lines, XAxisKind.EPOCH), ChartImages.HEIGHT,
                    "Train and test accuracy of every run by epoch");
        }
        html.append("</section>\n");
    }

    /** Small multiples: final test accuracy against each swept setting. */
    void settings() {
        List<String> settings = model.settingsThatVary();
        if (settings.isEmpty() || model.groups.size() < 2) {
            return;
        }
        List<SettingsChart.Dot> dots = model.runs.stream().map(r -> new SettingsChart.Dot(r.label, r.swept,
                r.finalTestAccuracy(), r.colour(), r.faint(), r.status() == RunStatus.OK && !r.blewUp())).toList();
        html.append("\n<section>\n<h2>Final accuracy by setting</h2>\n");
        for (int from = 0; from < settings.size(); from += SettingsChart.PANELS_PER_CHART) {
            List<String> panel = settings.subList(from, Math.min(settings.size(), from + SettingsChart.PANELS_PER_CHART));
            chart(SettingsChart.createChart(panel, dots, "Final test accuracy by " + String.join(", ", panel)),
                    SETTINGS_HEIGHT, "Final test accuracy of every run against the value of " + String.join(", ", panel));
        }
        html.append("</section>\n");
    }

    static final int SETTINGS_HEIGHT = 330;

    private void chart(JFreeChart chart, int height, String alt) {
        String name = "chart-" + (++chartCount);
        ChartImages.MappedImage image = charts.render(chart, height, name);
        html.append("<figure><img width=\"").append(ChartImages.WIDTH).append("\" height=\"").append(height)
                .append("\" alt=\"").append(escape(alt)).append("\" usemap=\"#").append(name)
                .append("\" src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(image.png()))
                .append("\">\n").append(image.imageMap() == null ? "" : image.imageMap()).append("</figure>\n");
    }

    /** A row per run, every column sortable; the best run marked. */
    void runTable() {
        html.append("\n<section>\n<h2>Runs</h2>\n");
        if (model.runs.isEmpty()) {
            html.append("<p class=\"note\">This report has no runs.</p>\n</section>\n");
            return;
        }
        ReportModel.Run best = model.bestRun();
        boolean validation = model.hasValidation();
        boolean names = model.swept.isEmpty();
        // A large sweep is listed best first, so the top of the table answers "which settings won";
        // a small one in the order of the file, which is how its author thinks of it.
        boolean byRank = model.groups.size() > ReportModel.MAX_COLOURED;
        List<ReportModel.Run> rows = new ArrayList<>(model.runs);
        if (byRank) {
            rows.sort(java.util.Comparator.comparingInt(r -> r.rank));
        }
        html.append("<div class=\"table-wrap\">\n<table class=\"runs sortable\">\n<thead>\n<tr>")
                .append("<th class=\"num\" data-first=\"ascending\" title=\"rank by final test accuracy\"")
                .append(byRank ? " aria-sort=\"ascending\"" : "").append(">#</th>");
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
        html.append("<th class=\"num\" data-first=\"ascending\">Loss</th><th class=\"num\" data-first=\"ascending\">Time</th>")
                .append("<th class=\"num\">Samples/s</th></tr>\n</thead>\n<tbody>\n");
        for (ReportModel.Run run : rows) {
            List<String> classes = new ArrayList<>();
            if (run == best) {
                classes.add("best");
            }
            if (run.faint()) {
                classes.add("faint");
            }
            html.append(classes.isEmpty() ? "<tr>" : "<tr class=\"" + String.join(" ", classes) + "\">");
            html.append("<td class=\"num\" data-v=\"").append(run.rank).append("\" title=\"").append(escape(run.label))
                    .append("\"><div class=\"run\"><span class=\"swatch\" style=\"background:").append(hex(run.colour()))
                    .append("\"></span>").append(run.rank);
            if (run == best) {
                html.append(" <span class=\"badge best-mark\" title=\"highest final test accuracy of the ok runs\">★ best</span>");
            }
            html.append("</div></td>");
            if (names) {
                html.append("<td><span class=\"run-name\">").append(escape(run.label)).append("</span></td>");
            }
            for (String setting : model.swept) {
                String value = run.swept.getOrDefault(setting, "");
                html.append("<td").append(numericAttribute(value)).append(">").append(escape(value)).append("</td>");
            }
            html.append("<td class=\"status\" data-v=\"").append(run.status().label())
                    .append(run.barelyMoved() ? " barely" : run.blewUp() ? " blew up" : "")
                    .append("\"><span class=\"badge status-").append(run.status().label()).append("\">")
                    .append(run.status().label()).append("</span>");
            if (run.blewUp()) {
                html.append(" <span class=\"badge status-diverged\" title=\"the loss rose above ")
                        .append((int) ReportModel.BLOW_UP_FACTOR).append("× its first value and never fell below its start\">")
                        .append("blew up</span>");
            }
            if (run.barelyMoved()) {
                html.append(" <span class=\"badge status-barely\" title=\"the smoothed loss fell by less than ")
                        .append(Math.round(100 * ReportModel.BARELY_MOVED_DROP)).append(" %\">barely moved</span>");
            }
            if (run.status() != RunStatus.OK && run.result.reason() != null && !run.result.reason().isBlank()) {
                html.append("<div class=\"reason\">").append(escape(run.result.reason())).append("</div>");
            }
            html.append("</td>");
            numberCell(run.finalTestAccuracy(), HtmlReport.percent(run.finalTestAccuracy()));
            html.append("<td class=\"num\" data-v=\"").append(sortValue(run.bestTestAccuracy)).append("\">")
                    .append(HtmlReport.percent(run.bestTestAccuracy));
            if (run.bestIteration > 0) {
                html.append("<div class=\"where\">at ").append(String.format(Locale.ROOT, "%,d", run.bestIteration))
                        .append("</div>");
            }
            html.append("</td>");
            // The train accuracy itself is the gap plus the test accuracy; it is in the cell's tooltip.
            html.append("<td class=\"num\" data-v=\"").append(sortValue(run.gap())).append("\" title=\"train accuracy ")
                    .append(HtmlReport.percent(run.result.trainAccuracy())).append("\">")
                    .append(Double.isFinite(run.gap()) ? String.format(Locale.ROOT, "%+.1f", 100 * run.gap()) : "—")
                    .append("</td>");
            if (validation) {
                numberCell(run.finalValidationAccuracy, HtmlReport.percent(run.finalValidationAccuracy));
            }
            numberCell(run.result.loss(), HtmlReport.loss(run.result));
            numberCell(run.result.seconds(), HtmlReport.duration(run.result.seconds()));
            numberCell(run.result.samplesPerSecond() > 0 ? run.result.samplesPerSecond() : Double.NaN,
                    HtmlReport.rate(run.result.samplesPerSecond()));
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n</div>\n<p class=\"note\">");
        if (best != null) {
            html.append("★ marks the ok run with the highest final test accuracy. ");
        }
        html.append(byRank ? "Listed best first. " : "").append("# ranks the runs by final test accuracy, ok runs first. Train gap is train minus test accuracy in points (hover for the train accuracy)."
                + " Best test is the highest test accuracy at any evaluation, and where.</p>\n</section>\n");
    }

    private void numberCell(double value, String text) {
        html.append("<td class=\"num\" data-v=\"").append(sortValue(value)).append("\">").append(escape(text)).append("</td>");
    }

    private static String sortValue(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        return Double.isInfinite(value) ? (value > 0 ? "1e308" : "-1e308") : Double.toString(value);
    }

    /** Swept numbers sort as numbers; the script sorts a cell by data-v when it has one. */
    private static String numericAttribute(String value) {
        try {
            double number = Numbers.parse(value);
            return Double.isNaN(number) ? "" : " data-v=\"" + sortValue(number) + "\"";
        } catch (NumberFormatException e) {
            return "";
        }
    }

    /** Mean ± sd per configuration, and Welch's t-test of each against the best. */
    void repeats() {
        if (!model.hasRepeats()) {
            return;
        }
        ReportModel.Group best = model.bestTestedGroup();
        List<ReportModel.Group> order = new ArrayList<>(model.groups);
        order.sort(java.util.Comparator.comparingInt(g -> g.rank));
        html.append("\n<section>\n<h2>Repeats</h2>\n<p class=\"note\">Each configuration ran with several seeds. "
                + "The final test accuracy is given as mean ± sample standard deviation over its ok runs. "
                + "p is the two-sided p-value of <b>Welch's t-test</b> (unequal variances) of the best configuration "
                + "with at least two ok runs against each other one: t = (m₁ − m₂) / √(s₁²/n₁ + s₂²/n₂), with Welch–Satterthwaite degrees of "
                + "freedom. With as few runs as these the test has little power: p ≥ " + ALPHA + " means the "
                + "difference could be seed noise, not that the configurations are equal.</p>\n");
        html.append("<div class=\"table-wrap\">\n<table class=\"sortable\">\n<thead>\n<tr><th>Configuration</th>")
                .append("<th class=\"num\">n</th><th class=\"num\">Final test acc.</th><th class=\"num\">Min – max</th>")
                .append("<th class=\"num\">Δ to best</th><th class=\"num\" data-first=\"ascending\">p (Welch)</th>")
                .append("<th>Verdict</th></tr>\n</thead>\n<tbody>\n");
        for (ReportModel.Group group : order) {
            double[] values = group.okAccuracies();
            html.append(group == best ? "<tr class=\"best\">" : "<tr>");
            html.append("<td><div class=\"run\"><span class=\"swatch\" style=\"background:").append(hex(group.colour))
                    .append("\"></span><span class=\"run-name\">").append(escape(group.label)).append("</span></div></td>");
            html.append("<td class=\"num\" data-v=\"").append(values.length).append("\">").append(values.length);
            if (values.length < group.runs.size()) {
                html.append(" <span class=\"where\">of ").append(group.runs.size()).append("</span>");
            }
            html.append("</td>");
            numberCell(values.length == 0 ? Double.NaN : group.mean(), meanSd(group));
            double min = java.util.Arrays.stream(values).min().orElse(Double.NaN);
            double max = java.util.Arrays.stream(values).max().orElse(Double.NaN);
            numberCell(min, values.length == 0 ? "—" : String.format(Locale.ROOT, "%.2f – %.2f %%", 100 * min, 100 * max));
            if (best == null || group == best || values.length < 2) {
                numberCell(best == null || group == best || values.length == 0 ? Double.NaN : group.mean() - best.mean(),
                        best == null || group == best || values.length == 0 ? "—"
                                : String.format(Locale.ROOT, "%+.2f", 100 * (group.mean() - best.mean())));
                numberCell(Double.NaN, "—");
                html.append("<td>").append(group == best ? "<span class=\"badge best-mark\">★ best with repeats</span>"
                        : values.length == 0 ? "<span class=\"neg\">no ok run</span>"
                        : "<span class=\"neg\">one run: no test</span>").append("</td>");
            } else {
                double delta = group.mean() - best.mean();
                numberCell(delta, String.format(Locale.ROOT, "%+.2f", 100 * delta));
                WelchTest.Result test = WelchTest.test(best.okAccuracies(), values);
                numberCell(test.p(), Double.isNaN(test.p()) ? "—" : pValue(test.p()));
                html.append("<td>").append(verdict(test, values.length, best.okAccuracies().length)).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n</div>\n</section>\n");
    }

    static String pValue(double p) {
        return p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", p);
    }

    private static String verdict(WelchTest.Result test, int n, int bestN) {
        if (Double.isNaN(test.p())) {
            return "<span class=\"neg\">too few ok runs to test (n " + Math.min(n, bestN) + ")</span>";
        }
        return test.p() < ALPHA ? "worse than the best (p &lt; " + ALPHA + ")"
                : "<span class=\"warn\">within seed noise of the best</span>";
    }

    /** Each run's settings against its experiment's base, as a diff; in a comparison, experiment against experiment. */
    void differences() {
        if (model.runs.isEmpty()) {
            return;
        }
        html.append("\n<section>\n<h2>What differed</h2>\n");
        if (model.comparison && model.experiments.size() > 1) {
            ReportedExperiment first = model.experiments.get(0);
            for (ReportedExperiment other : model.experiments.subList(1, model.experiments.size())) {
                html.append("<h3><code>").append(escape(other.result().plan().name())).append("</code> against <code>")
                        .append(escape(first.result().plan().name())).append("</code></h3>\n");
                List<LineDiff.Line> diff = LineDiff.diff(
                        renamed(first.result().plan().effectiveConfig()), renamed(other.result().plan().effectiveConfig()));
                if (!LineDiff.changed(diff)) {
                    html.append("<p class=\"note\">The same configuration.</p>\n");
                } else {
                    diffBlock(diff, true);
                }
            }
        }
        for (ReportedExperiment experiment : model.experiments) {
            ExperimentPlan plan = experiment.result().plan();
            String base = plan.effectiveConfig() == null ? "" : plan.effectiveConfig();
            boolean recorded = !base.isBlank()
                    && plan.runs().stream().noneMatch(run -> run.settings().isBlank());
            if (model.comparison) {
                html.append("<h3>Runs of <code>").append(escape(plan.name())).append("</code></h3>\n");
            }
            if (!recorded || plan.runs().size() < 2) {
                html.append("<p class=\"note\">").append(plan.runs().size() < 2 ? "A single run: nothing differed."
                        : "The runs' own settings were not recorded with these results.").append("</p>\n");
                continue;
            }
            html.append("<p class=\"note\">Each run is the base configuration (below) with these lines changed.</p>\n")
                    .append("<details class=\"diff-list\"").append(plan.runs().size() <= ReportModel.MAX_COLOURED ? " open" : "")
                    .append("><summary>Show the diff of each of the ").append(plan.runs().size()).append(" runs</summary>\n");
            for (ReportModel.Run run : model.runs) {
                if (run.experiment != experiment) {
                    continue;
                }
                html.append("<div><div class=\"run\"><span class=\"swatch\" style=\"background:").append(hex(run.colour()))
                        .append("\"></span><code>").append(escape(run.label)).append("</code></div>\n");
                String text = run.result.plan().settings();
                diffBlock(LineDiff.diff(base, text), false);
                html.append("</div>\n");
            }
            html.append("</details>\n");
        }
        html.append("</section>\n");
    }

    /** The configuration's first line names the experiment; in a diff of two experiments that is not a difference. */
    private static String renamed(String config) {
        if (config == null) {
            return "";
        }
        return config.replaceFirst("^(experiment|objective)\\s+\\S+", "$1 …");
    }

    private void diffBlock(List<LineDiff.Line> diff, boolean context) {
        html.append("<pre class=\"diff\">");
        for (LineDiff.Line line : diff) {
            if (line.kind() == ' ') {
                if (context) {
                    html.append("  ").append(escape(line.text())).append('\n');
                }
                continue;
            }
            html.append("<span class=\"").append(line.kind() == '-' ? "del" : "ins").append("\">").append(line.kind())
                    .append(' ').append(escape(line.text())).append("</span>");
        }
        html.append("</pre>\n");
    }

    void configuration() {
        List<ReportedExperiment> withConfig = model.experiments.stream()
                .filter(e -> e.result().plan().effectiveConfig() != null && !e.result().plan().effectiveConfig().isBlank())
                .toList();
        if (withConfig.isEmpty()) {
            return;
        }
        html.append("\n<section>\n<h2>Configuration</h2>\n")
                .append("<p class=\"note\">The experiment's settings after defaults and <code>extends</code>, "
                        + "sets of alternatives included: the base of every run.</p>\n");
        for (ReportedExperiment experiment : withConfig) {
            if (model.comparison) {
                html.append("<h3><code>").append(escape(experiment.result().plan().name())).append("</code></h3>\n");
            }
            html.append("<pre>").append(escape(experiment.result().plan().effectiveConfig().strip())).append("</pre>\n");
        }
        html.append("</section>\n");
    }

    /** Gradient checks, for the runs that have them, and the data the runs learned from. */
    void extras() {
        List<ReportModel.Run> checked = model.runs.stream().filter(r -> !r.result.gradientCheck().isEmpty()).toList();
        if (!checked.isEmpty()) {
            html.append("\n<section>\n<h2>Gradient check</h2>\n<p class=\"note\">The largest relative error between "
                    + "backpropagation and central differences, per parameter tensor, in float64 on the first training "
                    + "samples.</p>\n<div class=\"table-wrap\">\n"
                    + "<table class=\"sortable\">\n<thead>\n<tr><th>Run</th><th>Parameter</th>"
                    + "<th class=\"num\">Relative error</th></tr>\n</thead>\n<tbody>\n");
            for (ReportModel.Run run : checked) {
                for (Map.Entry<String, Double> entry : run.result.gradientCheck().entrySet()) {
                    String error = String.format(java.util.Locale.ROOT, "%.2e", entry.getValue());
                    html.append("<tr><td><code>").append(escape(run.label)).append("</code></td><td><code>")
                            .append(escape(entry.getKey())).append("</code></td><td class=\"num\"")
                            .append(numericAttribute(error)).append(">").append(escape(error)).append("</td></tr>\n");
                }
            }
            html.append("</tbody>\n</table>\n</div>\n</section>\n");
        }
        for (ReportedExperiment experiment : model.experiments) {
            experiment.result().data().ifPresent(this::data);
        }
    }

    /** Sizes, class balance and, for images, a grid of the first training samples of each class. */
    private void data(DatasetSummary data) {
        html.append("\n<section>\n<h2>Data</h2>\n<p>").append(escape(data.description())).append("</p>\n");
        html.append("<dl class=\"provenance\">\n");
        int training = data.trainSize() - data.validationSize();
        definition("training samples", Integer.toString(training));
        if (data.validationSize() > 0) {
            definition("validation samples", Integer.toString(data.validationSize()) + " (held out of "
                    + data.trainSize() + ")");
        }
        definition("test samples", Integer.toString(data.testSize()));
        definition("features", Integer.toString(data.features())
                + data.imageShape().map(shape -> " (" + shape.stream().map(String::valueOf)
                        .collect(java.util.stream.Collectors.joining("×")) + " images)").orElse(""));
        definition("classes", Integer.toString(data.classes()));
        html.append("</dl>\n<div class=\"table-wrap\">\n<table class=\"sortable balance\">\n<thead>\n<tr><th>Class</th>"
                + "<th class=\"num\">Training</th><th class=\"num\">Test</th></tr>\n</thead>\n<tbody>\n");
        for (int c = 0; c < data.classes(); c++) {
            html.append("<tr><td>").append(escape(data.classNames().get(c))).append("</td><td class=\"num\">")
                    .append(data.trainClassCounts().get(c)).append("</td><td class=\"num\">")
                    .append(data.testClassCounts().get(c)).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n</div>\n");
        SampleGrid.png(data, SAMPLE_COLUMNS, 2).ifPresent(png -> html
                .append("<figure><img alt=\"the first training images of each class, one class a row\" "
                        + "src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(png))
                .append("\"><figcaption class=\"note\">The first training images of each class, one class a row, "
                        + "as the network sees them.</figcaption></figure>\n"));
        html.append("</section>\n");
    }

    private void definition(String term, String value) {
        html.append("<dt>").append(escape(term)).append("</dt><dd>").append(escape(value)).append("</dd>\n");
    }

    /**
     * What the runs ran on: nnx, JDK, BLAS backend, plugins, dataset, seed, and each experiment's file
     * and its hash. Values all runs share once; values that differ, grouped by value.
     */
    void provenance() {
        TreeSet<String> keys = new TreeSet<>(java.util.Comparator.comparingInt(ReportSections::keyOrder)
                .thenComparing(java.util.Comparator.naturalOrder()));
        model.runs.forEach(run -> keys.addAll(run.result.provenance().keys()));
        html.append("\n<section>\n<h2>Provenance</h2>\n<dl class=\"provenance\">\n");
        for (ReportedExperiment experiment : model.experiments) {
            ExperimentPlan plan = experiment.result().plan();
            String prefix = model.comparison ? plan.name() + ": " : "";
            if (plan.source() != null) {
                html.append("<dt>").append(escape(prefix)).append("file</dt><dd><code>").append(escape(plan.source().toString()))
                        .append("</code></dd>\n");
            }
            if (!experiment.sourceSha256().isEmpty()) {
                html.append("<dt>").append(escape(prefix)).append("file sha256</dt><dd><code>")
                        .append(escape(experiment.sourceSha256())).append("</code></dd>\n");
            }
        }
        for (String key : keys) {
            Map<String, List<String>> runsByValue = new LinkedHashMap<>();
            for (ReportModel.Run run : model.runs) {
                runsByValue.computeIfAbsent(run.result.provenance().getOrDefault(key, "—"), v -> new ArrayList<>())
                        .add(run.label);
            }
            html.append("<dt>").append(escape(key)).append("</dt><dd>");
            if (runsByValue.size() == 1) {
                html.append(escape(runsByValue.keySet().iterator().next()));
            } else {
                List<String> lines = new ArrayList<>();
                runsByValue.forEach((value, runs) -> lines.add(escape(value) + " <span class=\"where\">("
                        + escape(runs.size() <= 3 ? String.join(", ", runs)
                                : String.join(", ", runs.subList(0, 3)) + " and " + (runs.size() - 3) + " more runs")
                        + ")</span>"));
                html.append(String.join("<br>", lines));
            }
            html.append("</dd>\n");
        }
        html.append("</dl>\n");
        if (keys.isEmpty()) {
            html.append("<p class=\"note\">The runs recorded no environment.</p>\n");
        }
        html.append("</section>\n");
    }

    /** nnx, jdk, blas, dataset, seed first, in that order; plugins and anything else after. */
    private static int keyOrder(String key) {
        int at = List.of("nnx", "jdk", "blas", "dataset", "dataset sha256", "seed").indexOf(key);
        return at >= 0 ? at : key.startsWith("plugin") ? 10 : 20;
    }
}
