package org.nnx.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;
import org.nnx.model.ExperimentPlan;
import org.nnx.train.ExperimentResult;
import org.nnx.train.RunResult;
import org.nnx.train.RunStatus;

/**
 * The experiment's {@code index.html}: one self-contained page (inline CSS, charts as {@code data:} PNGs,
 * no scripts, no links) that opens from disk, offline, and prints. It shows the experiment's name,
 * description and source, a table of runs, the loss and accuracy charts, the effective configuration
 * and what the runs ran on. All text that comes from the user or a run is HTML-escaped.
 */
public final class HtmlReport {
    /** The page style every nnx report shares. */
    static final String STYLE = """
            :root { color-scheme: light; --text: #1f2328; --muted: #656d76; --line: #d8dee4;
              --soft: #f6f8fa; --best: #eef6ff; }
            * { box-sizing: border-box; }
            body { margin: 0; background: #fff; color: var(--text);
              font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
            main { max-width: 1000px; margin: 0 auto; padding: 32px 24px 48px; }
            .kicker { margin: 0; color: var(--muted); font-size: 12px; letter-spacing: .08em; text-transform: uppercase; }
            h1 { margin: 2px 0 8px; font-size: 28px; line-height: 1.2; overflow-wrap: anywhere; }
            h2 { margin: 36px 0 12px; padding-bottom: 6px; border-bottom: 1px solid var(--line); font-size: 18px; }
            .description { margin: 0 0 8px; font-size: 17px; white-space: pre-line; }
            .meta { margin: 0; color: var(--muted); font-size: 14px; }
            code, pre, .run-name { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace;
              font-size: 13px; }
            .table-wrap { overflow-x: auto; }
            table { width: 100%; border-collapse: collapse; font-size: 14px; }
            th, td { padding: 7px 10px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
            th { color: var(--muted); font-size: 12px; font-weight: 600; letter-spacing: .03em; text-transform: uppercase;
              white-space: nowrap; }
            .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            .run { display: flex; align-items: center; flex-wrap: wrap; gap: 4px 8px; }
            .run-name { overflow-wrap: break-word; min-width: 0; }
            tr.best td { background: var(--best); }
            .swatch { flex: none; display: inline-block; width: 10px; height: 10px; border-radius: 2px;
              -webkit-print-color-adjust: exact; print-color-adjust: exact; }
            .badge { display: inline-block; padding: 0 8px; border-radius: 999px; font-size: 12px; font-weight: 600;
              line-height: 20px; white-space: nowrap; }
            .status-ok { background: #dafbe1; color: #1a7f37; }
            .status-diverged { background: #fff8c5; color: #7d5600; }
            .status-stopped { background: #eaeef2; color: #57606a; }
            .status-failed { background: #ffebe9; color: #b3261e; }
            .best-mark { font-family: system-ui, sans-serif; background: #ddf4ff; color: #0969da; }
            .reason { max-width: 32em; margin-top: 3px; color: var(--muted); font-size: 12px; overflow-wrap: anywhere; }
            .note { color: var(--muted); font-size: 13px; }
            figure { margin: 0 0 20px; }
            figure img { display: block; max-width: 100%; height: auto; border: 1px solid var(--line); border-radius: 6px; }
            pre { margin: 0; padding: 12px 14px; overflow-x: auto; background: var(--soft); border: 1px solid var(--line);
              border-radius: 6px; line-height: 1.45; }
            dl.provenance { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0; font-size: 14px; }
            dl.provenance dt { color: var(--muted); }
            dl.provenance dd { margin: 0; overflow-wrap: anywhere; }
            footer { margin-top: 40px; color: var(--muted); font-size: 12px; }
            @media print {
              body { font-size: 10.5pt; }
              main { max-width: none; padding: 0; }
              h2 { break-after: avoid; }
              tr, figure, pre, dl { break-inside: avoid; }
              pre { white-space: pre-wrap; }
              figure img { border: none; }
              .badge { border: 1px solid currentColor; }
            }
            """;

    private HtmlReport() {
    }

    /** The page, with both charts rendered here. */
    public static String render(ExperimentResult result) {
        List<RunResult> runs = result.runs();
        byte[] loss = ChartImages.toReportPng(LossChart.createChart(runs));
        byte[] accuracy = ChartImages.toReportPng(AccuracyChart.createChart(runs));
        return render(result, loss, accuracy);
    }

    /**
     * The page, embedding the given charts (PNG bytes, laid out at {@link ChartImages#WIDTH} CSS pixels).
     */
    public static String render(ExperimentResult result, byte[] lossChartPng, byte[] accuracyChartPng) {
        Objects.requireNonNull(lossChartPng, "lossChartPng");
        Objects.requireNonNull(accuracyChartPng, "accuracyChartPng");
        ExperimentPlan plan = result.plan();
        StringBuilder html = new StringBuilder(64 * 1024 + 2 * (lossChartPng.length + accuracyChartPng.length));
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"nnx\">\n")
                .append("<title>").append(escape(plan.name())).append(" · nnx</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n<main>\n");

        appendHeader(html, result);

        html.append("\n<section>\n<h2>Runs</h2>\n");
        appendRunTable(html, result);
        html.append("</section>\n");

        // The charts carry their own titles, so one heading covers both.
        html.append("\n<section>\n<h2>Training curves</h2>\n");
        appendImage(html, lossChartPng, "Loss per iteration of every run, raw and smoothed");
        appendImage(html, accuracyChartPng, "Train and test accuracy of every run at each evaluation");
        html.append("</section>\n");

        String config = plan.effectiveConfig();
        if (config != null && !config.isBlank()) {
            html.append("\n<section>\n<h2>Configuration</h2>\n")
                    .append("<p class=\"note\">The experiment's settings after defaults and <code>extends</code>.</p>\n")
                    .append("<pre>").append(escape(config.strip())).append("</pre>\n</section>\n");
        }

        appendProvenance(html, result.runs());

        html.append("\n<footer>Written by nnx.</footer>\n</main>\n</body>\n</html>\n");
        return html.toString();
    }

    /**
     * {@code text} made safe as HTML element content and as a quoted attribute value: {@code & < > " '}
     * become character references. {@code null} becomes the empty string.
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /**
     * The index of the run to mark as best: the ok run with the highest test accuracy (the first on a
     * tie), or -1 when no ok run was evaluated. Diverged, stopped and failed runs are left out: their
     * last accuracy is not that of a finished model.
     */
    static int bestRun(List<RunResult> runs) {
        int best = -1;
        for (int i = 0; i < runs.size(); i++) {
            RunResult run = runs.get(i);
            if (run.status() == RunStatus.OK && Double.isFinite(run.testAccuracy())
                    && (best < 0 || run.testAccuracy() > runs.get(best).testAccuracy())) {
                best = i;
            }
        }
        return best;
    }

    private static void appendHeader(StringBuilder html, ExperimentResult result) {
        ExperimentPlan plan = result.plan();
        html.append("<header>\n<p class=\"kicker\">nnx experiment</p>\n<h1>").append(escape(plan.name()))
                .append("</h1>\n");
        if (plan.description() != null && !plan.description().isBlank()) {
            html.append("<p class=\"description\">").append(escape(plan.description())).append("</p>\n");
        }
        List<String> meta = new ArrayList<>();
        if (plan.source() != null) {
            meta.add("Source <code>" + escape(plan.source().toString()) + "</code>");
        }
        meta.add(runCounts(result.runs()));
        html.append("<p class=\"meta\">").append(String.join(" · ", meta)).append("</p>\n</header>\n");
    }

    /** {@code 3 runs: 2 ok, 1 diverged}. */
    private static String runCounts(List<RunResult> runs) {
        StringBuilder text = new StringBuilder();
        text.append(runs.size()).append(runs.size() == 1 ? " run" : " runs");
        List<String> parts = new ArrayList<>();
        for (RunStatus status : RunStatus.values()) {
            long count = runs.stream().filter(run -> run.status() == status).count();
            if (count > 0) {
                parts.add(count + " " + status.label());
            }
        }
        if (!parts.isEmpty()) {
            text.append(": ").append(String.join(", ", parts));
        }
        return text.toString();
    }

    private static void appendRunTable(StringBuilder html, ExperimentResult result) {
        List<RunResult> runs = result.runs();
        if (runs.isEmpty()) {
            html.append("<p class=\"note\">This experiment has no runs.</p>\n");
            return;
        }
        List<String> swept = result.plan().sweptSettings();
        int best = bestRun(runs);
        html.append("<div class=\"table-wrap\">\n<table>\n<thead>\n<tr><th>Run</th>");
        for (String setting : swept) {
            html.append("<th>").append(escape(setting)).append("</th>");
        }
        html.append("<th>Status</th><th class=\"num\">Train acc.</th><th class=\"num\">Test acc.</th>")
                .append("<th class=\"num\">Final loss</th><th class=\"num\">Time</th>")
                .append("<th class=\"num\">Samples/s</th></tr>\n</thead>\n<tbody>\n");
        for (int i = 0; i < runs.size(); i++) {
            RunResult run = runs.get(i);
            html.append(i == best ? "<tr class=\"best\">" : "<tr>");
            html.append("<td><div class=\"run\"><span class=\"swatch\" style=\"background:").append(RunColors.hex(i))
                    .append("\"></span><span class=\"run-name\">").append(escape(run.name())).append("</span>");
            if (i == best) {
                html.append("<span class=\"badge best-mark\" title=\"highest test accuracy of the ok runs\">★ best</span>");
            }
            html.append("</div></td>");
            for (String setting : swept) {
                html.append("<td>").append(escape(run.plan().varying().getOrDefault(setting, ""))).append("</td>");
            }
            html.append("<td><span class=\"badge status-").append(run.status().label()).append("\">")
                    .append(run.status().label()).append("</span>");
            if (run.status() != RunStatus.OK && run.reason() != null && !run.reason().isBlank()) {
                html.append("<div class=\"reason\">").append(escape(run.reason())).append("</div>");
            }
            html.append("</td>");
            html.append("<td class=\"num\">").append(percent(run.trainAccuracy())).append("</td>");
            html.append("<td class=\"num\">").append(percent(run.testAccuracy())).append("</td>");
            html.append("<td class=\"num\">").append(loss(run)).append("</td>");
            html.append("<td class=\"num\">").append(duration(run.seconds())).append("</td>");
            html.append("<td class=\"num\">").append(rate(run.samplesPerSecond())).append("</td>");
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n</div>\n");
        if (best >= 0) {
            html.append("<p class=\"note\">★ marks the ok run with the highest final test accuracy.</p>\n");
        }
    }

    private static void appendImage(StringBuilder html, byte[] png, String alt) {
        html.append("<figure><img width=\"").append(ChartImages.WIDTH).append("\" alt=\"").append(escape(alt))
                .append("\" src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(png))
                .append("\"></figure>\n");
    }

    /**
     * What the runs ran on (BLAS backend, JDK, dataset, …): values all runs share once, values that
     * differ per run.
     */
    private static void appendProvenance(StringBuilder html, List<RunResult> runs) {
        TreeSet<String> keys = new TreeSet<>();
        runs.forEach(run -> keys.addAll(run.provenance().keySet()));
        if (keys.isEmpty()) {
            return;
        }
        html.append("\n<section>\n<h2>Environment</h2>\n<dl class=\"provenance\">\n");
        for (String key : keys) {
            TreeSet<String> distinct = new TreeSet<>();
            for (RunResult run : runs) {
                distinct.add(run.provenance().getOrDefault(key, ""));
            }
            html.append("<dt>").append(escape(key)).append("</dt><dd>");
            if (distinct.size() == 1) {
                html.append(escape(distinct.first()));
            } else {
                List<String> lines = new ArrayList<>();
                for (RunResult run : runs) {
                    lines.add("<code>" + escape(run.name()) + "</code>: "
                            + escape(run.provenance().getOrDefault(key, "—")));
                }
                html.append(String.join("<br>", lines));
            }
            html.append("</dd>\n");
        }
        html.append("</dl>\n</section>\n");
    }

    /** {@code 92.35 %}, or a dash when never evaluated. */
    static String percent(double fraction) {
        return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%.2f %%", fraction * 100) : "—";
    }

    /** Four significant digits; NaN/∞ as such for a run that diverged, a dash when nothing was recorded. */
    static String loss(RunResult run) {
        double loss = run.loss();
        if (Double.isNaN(loss)) {
            return run.metrics().isEmpty() ? "—" : "NaN";
        }
        if (Double.isInfinite(loss)) {
            return loss > 0 ? "∞" : "−∞";
        }
        double magnitude = Math.abs(loss);
        if (magnitude != 0 && (magnitude >= 1e5 || magnitude < 1e-4)) {
            return String.format(Locale.ROOT, "%.3e", loss);
        }
        return new BigDecimal(loss).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** {@code 8.4 s}, {@code 2 min 05 s}, {@code 1 h 02 min}. */
    static String duration(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "—";
        }
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long whole = Math.round(seconds);
        if (whole < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", whole / 60, whole % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", whole / 3600, (whole % 3600) / 60);
    }

    /** {@code 15,234}, or a dash when unknown. */
    static String rate(double samplesPerSecond) {
        return Double.isFinite(samplesPerSecond) && samplesPerSecond > 0
                ? String.format(Locale.ROOT, "%,.0f", samplesPerSecond)
                : "—";
    }
}
