package org.nnx.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import org.nnx.train.ExperimentResult;

/**
 * The experiment's {@code index.html}, and the page of {@code nnx compare}: one self-contained page
 * (inline CSS, charts as {@code data:} PNGs with image maps for tooltips, one small inline script) that
 * opens from disk, offline, and prints. A Content-Security-Policy forbids every fetch and every script
 * but its own. Sections: what stands out, what no learning scores (baselines), the training curves, the final
 * accuracy by swept setting, gradients and weight changes by layer, the runs (a table sortable by any column), the best
 * run, an image model's learned filters, the model's layers, repeats with a significance test, what differed between runs,
 * the configuration, gradient checks and the dataset when present, and provenance. The page reads fully
 * without the script, which only sorts tables and records in the page whether every image loaded. All
 * text that comes from the user or a run is HTML-escaped.
 */
public final class HtmlReport {
    /** The page style every nnx report shares. */
    static final String STYLE = """
            :root { color-scheme: light; --text: #1f2328; --muted: #656d76; --line: #d8dee4;
              --soft: #f6f8fa; --best: #eef6ff; }
            * { box-sizing: border-box; }
            body { margin: 0; background: #fff; color: var(--text);
              font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
            main { max-width: 1180px; margin: 0 auto; padding: 32px 24px 48px; }
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
            .status-pruned, .status-skipped { background: #eaeef2; color: #6e7781; }
            .best-mark { font-family: system-ui, sans-serif; background: #ddf4ff; color: #0969da; }
            .reason { max-width: 32em; margin-top: 3px; color: var(--muted); font-size: 12px; overflow-wrap: anywhere; }
            .note { color: var(--muted); font-size: 13px; }
            figure { margin: 0 0 20px; }
            figure img { display: block; max-width: 100%; height: auto; border: 1px solid var(--line); border-radius: 6px; }
            svg.chart { display: block; width: 100%; height: auto; border: 1px solid var(--line); border-radius: 6px; }
            svg.chart .hover circle { fill: transparent; }
            svg.chart .hover circle:hover { fill: rgba(31, 35, 40, .35); }
            svg.chart .run-hidden { display: none; }
            button.toggle { padding: 0; border: 0; cursor: pointer; vertical-align: middle; }
            button.toggle[aria-pressed=false] { opacity: .25; outline: 1px dashed var(--muted); }
            .toggles { display: flex; flex-wrap: wrap; gap: 4px 14px; margin: -8px 0 20px; font-size: 13px; }
            .toggles label { display: inline-flex; align-items: center; gap: 5px; cursor: pointer; overflow-wrap: anywhere; }
            pre { margin: 0; padding: 12px 14px; overflow-x: auto; background: var(--soft); border: 1px solid var(--line);
              border-radius: 6px; line-height: 1.45; }
            table.balance { width: auto; min-width: 320px; margin: 12px 0; }
            dl.provenance { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0; font-size: 14px; }
            dl.provenance dt { color: var(--muted); }
            dl.provenance dd { margin: 0; overflow-wrap: anywhere; }
            footer { margin-top: 40px; color: var(--muted); font-size: 12px; }
            .findings { margin: 20px 0 0; padding: 12px 16px 12px 34px; background: var(--soft);
              border: 1px solid var(--line); border-radius: 6px; }
            .findings li { margin: 3px 0; }
            .findings li::marker { color: var(--muted); }
            .findings .label { font-weight: 600; }
            .findings code, .meta code, .note code, h3 code { overflow-wrap: anywhere; }
            nav.contents { position: sticky; top: 0; z-index: 1; display: flex; flex-wrap: wrap; gap: 2px 14px;
              margin: 14px 0 0; padding: 6px 0; background: #fff; border-bottom: 1px solid var(--line); font-size: 13px; }
            nav.contents a { color: #0969da; text-decoration: none; white-space: nowrap; }
            nav.contents a:hover { text-decoration: underline; }
            nav.contents .files { margin-left: auto; color: var(--muted); }
            section { scroll-margin-top: 4.5em; }
            table.collapsed tr.more { display: none; }
            button.show-all { margin: 8px 0 0; padding: 3px 10px; font: inherit; font-size: 13px; cursor: pointer;
              border: 1px solid var(--line); border-radius: 6px; background: var(--soft); color: var(--text); }
            table.runs { font-size: 13px; }
            table.runs th, table.runs td { padding: 5px 6px; }
            table.runs th { letter-spacing: 0; text-transform: none; font-size: 12.5px; }
            table.runs .run { flex-wrap: nowrap; }
            th button { all: inherit; cursor: pointer; padding: 0; }
            th button::after { content: " ↕"; color: #afb8c1; }
            th[aria-sort=ascending] button::after { content: " ↑"; color: var(--text); }
            th[aria-sort=descending] button::after { content: " ↓"; color: var(--text); }
            tr.faint td { color: #57606a; }
            table.runs td.status { white-space: normal; min-width: 7em; }
            table.runs .reason { max-width: 11em; }
            table.runs td { white-space: nowrap; }
            .status-barely { background: #fff1e5; color: #9a4a00; }
            .where { color: var(--muted); font-size: 11px; }
            .neg { color: var(--muted); }
            .warn { color: #9a4a00; font-weight: 600; }
            pre.diff { padding: 6px 10px; }
            pre.diff .del { color: #b3261e; background: #ffebe9; display: block; }
            pre.diff .ins { color: #1a7f37; background: #dafbe1; display: block; }
            details { margin: 4px 0; }
            details > summary { cursor: pointer; color: var(--text); }
            .diff-list details > summary { font-size: 13px; }
            .diff-list .run { display: inline-flex; }
            h3 { margin: 20px 0 8px; font-size: 15px; }
            table.heatmap, table.matters { width: auto; }
            table.heatmap td { min-width: 5.5em; }
            table.heatmap .where { color: inherit; opacity: .8; }
            @media print {
              body { font-size: 10.5pt; }
              main { max-width: none; padding: 0; }
              h2 { break-after: avoid; }
              tr, figure, pre, dl { break-inside: avoid; }
              pre { white-space: pre-wrap; }
              figure img { border: none; }
              details > *:not(summary) { display: block; }
              th button::after { content: none; }
              table.runs td, table.runs .reason { white-space: normal; }
              .table-wrap { overflow: visible; }
              table.runs { font-size: 8pt; }
              table.runs th, table.runs td { padding: 3px 3px; }
              table.runs th { font-size: 8pt; }
              .badge { border: 1px solid currentColor; }
              nav.contents, button.show-all { display: none; }
              table.collapsed tr.more { display: table-row; }
            }
            """;

    /** The inline script: sorts tables, and records in the page whether every image loaded (for tests). */
    static final String SCRIPT = """
            (function () {
              var root = document.documentElement, errors = 0;
              window.addEventListener('error', function () { root.setAttribute('data-errors', String(++errors)); });
              function key(row, col) {
                var cell = row.cells[col], v = cell.getAttribute('data-v');
                return v === null ? cell.textContent.trim().toLowerCase() : v;
              }
              function collapse(table) {
                var top = Number(table.getAttribute('data-top'));
                Array.prototype.forEach.call(table.tBodies[0].rows, function (row, i) {
                  row.classList.toggle('more', i >= top);
                });
              }
              Array.prototype.forEach.call(document.querySelectorAll('table[data-top]'), function (table) {
                var total = table.tBodies[0].rows.length, top = Number(table.getAttribute('data-top'));
                if (total <= top) return;
                var button = document.createElement('button');
                button.type = 'button';
                button.className = 'show-all';
                function label() {
                  button.textContent = table.classList.contains('collapsed')
                    ? 'Show all ' + total + ' runs' : 'Show the top ' + top + ' only';
                }
                table.classList.add('collapsed');
                collapse(table);
                label();
                button.addEventListener('click', function () { table.classList.toggle('collapsed'); label(); });
                table.parentNode.parentNode.insertBefore(button, table.parentNode.nextSibling);
              });
              Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), function (table) {
                var heads = table.tHead.rows[0].cells;
                Array.prototype.forEach.call(heads, function (th, col) {
                  var button = document.createElement('button');
                  button.type = 'button';
                  while (th.firstChild) button.appendChild(th.firstChild);
                  th.appendChild(button);
                  button.addEventListener('click', function () {
                    var numeric = th.classList.contains('num');
                    var now = th.getAttribute('aria-sort');
                    var down = now ? now === 'ascending' : (th.getAttribute('data-first') || (numeric ? 'descending' : 'ascending')) === 'descending';
                    Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
                    th.setAttribute('aria-sort', down ? 'descending' : 'ascending');
                    var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
                    rows.sort(function (a, b) {
                      var x = key(a, col), y = key(b, col);
                      if (x === '' || y === '') return x === y ? 0 : (x === '' ? 1 : -1);
                      var nx = Number(x), ny = Number(y);
                      var c = numeric ? parseFloat(x) - parseFloat(y)
                        : !isNaN(nx) && !isNaN(ny) ? nx - ny : x.localeCompare(y, undefined, {numeric: true});
                      return down ? -c : c;
                    });
                    rows.forEach(function (r) { body.appendChild(r); });
                    if (table.hasAttribute('data-top')) collapse(table);
                  });
                });
              });
              // Image maps are in the chart's layout pixels; a chart drawn narrower (a phone, a side panel)
              // needs its hover areas scaled with it, or they point at the wrong runs.
              function scaleMaps() {
                Array.prototype.forEach.call(document.querySelectorAll('img[usemap]'), function (img) {
                  var map = document.querySelector('map[name="' + img.getAttribute('usemap').slice(1) + '"]');
                  var k = img.clientWidth / Number(img.getAttribute('width'));
                  if (!map || !(k > 0)) return;
                  Array.prototype.forEach.call(map.areas, function (area) {
                    var original = area.getAttribute('data-coords');
                    if (original === null) {
                      original = area.getAttribute('coords');
                      area.setAttribute('data-coords', original);
                    }
                    area.setAttribute('coords', original.split(',').map(function (c) {
                      return Math.round(Number(c) * k);
                    }).join(','));
                  });
                });
              }
              // A run's curves carry data-run in every chart: its swatches (legend, runs table) hide and show them.
              function toggleRun(label) {
                var hide = null;
                Array.prototype.forEach.call(document.querySelectorAll('button.toggle[data-run]'), function (b) {
                  if (b.getAttribute('data-run') !== label) return;
                  if (hide === null) hide = b.getAttribute('aria-pressed') !== 'false';
                  b.setAttribute('aria-pressed', String(!hide));
                });
                Array.prototype.forEach.call(document.querySelectorAll('svg.chart [data-run]'), function (el) {
                  if (el.getAttribute('data-run') === label) el.classList.toggle('run-hidden', hide);
                });
              }
              Array.prototype.forEach.call(document.querySelectorAll('button.toggle[data-run]'), function (b) {
                b.addEventListener('click', function () { toggleRun(b.getAttribute('data-run')); });
              });
              window.addEventListener('resize', scaleMaps);
              window.addEventListener('load', function () {
                scaleMaps();
                var broken = 0;
                Array.prototype.forEach.call(document.images, function (img) {
                  if (!img.complete || img.naturalWidth === 0) broken++;
                });
                root.setAttribute('data-images', String(document.images.length));
                root.setAttribute('data-broken-images', String(broken));
              });
            })();
            """;

    /**
     * Draws a chart for the page as an inline {@code <svg>} with the id {@code id} and the accessible name
     * {@code label}; the real one is {@link ChartSvg#render}, tests pass a stub.
     */
    @FunctionalInterface
    interface ChartRenderer {
        String render(org.jfree.chart.JFreeChart chart, int height, String id, String label);

        /** The report's charts: {@link ChartImages#WIDTH} layout pixels wide, vector. */
        static ChartRenderer svg() {
            return (chart, height, id, label) -> ChartSvg.render(chart, ChartImages.WIDTH, height, id, label);
        }
    }

    private HtmlReport() {}

    /** The page of one experiment, charts rendered here. */
    public static String render(ExperimentResult result) {
        return render(new ReportedExperiment(result, ""));
    }

    /** The page of one experiment, charts rendered here. */
    public static String render(ReportedExperiment experiment) {
        return render(ReportModel.of(experiment), ChartRenderer.svg());
    }

    /** The page of {@code nnx compare}: the runs of all {@code experiments} in one report. */
    public static String renderComparison(List<ReportedExperiment> experiments) {
        // One folder is its own report again, from its files; names need the experiment only beside others.
        return render(new ReportModel(experiments, experiments.size() > 1), ChartRenderer.svg());
    }

    /** The page of {@code model}: head, its sections in page order, footer; {@code charts} draws the charts. */
    static String render(ReportModel model, ChartRenderer charts) {
        StringBuilder html = new StringBuilder(256 * 1024);
        String title = model.comparison
                ? "Comparison of "
                        + model.experiments.stream()
                                .map(e -> e.result().plan().name())
                                .collect(Collectors.joining(", "))
                : model.experiments.get(0).result().plan().name();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; ")
                .append("style-src 'unsafe-inline'; script-src '")
                .append(scriptHash())
                .append("'\">\n")
                .append("<meta name=\"generator\" content=\"nnx\">\n")
                .append("<title>")
                .append(escape(title))
                .append(" · nnx</title>\n")
                .append("<style>\n")
                .append(STYLE)
                .append("</style>\n</head>\n<body>\n<main>\n");
        List<ReportSection> sections = sections(model, charts, title);
        sections.get(0).appendTo(html);
        int contentsAt = html.length();
        for (ReportSection section : sections.subList(1, sections.size())) {
            section.appendTo(html);
        }
        html.insert(contentsAt, Contents.of(html.substring(contentsAt), model));
        html.append("\n<footer>Written by nnx ")
                .append(escape(org.nnx.train.Version.current()))
                .append(". Charts: hover a curve for its run and value. Tables: click a heading to sort.</footer>\n")
                .append("</main>\n<script>")
                .append(SCRIPT)
                .append("</script>\n</body>\n</html>\n");
        return html.toString();
    }

    /** The sections of the page, in page order. */
    private static List<ReportSection> sections(ReportModel model, ChartRenderer charts, String title) {
        return List.of(
                new SummarySection(model, title),
                new FindingsSection(model),
                new SearchSection(model, charts),
                new BaselinesSection(model),
                new ChartsSection(model, charts),
                new ParameterSection(model, charts),
                new SweepViewsSection(model),
                new RunsTableSection(model),
                new BestRunSection(model),
                new FiltersSection(model),
                new LayerTableSection(model),
                new RepeatsSection(model),
                new DifferencesSection(model),
                new ConfigurationSection(model),
                new GradientCheckSection(model),
                new DataSection(model),
                new ProvenanceSection(model));
    }

    /** The CSP source that allows exactly {@link #SCRIPT}: an injected script would not run. */
    static String scriptHash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(SCRIPT.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every JDK has SHA-256", e);
        }
    }

    /**
     * {@code text} made safe as HTML element content and as a quoted attribute value: {@code & < > " '}
     * become character references. {@code null} becomes the empty string.
     */
    public static String escape(String text) {
        return Html.escape(text);
    }

    /** {@code 8.4 s}, {@code 2 min 05 s}, {@code 1 h 02 min}: as every page writes a run's time. */
    static String duration(double seconds) {
        return ReadableNumbers.duration(seconds);
    }
}
