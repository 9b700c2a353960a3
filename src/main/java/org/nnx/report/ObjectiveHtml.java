package org.nnx.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.nnx.model.GradientMode;
import org.nnx.model.ObjectivePlan;
import org.nnx.model.ObjectiveRun;
import org.nnx.train.ObjectiveResult;
import org.nnx.train.RunStatus;

/**
 * An objective's {@code index.html}, and the page of {@code nnx compare} over objectives: one self-contained
 * page in the look of the experiment report ({@link HtmlReport}), under the same Content-Security-Policy and
 * with its one script (tables sort). It shows the objective's name, description and formula, a contents bar,
 * findings (the best run, what diverged, stopped or barely moved), the settings of its runs, a table of runs
 * with the best one marked, the landscape with every run's path (one or two variables, a PNG), f per step
 * (inline SVG, hover a point for its run, step and value) and provenance. All text that comes from the
 * user or a run is HTML-escaped.
 */
public final class ObjectiveHtml {
    /** The experiment report's style, and what an objective's page adds to it. */
    private static final String STYLE = HtmlReport.STYLE + """
            .formula { display: block; margin: 0 0 14px; padding: 12px 14px; overflow-x: auto; background: var(--soft);
              border: 1px solid var(--line); border-radius: 6px; font-size: 16px; white-space: pre-wrap;
              overflow-wrap: anywhere; }
            td.point { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace;
              font-size: 12.5px; white-space: nowrap; }
            dl.settings { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0; font-size: 14px; }
            dl.settings dt { color: var(--muted); }
            dl.settings dd { margin: 0; overflow-wrap: anywhere; }
            @media print { .formula { break-inside: avoid; } }
            """;

    /** Coordinates of a final point shown in the table; the rest are in summary.csv. */
    static final int MAX_COORDINATES = 6;

    private ObjectiveHtml() {}

    /** The page, with its charts rendered here: f per step as inline SVG with hover values. */
    public static String render(ObjectivePlan plan, List<ObjectiveResult> results) {
        String landscape = ObjectiveCharts.createLandscapeChart(results)
                .map(chart -> image(
                        ChartImages.toPng(
                                chart,
                                ObjectiveCharts.LANDSCAPE_WIDTH,
                                ObjectiveCharts.LANDSCAPE_HEIGHT,
                                ChartImages.SCALE),
                        landscapeAlt(plan, results)))
                .orElse(null);
        return render(plan, results, landscape, valuesFigure(results), Map.of(), false);
    }

    /**
     * The page of {@code nnx compare} over objectives: their runs side by side, named {@code objective / run},
     * f per step overlaid; no landscape, since each objective has its own f.
     */
    public static String renderComparison(List<ObjectiveFiles.ReportedObjective> objectives) {
        List<ObjectiveRun> runs = new ArrayList<>();
        List<ObjectiveResult> results = new ArrayList<>();
        List<String> formulas = new ArrayList<>();
        for (ObjectiveFiles.ReportedObjective objective : objectives) {
            String name = objective.plan().name();
            formulas.add(
                    name + ": " + Objects.requireNonNullElse(objective.plan().formula(), "?"));
            for (ObjectiveResult result : objective.results()) {
                ObjectiveRun run = result.run();
                ObjectiveRun renamed = new ObjectiveRun(
                        objectives.size() > 1 ? name + " / " + run.name() : run.name(),
                        run.varying(),
                        run.formula(),
                        run.start(),
                        run.learningRate(),
                        run.steps(),
                        run.gradient());
                runs.add(renamed);
                results.add(new ObjectiveResult(
                        renamed, result.status(), result.reason(), result.points(), result.values(), result.seconds()));
            }
        }
        String title = objectives.size() == 1
                ? objectives.get(0).plan().name()
                : "Comparison of "
                        + objectives.stream().map(o -> o.plan().name()).collect(Collectors.joining(", "));
        ObjectivePlan plan = new ObjectivePlan(title, "", null, String.join("\n", formulas), runs);
        Map<String, String> versions = new LinkedHashMap<>();
        for (ObjectiveFiles.ReportedObjective objective : objectives) {
            versions.put(objective.plan().name(), objective.facts().getOrDefault("nnx", "(not recorded)"));
        }
        return render(plan, results, null, valuesFigure(results), versions, true);
    }

    /**
     * The page, embedding the given charts (PNG bytes laid out at {@link ChartImages#WIDTH} CSS pixels).
     *
     * @param landscapePng the landscape, or {@code null} when there is none (three or more variables)
     * @param valuesPng    f per step
     */
    public static String render(
            ObjectivePlan plan, List<ObjectiveResult> results, byte[] landscapePng, byte[] valuesPng) {
        Objects.requireNonNull(valuesPng, "valuesPng");
        return render(
                plan,
                results,
                landscapePng == null ? null : image(landscapePng, landscapeAlt(plan, results)),
                image(valuesPng, "f after each step of every run"),
                Map.of(),
                false);
    }

    /**
     * The page around its two figures (markup); {@code versions} names the nnx that wrote each compared
     * objective, empty for one written now.
     */
    private static String render(
            ObjectivePlan plan,
            List<ObjectiveResult> results,
            String landscapeFigure,
            String valuesFigure,
            Map<String, String> versions,
            boolean comparison) {
        StringBuilder html = new StringBuilder(
                64 * 1024 + valuesFigure.length() + (landscapeFigure == null ? 0 : landscapeFigure.length()));
        HtmlReport.head(html, plan.name(), STYLE);
        appendHeader(html, plan, results, comparison);
        int contentsAt = html.length();
        appendFindings(html, results);
        appendProblem(html, plan);

        html.append(Html.section("Runs"));
        appendRunTable(html, plan, results);
        html.append("</section>\n");
        StartValuesTable.appendTo(html, results);

        html.append(Html.section("Paths"));
        int variables = variables(plan, results);
        if (landscapeFigure != null) {
            html.append("<p class=\"note\">Around the start and the paths of the runs that did not diverge; ")
                    .append("a run that diverged is drawn until it leaves this region.</p>\n")
                    .append(landscapeFigure);
        } else if (comparison) {
            html.append("<p class=\"note\">Each objective has its own f, so no landscape is drawn here; each")
                    .append(" objective's own page has it.</p>\n");
        } else if (variables > 2) {
            html.append("<p class=\"note\">f has ")
                    .append(variables)
                    .append(" variables: paths are drawn on a contour plot for one or two variables only. ")
                    .append("Every run's points are in <code>runs/&lt;run&gt;/metrics.csv</code>.</p>\n");
        } else {
            html.append("<p class=\"note\">There is nothing to draw.</p>\n");
        }
        // Runs of no steps have no f per step to draw: their values are above.
        if (results.isEmpty() || results.stream().anyMatch(r -> r.run().steps() > 0)) {
            html.append(valuesFigure);
        }
        html.append("</section>\n");
        appendProvenance(html, plan, versions);
        html.insert(contentsAt, contents(html.substring(contentsAt), comparison));
        HtmlReport.foot(
                html, "Charts: hover a point of f per step for its run and value. Tables: click a heading to sort.");
        return html.toString();
    }

    private static String landscapeAlt(ObjectivePlan plan, List<ObjectiveResult> results) {
        return variables(plan, results) == 1
                ? "f over x0 with every run's steps on the curve"
                : "Contour plot of f with the field of negative gradients and every run's path";
    }

    /** f per step as inline SVG, each point's run, step and value in its hover text. */
    private static String valuesFigure(List<ObjectiveResult> results) {
        return "<figure>"
                + ChartSvg.render(
                        ValuePerStepChart.createChart(results),
                        ObjectiveCharts.VALUE_WIDTH,
                        ObjectiveCharts.VALUE_HEIGHT,
                        "chart-values",
                        "f after each step of every run")
                + "</figure>\n";
    }

    /** The contents bar: a link to each section, and to {@code summary.csv} beside a page of one objective. */
    private static String contents(String sections, boolean comparison) {
        StringBuilder nav = new StringBuilder("<nav class=\"contents\" aria-label=\"contents\">");
        java.util.regex.Matcher section = java.util.regex.Pattern.compile("<section id=\"([^\"]+)\">\\n<h2>(.*?)</h2>")
                .matcher(sections);
        while (section.find()) {
            nav.append("<a href=\"#").append(section.group(1)).append("\">");
            nav.append(section.group(2).replaceAll("<[^>]*>", "")).append("</a>");
        }
        if (!comparison) {
            nav.append("<span class=\"files\">Files: <a href=\"")
                    .append(ReportWriter.SUMMARY_FILE)
                    .append("\">")
                    .append(ReportWriter.SUMMARY_FILE)
                    .append("</a></span>");
        }
        return nav.append("</nav>\n").toString();
    }

    /** What stands out: the best run, and the runs that diverged, stopped or barely moved. */
    private static void appendFindings(StringBuilder html, List<ObjectiveResult> results) {
        List<String> items = new ArrayList<>();
        int best = bestRun(results);
        if (best >= 0) {
            ObjectiveResult run = results.get(best);
            items.add("<span class=\"label\">Best:</span> " + Html.swatched(RunColors.of(best), run.name())
                    + ": final f " + number(run.finalValue()) + " after "
                    + Math.max(0, run.points().size() - 1)
                    + " steps.");
        } else if (!results.isEmpty()) {
            items.add("<span class=\"label\">No best run:</span> no run ended ok with a finite f.");
        }
        for (RunStatus status : List.of(RunStatus.DIVERGED, RunStatus.FAILED, RunStatus.STOPPED)) {
            List<String> named = new ArrayList<>();
            for (int i = 0; i < results.size(); i++) {
                ObjectiveResult run = results.get(i);
                if (run.status() == status) {
                    named.add(Html.swatched(RunColors.of(i), run.name())
                            + (run.reason() == null || run.reason().isBlank() ? "" : " — " + escape(run.reason())));
                }
            }
            if (!named.isEmpty()) {
                String label = status.label().substring(0, 1).toUpperCase(Locale.ROOT)
                        + status.label().substring(1);
                items.add("<span class=\"label\">" + label + " (" + named.size() + "):</span> "
                        + String.join("; ", named) + ".");
            }
        }
        List<String> barely = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).barelyMoved()) {
                barely.add(Html.swatched(RunColors.of(i), results.get(i).name()));
            }
        }
        if (!barely.isEmpty()) {
            items.add("<span class=\"label\">Barely moved (" + barely.size() + "):</span> " + String.join("; ", barely)
                    + ": f fell by less than a tenth of its start.");
        }
        if (items.isEmpty()) {
            return;
        }
        html.append("<ul class=\"findings\" aria-label=\"findings\">\n");
        items.forEach(item -> html.append("<li>").append(item).append("</li>\n"));
        html.append("</ul>\n");
    }

    /** nnx and the JDK that wrote the page, the source file; in a comparison, the nnx of each objective. */
    private static void appendProvenance(StringBuilder html, ObjectivePlan plan, Map<String, String> versions) {
        html.append(Html.section("Provenance")).append("<dl class=\"provenance\">\n");
        if (versions.isEmpty()) {
            html.append(Html.definition("nnx", org.nnx.train.Version.current()))
                    .append(Html.definition(
                            "jdk", System.getProperty("java.vendor") + " " + System.getProperty("java.version")));
            if (plan.source() != null) {
                html.append(Html.definition("source", plan.source().toString()));
            }
        } else {
            versions.forEach((objective, nnx) -> html.append(Html.definition("nnx of " + objective, nnx)));
        }
        html.append("</dl>\n</section>\n");
    }

    /** HTML-escaped text; see {@link HtmlReport#escape(String)}. */
    static String escape(String text) {
        return HtmlReport.escape(text);
    }

    /**
     * The index of the run to mark as best: the ok run with the lowest final f (the first on a tie), or -1
     * when no ok run has a finite one. Diverged and stopped runs are left out.
     */
    public static int bestRun(List<ObjectiveResult> results) {
        int best = -1;
        for (int i = 0; i < results.size(); i++) {
            ObjectiveResult result = results.get(i);
            double value = result.finalValue();
            if (result.status() == RunStatus.OK
                    && Double.isFinite(value)
                    && (best < 0 || value < results.get(best).finalValue())) {
                best = i;
            }
        }
        return best;
    }

    private static int variables(ObjectivePlan plan, List<ObjectiveResult> results) {
        int fromResults = ObjectiveCharts.variables(results);
        return fromResults > 0
                ? fromResults
                : plan.runs().stream().mapToInt(run -> run.start().size()).max().orElse(0);
    }

    private static void appendHeader(
            StringBuilder html, ObjectivePlan plan, List<ObjectiveResult> results, boolean comparison) {
        html.append("<header>\n<p class=\"kicker\">")
                .append(comparison ? "nnx comparison of objectives" : "nnx objective")
                .append("</p>\n<h1>")
                .append(escape(plan.name()))
                .append("</h1>\n");
        if (plan.description() != null && !plan.description().isBlank()) {
            html.append("<p class=\"description\">")
                    .append(escape(plan.description()))
                    .append("</p>\n");
        }
        List<String> meta = new ArrayList<>();
        if (plan.source() != null) {
            meta.add("Source <code>" + escape(plan.source().toString()) + "</code>");
        }
        meta.add(runCounts(results));
        html.append("<p class=\"meta\">").append(String.join(" · ", meta)).append("</p>\n</header>\n");
    }

    /** The formula and the settings of the runs; a swept setting lists its values. */
    private static void appendProblem(StringBuilder html, ObjectivePlan plan) {
        html.append(Html.section("Minimize")).append("<code class=\"formula\">");
        String formula = plan.formula();
        if ((formula == null || formula.isBlank()) && !plan.runs().isEmpty()) {
            formula = plan.runs().get(0).formula().toString();
        }
        html.append(escape(formula)).append("</code>\n");
        if (!plan.runs().isEmpty()) {
            html.append("<dl class=\"settings\">\n");
            setting(
                    html,
                    "start",
                    plan.runs(),
                    run -> point(run.start().stream()
                            .mapToDouble(Double::doubleValue)
                            .toArray()),
                    true);
            setting(
                    html,
                    "learning rate",
                    plan.runs(),
                    // NaN for a run of no steps, which needs none.
                    run -> Double.isNaN(run.learningRate()) ? "—" : Numbers.compact(run.learningRate()),
                    false);
            setting(html, "steps", plan.runs(), run -> Long.toString(run.steps()), false);
            setting(html, "gradient", plan.runs(), run -> gradient(run.gradient()), false);
            html.append("</dl>\n");
        }
        html.append("</section>\n");
    }

    private static void setting(
            StringBuilder html,
            String label,
            List<ObjectiveRun> runs,
            Function<ObjectiveRun, String> value,
            boolean code) {
        Set<String> distinct = new LinkedHashSet<>();
        runs.forEach(run -> distinct.add(value.apply(run)));
        List<String> shown = new ArrayList<>();
        for (String text : distinct) {
            shown.add(code ? "<code>" + escape(text) + "</code>" : escape(text));
        }
        html.append("<dt>")
                .append(escape(label))
                .append("</dt><dd>")
                .append(String.join(" | ", shown))
                .append("</dd>\n");
    }

    static String gradient(GradientMode mode) {
        return switch (mode.kind()) {
            case NUMERICAL -> "numerical: central differences, h = " + Numbers.compact(mode.h());
            case CHECK -> "exact (reverse mode), check";
            default -> "exact (reverse mode)";
        };
    }

    /** {@code 3 runs: 2 ok, 1 diverged}. */
    private static String runCounts(List<ObjectiveResult> results) {
        StringBuilder text = new StringBuilder();
        text.append(results.size()).append(results.size() == 1 ? " run" : " runs");
        List<String> parts = new ArrayList<>();
        for (RunStatus status : RunStatus.values()) {
            long count =
                    results.stream().filter(result -> result.status() == status).count();
            if (count > 0) {
                parts.add(count + " " + status.label());
            }
        }
        if (!parts.isEmpty()) {
            text.append(": ").append(String.join(", ", parts));
        }
        return text.toString();
    }

    private static void appendRunTable(StringBuilder html, ObjectivePlan plan, List<ObjectiveResult> results) {
        if (results.isEmpty()) {
            html.append("<p class=\"note\">This objective has no runs.</p>\n");
            return;
        }
        List<String> swept = plan.sweptSettings();
        int best = bestRun(results);
        html.append("<div class=\"table-wrap\">\n<table class=\"sortable\">\n<thead>\n<tr><th>Run</th>");
        for (String setting : swept) {
            html.append("<th>").append(escape(setting)).append("</th>");
        }
        html.append("<th>Status</th><th class=\"num\">Final f</th><th>Final x</th><th class=\"num\">Steps</th>")
                .append("<th class=\"num\">Time</th></tr>\n</thead>\n<tbody>\n");
        for (int i = 0; i < results.size(); i++) {
            appendRunRow(html, results.get(i), i, i == best, swept);
        }
        html.append("</tbody>\n</table>\n</div>\n");
        if (best >= 0) {
            html.append("<p class=\"note\">★ marks the ok run with the lowest final f.</p>\n");
        }
    }

    /** Run {@code index}'s row: name in its colour, swept settings, status, final f and x, steps, time. */
    private static void appendRunRow(
            StringBuilder html, ObjectiveResult result, int index, boolean best, List<String> swept) {
        html.append(best ? "<tr class=\"best\">" : "<tr>");
        html.append("<td><div class=\"run\"><span class=\"swatch\" style=\"background:")
                .append(RunColors.hex(index))
                .append("\"></span><span class=\"run-name\">")
                .append(escape(result.name()))
                .append("</span>");
        if (best) {
            html.append("<span class=\"badge best-mark\" title=\"lowest final f of the ok runs\">★ best</span>");
        }
        html.append("</div></td>");
        for (String setting : swept) {
            html.append("<td>")
                    .append(escape(result.run().varying().getOrDefault(setting, "")))
                    .append("</td>");
        }
        html.append("<td><span class=\"badge status-")
                .append(result.status().label())
                .append("\">")
                .append(result.status().label())
                .append("</span>");
        if (result.status() != RunStatus.OK
                && result.reason() != null
                && !result.reason().isBlank()) {
            html.append("<div class=\"reason\">")
                    .append(escape(result.reason()))
                    .append("</div>");
        } else if (result.barelyMoved()) {
            html.append("<div class=\"reason\">barely moved: f fell by less than a tenth of its start; the learning")
                    .append(" rate may be too small</div>");
        }
        html.append("</td>");
        html.append("<td class=\"num\">")
                .append(result.values().isEmpty() ? "—" : number(result.finalValue()))
                .append("</td>");
        html.append("<td class=\"point\">")
                .append(
                        result.points().isEmpty()
                                ? "—"
                                : escape(point(
                                        result.points().get(result.points().size() - 1))))
                .append("</td>");
        long taken = Math.max(0, result.points().size() - 1);
        html.append("<td class=\"num\">").append(taken);
        if (taken != result.run().steps()) {
            html.append(" of ").append(result.run().steps());
        }
        html.append("</td>");
        html.append("<td class=\"num\">")
                .append(HtmlReport.duration(result.seconds()))
                .append("</td>");
        html.append("</tr>\n");
    }

    /** A PNG chart as a figure, {@link ChartImages#WIDTH} CSS pixels wide. */
    private static String image(byte[] png, String alt) {
        return "<figure><img width=\"" + ChartImages.WIDTH + "\" alt=\"" + escape(alt)
                + "\" src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(png) + "\"></figure>\n";
    }

    /** {@code [-3, 4]}, {@code [1.234e-09, -0.5]}; at most {@link #MAX_COORDINATES} coordinates. */
    static String point(double[] x) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < x.length && i < MAX_COORDINATES; i++) {
            parts.add(number(x[i]));
        }
        if (x.length > MAX_COORDINATES) {
            parts.add("… " + x.length + " in all");
        }
        return "[" + String.join(", ", parts) + "]";
    }

    /** Four significant digits; exponent form for very large or small magnitudes; NaN and ∞ as such. */
    static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : "−∞";
        }
        double magnitude = Math.abs(value);
        if (magnitude != 0 && (magnitude >= 1e5 || magnitude < 1e-4)) {
            return String.format(Locale.ROOT, "%.3e", value);
        }
        String text = new BigDecimal(value)
                .round(new MathContext(4))
                .stripTrailingZeros()
                .toPlainString();
        return text.equals("-0") ? "0" : text;
    }
}
