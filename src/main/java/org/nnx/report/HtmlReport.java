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
            svg.chart.redrawn [data-part], svg.chart.redrawn .drawn { display: none; }
            svg.chart[data-area] { touch-action: pan-y; }
            .view-controls { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 12px; margin: -12px 0 20px;
              font-size: 13px; }
            .view-controls label { display: inline-flex; align-items: center; gap: 4px; }
            .view-controls input[type=number] { width: 6.5em; font: inherit; }
            .view-controls input[type=range] { width: 8em; }
            .view-controls button { font: inherit; padding: 1px 8px; cursor: pointer; }
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
              // Curve charts: zoom on x, a log or linear y, smoothing. JFreeChart laid the chart out; from the data
              // the page carries, the curves and ticks are drawn again inside its plot rectangle when the view changes.
              // The SVG namespace, read from a chart: the page names no address, not even that one.
              var NS = null;
              function node(name, attrs, parent) {
                var e = document.createElementNS(NS, name);
                Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
                if (parent) parent.appendChild(e);
                return e;
              }
              function brief(v) {
                var a = Math.abs(v);
                return a !== 0 && (a >= 1e5 || a < 1e-3) ? v.toExponential(1) : String(Number(v.toPrecision(4)));
              }
              function ticks(lo, hi, count) {
                var raw = (hi - lo) / count, mag = Math.pow(10, Math.floor(Math.log10(raw))), n = raw / mag;
                var step = (n < 1.5 ? 1 : n < 3 ? 2 : n < 7 ? 5 : 10) * mag, out = [];
                for (var t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) out.push(Math.abs(t) < step * 1e-9 ? 0 : t);
                return out;
              }
              function ema(ys, w) {
                if (!(w > 0)) return ys;
                var b = 0, n = 0;
                return ys.map(function (y) {
                  if (y === null) return null;
                  b = w * b + (1 - w) * y;
                  n = w * n + (1 - w);
                  return b / n;
                });
              }
              function hiddenRuns() {
                var hidden = {};
                Array.prototype.forEach.call(document.querySelectorAll('button.toggle[aria-pressed=false]'), function (b) {
                  hidden[b.getAttribute('data-run')] = true;
                });
                return hidden;
              }
              Array.prototype.forEach.call(document.querySelectorAll('script.chart-data'), function (block) {
                var id = block.getAttribute('data-chart'), svg = document.getElementById(id);
                var controls = document.querySelector('.view-controls[data-chart="' + id + '"]');
                if (!svg || !controls || !svg.getAttribute('data-area')) return;
                NS = svg.namespaceURI;
                var data = JSON.parse(block.textContent), area = svg.getAttribute('data-area').split(' ').map(Number);
                var from = controls.querySelector('.x-from'), to = controls.querySelector('.x-to');
                var log = controls.querySelector('.log-y'), smoothing = controls.querySelector('.smoothing');
                var view = null;
                data.s.forEach(function (s) {
                  s.xs = s.y.map(function (y, i) { return s.x ? s.x[i] : s.x0 + i * s.dx; });
                });
                function reset() {
                  from.value = brief(data.x[0]);
                  to.value = brief(data.x[1]);
                  log.checked = data.log;
                  smoothing.value = String(data.w);
                  if (view) svg.removeChild(view);
                  view = null;
                  svg.classList.remove('redrawn');
                  svg.setAttribute('data-x-range', from.value + ' ' + to.value);
                }
                function draw() {
                  var lo = Number(from.value), hi = Number(to.value), isLog = log.checked, w = Number(smoothing.value);
                  if (!(hi > lo)) { lo = data.x[0]; hi = data.x[1]; }
                  var ax = area[0], ay = area[1], aw = area[2], ah = area[3], hidden = hiddenRuns();
                  var lines = data.s.map(function (s) {
                    var ys = s.m ? ema(s.y, Math.pow(w, s.k)) : s.y;
                    return ys.map(function (y) { return y === null || (isLog && !(y > 0)) ? null : y; });
                  });
                  var ylo = Infinity, yhi = -Infinity;
                  data.s.forEach(function (s, i) {
                    if (!s.f) return;
                    lines[i].forEach(function (y, j) {
                      if (y === null || s.xs[j] < lo || s.xs[j] > hi) return;
                      ylo = Math.min(ylo, y);
                      yhi = Math.max(yhi, y);
                    });
                  });
                  if (data.cut !== undefined) yhi = Math.min(yhi, data.cut);
                  if (data.pct && !isLog) {
                    // The whole x range keeps the axis nnx fitted to the leaders; a zoomed one fits what it shows.
                    if (lo <= data.x[0] && hi >= data.x[1]) { ylo = data.y[0]; yhi = data.y[1]; }
                    else if (yhi >= ylo) { var p = Math.max(0.01, (yhi - ylo) * 0.1); ylo = Math.max(0, ylo - p); yhi = Math.min(1, yhi + p); }
                  }
                  if (!(yhi >= ylo)) { ylo = data.y[0]; yhi = data.y[1]; }
                  var f = isLog ? Math.log10 : function (v) { return v; };
                  var flo = f(ylo), fhi = f(yhi), pad = (fhi - flo) * 0.04 || Math.abs(flo) * 0.1 || 1;
                  if (!(data.pct && !isLog)) { flo -= pad; fhi += pad; }
                  function px(x) { return ax + (x - lo) / (hi - lo) * aw; }
                  function py(y) { return ay + ah - (f(y) - flo) / (fhi - flo) * ah; }
                  if (view) svg.removeChild(view);
                  view = node('g', {'class': 'view', 'font-family': 'sans-serif', 'font-size': '11', 'font-weight': 'normal', stroke: 'none'}, null);
                  var hover = svg.querySelector('g.hover');
                  svg.insertBefore(view, hover);
                  var clip = node('clipPath', {id: id + '-view-clip'}, view);
                  node('rect', {x: ax, y: ay, width: aw, height: ah}, clip);
                  var yTicks = isLog ? [] : ticks(flo, fhi, Math.max(2, Math.round(ah / 45)));
                  if (isLog) {
                    for (var d = Math.ceil(flo); d <= Math.floor(fhi); d++) yTicks.push(Math.pow(10, d));
                    if (yTicks.length < 2) yTicks = ticks(Math.pow(10, flo), Math.pow(10, fhi), 4).filter(function (t) { return t > 0; });
                  }
                  yTicks.forEach(function (t) {
                    var y = py(t);
                    if (y < ay - 0.5 || y > ay + ah + 0.5) return;
                    node('line', {x1: ax, x2: ax + aw, y1: y, y2: y, stroke: '#e6e8eb'}, view);
                    node('text', {x: ax - 6, y: y + 4, 'text-anchor': 'end', fill: '#656d76', 'class': 'y-tick'}, view)
                      .textContent = data.pct && !isLog ? Math.round(t * 100) + '%' : brief(t);
                  });
                  ticks(lo, hi, Math.max(2, Math.round(aw / 70))).forEach(function (t) {
                    var x = px(t);
                    node('line', {x1: x, x2: x, y1: ay, y2: ay + ah, stroke: '#e6e8eb'}, view);
                    node('text', {x: x, y: ay + ah + 16, 'text-anchor': 'middle', fill: '#656d76', 'class': 'x-tick'}, view)
                      .textContent = brief(t);
                  });
                  node('text', {x: ax + aw / 2, y: ay + ah + 32, 'text-anchor': 'middle', fill: '#1f2328', 'font-size': '12'}, view)
                    .textContent = data.xl;
                  node('text', {transform: 'translate(' + Math.max(12, ax - 50) + ',' + (ay + ah / 2) + ') rotate(-90)',
                    'text-anchor': 'middle', fill: '#1f2328', 'font-size': '12'}, view)
                    .textContent = data.yl + (isLog ? ' (log scale)' : '');
                  var curves = node('g', {'clip-path': 'url(#' + id + '-view-clip)', fill: 'none'}, view);
                  var circles = node('g', {'class': 'hover', fill: 'transparent'}, view), budget = 0;
                  data.s.forEach(function (s) { if (s.t) budget += s.y.length; });
                  var every = Math.max(1, Math.ceil(budget / 400));
                  data.s.forEach(function (s, i) {
                    var path = '', pen = 'M', ys = lines[i];
                    ys.forEach(function (y, j) {
                      if (y === null) { pen = 'M'; return; }
                      var cy = Math.max(ay - 2, Math.min(ay + ah + 2, py(y)));
                      path += pen + px(s.xs[j]).toFixed(1) + ' ' + cy.toFixed(1);
                      pen = 'L';
                      if (s.t && j % every === 0 && s.xs[j] >= lo && s.xs[j] <= hi && py(y) >= ay && py(y) <= ay + ah) {
            var c = node('circle', {cx: px(s.xs[j]).toFixed(1), cy: py(y).toFixed(1), r: 4, 'data-run': s.r}, circles);
            var value = data.pct ? (y * 100).toFixed(2) + '%' : brief(y);
            node('title', {}, c).textContent = s.r + '\\n' + data.xl + ' ' + brief(s.xs[j]) + ': ' + data.what + ' ' + value;
            if (hidden[s.r]) c.classList.add('run-hidden');
                      }
                    });
                    if (!path) return;
                    if (s.e) {
                      var out = ys.findIndex(function (y, j) { return y !== null && s.xs[j] >= lo && s.xs[j] <= hi && py(y) < ay; });
                      if (out >= 0) {
            var mx = px(s.xs[out]);
            var mark = node('path', {d: 'M' + (mx - 5).toFixed(1) + ' ' + (ay + 10) + 'h10L' + mx.toFixed(1) + ' ' + ay + 'z',
              fill: s.c, 'data-run': s.r, 'class': 'escape' + (hidden[s.r] ? ' run-hidden' : '')}, circles);
            node('title', {}, mark).textContent = s.r + ' · left the top at ' + data.xl + ' ' + brief(s.xs[out]);
                      }
                    }
                    var attrs = {d: path, stroke: s.c, 'stroke-width': s.lw || 1, 'stroke-linejoin': 'round', 'data-run': s.r};
                    if (s.o !== undefined) attrs['stroke-opacity'] = s.o;
                    if (s.d) attrs['stroke-dasharray'] = s.d;
                    var p = node('path', attrs, curves);
                    if (s.m) p.setAttribute('data-smoothed', '');
                    if (hidden[s.r]) p.classList.add('run-hidden');
                  });
                  Array.prototype.forEach.call(svg.querySelectorAll('[data-run], g.hover'), function (e) {
                    if (!view.contains(e)) e.classList.add('drawn');
                  });
                  svg.classList.add('redrawn');
                  svg.setAttribute('data-x-range', brief(lo) + ' ' + brief(hi));
                }
                [from, to, log].forEach(function (input) { input.addEventListener('change', draw); });
                smoothing.addEventListener('input', draw);
                controls.querySelector('.reset').addEventListener('click', reset);
                var start = null, band = null;
                function layoutX(e) {
                  var point = svg.createSVGPoint();
                  point.x = e.clientX;
                  point.y = e.clientY;
                  return point.matrixTransform(svg.getScreenCTM().inverse());
                }
                svg.addEventListener('pointerdown', function (e) {
                  var p = layoutX(e);
                  if (p.x < area[0] || p.x > area[0] + area[2] || p.y < area[1] || p.y > area[1] + area[3]) return;
                  start = p.x;
                  band = node('rect', {x: p.x, y: area[1], width: 0, height: area[3], fill: 'rgba(9,105,218,.12)'}, svg);
                  svg.setPointerCapture(e.pointerId);
                  e.preventDefault();
                });
                svg.addEventListener('pointermove', function (e) {
                  if (start === null) return;
                  var x = Math.max(area[0], Math.min(area[0] + area[2], layoutX(e).x));
                  band.setAttribute('x', Math.min(start, x));
                  band.setAttribute('width', Math.abs(x - start));
                });
                svg.addEventListener('pointerup', function (e) {
                  if (start === null) return;
                  var x = Math.max(area[0], Math.min(area[0] + area[2], layoutX(e).x));
                  svg.removeChild(band);
                  var a = Math.min(start, x), b = Math.max(start, x);
                  start = null;
                  if (b - a < 4) return;
                  var lo = Number(from.value), hi = Number(to.value);
                  function value(px) { return lo + (px - area[0]) / area[2] * (hi - lo); }
                  from.value = brief(value(a));
                  to.value = brief(value(b));
                  draw();
                });
                reset();
                controls.hidden = false;
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
        head(html, title, STYLE);
        List<ReportSection> sections = sections(model, charts, title);
        sections.get(0).appendTo(html);
        int contentsAt = html.length();
        for (ReportSection section : sections.subList(1, sections.size())) {
            section.appendTo(html);
        }
        html.insert(contentsAt, Contents.of(html.substring(contentsAt), model));
        foot(html, "Charts: hover a curve for its run and value. Tables: click a heading to sort.");
        return html.toString();
    }

    /**
     * The start of a page up to {@code <main>}: its title, {@code style}, and the Content-Security-Policy that
     * forbids every fetch and every script but {@link #SCRIPT}.
     */
    static void head(StringBuilder html, String title, String style) {
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
                .append(style)
                .append("</style>\n</head>\n<body>\n<main>\n");
    }

    /** The end of a page: the footer's {@code note}, the page's script, the closing tags. */
    static void foot(StringBuilder html, String note) {
        html.append("\n<footer>Written by nnx ")
                .append(escape(org.nnx.train.Version.current()))
                .append(". ")
                .append(note)
                .append("</footer>\n")
                .append("</main>\n<script>")
                .append(SCRIPT)
                .append("</script>\n</body>\n</html>\n");
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
