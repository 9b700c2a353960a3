package org.nnx.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens reports in a real browser, headless Chromium, as a reader would: each page must load with no
 * console message (a script error, a blocked fetch, a Content-Security-Policy violation all log one) and
 * with every image decoded. The page's own script records in {@code <html data-images data-broken-images>}
 * how many images there are and how many failed, and Chromium's {@code --dump-dom} hands that back.
 * Screenshots go to {@code target/screenshots/} for people to look at; the reports stay in
 * {@code target/browser-reports/}. Skipped where {@code /usr/bin/chromium} is not installed.
 */
class BrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Path REPORTS = Path.of("target", "browser-reports");
    private static final Pattern CONSOLE = Pattern.compile(".*CONSOLE[:(].*");

    @TempDir
    static Path profiles;

    @BeforeAll
    static void needsChromium() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "no /usr/bin/chromium: browser test skipped");
        Files.createDirectories(SCREENSHOTS);
        Files.createDirectories(REPORTS);
    }

    @Test
    void eightyRunSweep() throws Exception {
        Path directory = REPORTS.resolve("big_sweep");
        ReportWriter.write(SyntheticResults.sweep80(600), directory);
        open(directory.resolve("index.html"), "sweep-80");
    }

    /**
     * Runs in the page after its own script (its hash added to the copy's CSP) and records what it finds on
     * {@code <html>}: how far the page overflows the window, whether the element under the middle of a
     * plotted point's hover circle is that point's (its tooltip names the run and its value), whether the
     * swept learning-rate column sorts numerically, and whether a run's swatch hides its curves.
     */
    private static final String CHECKS = """
            (function () {
              var root = document.documentElement;
              function tip(el) {
                var title = el && el.querySelector && el.querySelector('title');
                return title ? title.textContent : null;
              }
              function visible(svg, label) {
                return Array.prototype.filter.call(svg.querySelectorAll('path[data-run]'), function (p) {
                  return p.getAttribute('data-run') === label && getComputedStyle(p).display !== 'none';
                }).length;
              }
              function run() {
                root.setAttribute('data-overflow', String(root.scrollWidth - window.innerWidth));
                var svg = document.querySelector('svg.chart');
                var circles = Array.prototype.slice.call(svg.querySelectorAll('.hover circle'));
                var centres = circles.map(function (c) {
                  return [Number(c.getAttribute('cx')), Number(c.getAttribute('cy'))];
                });
                // The point least crowded by others: where points overlap, either's tooltip is right.
                var best = -1, circle = circles[0];
                for (var k = 0; k < circles.length; k += Math.max(1, Math.floor(circles.length / 200))) {
                  var nearest = Infinity;
                  for (var j = 0; j < circles.length; j++) {
                    if (j === k) continue;
                    var dx = centres[j][0] - centres[k][0], dy = centres[j][1] - centres[k][1];
                    nearest = Math.min(nearest, dx * dx + dy * dy);
                  }
                  if (nearest > best) { best = nearest; circle = circles[k]; }
                }
                circle.scrollIntoView({block: 'center'});
                var box = circle.getBoundingClientRect();
                var hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
                root.setAttribute('data-hover', tip(hit) === tip(circle) ? 'ok' : 'missed: ' + (hit && hit.tagName));
                root.setAttribute('data-hover-title', tip(circle));
                var table = document.querySelector('table.runs');
                var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
                var col = heads.findIndex(function (th) { return th.textContent.indexOf('learning_rate') === 0; });
                heads[col].querySelector('button').click();
                var values = Array.prototype.map.call(table.tBodies[0].rows, function (r) {
                  return Number(r.cells[col].textContent);
                });
                var sorted = values.every(function (v, i) { return i === 0 || values[i - 1] <= v; });
                root.setAttribute('data-sorted', sorted ? 'numeric' : 'not numeric: ' + values.slice(0, 8).join(' '));
                var toggle = document.querySelector('.toggles button.toggle');
                var label = toggle.getAttribute('data-run'), before = visible(svg, label);
                toggle.click();
                var after = visible(svg, label);
                var pressed = document.querySelector('table.runs tr[data-run] button.toggle[aria-pressed=false]');
                toggle.click();
                root.setAttribute('data-hide', before > 0 && after === 0 && visible(svg, label) === before
                  && pressed && pressed.getAttribute('data-run') === label
                  ? 'ok' : 'curves of ' + label + ': ' + before + ' shown, ' + after + ' after hiding');
                explore();
              }
              // Zoom, reset, log scale and smoothing on the loss chart, through its controls as a reader would.
              function explore() {
                var controls = document.querySelector('.view-controls');
                var svg = document.getElementById(controls.getAttribute('data-chart'));
                function ticks(kind) {
                  return Array.prototype.map.call(svg.querySelectorAll('g.view .' + kind), function (t) {
                    return t.textContent;
                  }).join(' ');
                }
                function set(input, value) {
                  input.value = value;
                  input.dispatchEvent(new Event(input.type === 'range' ? 'input' : 'change'));
                }
                var from = controls.querySelector('.x-from'), to = controls.querySelector('.x-to');
                var initial = svg.getAttribute('data-x-range');
                var whole = [Number(from.value), Number(to.value)];
                set(from, String(Math.round(whole[1] * 0.25)));
                set(to, String(Math.round(whole[1] * 0.5)));
                var xs = ticks('x-tick').split(' ').map(Number);
                var zoomed = svg.classList.contains('redrawn') && xs.length > 1
                  && xs[0] >= whole[1] * 0.25 && xs[xs.length - 1] <= whole[1] * 0.5
                  && svg.getAttribute('data-x-range') !== initial;
                controls.querySelector('.reset').click();
                var restored = !svg.classList.contains('redrawn') && svg.getAttribute('data-x-range') === initial;
                root.setAttribute('data-zoom', zoomed && restored ? 'ok'
                  : 'x ticks ' + xs.join(' ') + ' of ' + whole.join('-') + ', restored ' + restored);
                var log = controls.querySelector('.log-y');
                log.checked = !log.checked;
                log.dispatchEvent(new Event('change'));
                var before = ticks('y-tick');
                log.checked = !log.checked;
                log.dispatchEvent(new Event('change'));
                var after = ticks('y-tick');
                root.setAttribute('data-log', before && after && before !== after ? 'ok' : before + ' | ' + after);
                var smoothing = controls.querySelector('.smoothing');
                function path() {
                  var p = svg.querySelector('g.view path[data-smoothed]');
                  return p ? p.getAttribute('d') : null;
                }
                set(smoothing, '0');
                var rough = path();
                set(smoothing, '0.9');
                var smooth = path();
                root.setAttribute('data-smoothing', rough && smooth && rough !== smooth ? 'ok' : 'path unchanged');
                controls.querySelector('.reset').click();
                root.setAttribute('data-overflow-after', String(root.scrollWidth - window.innerWidth));
              }
              if (document.readyState === 'complete') run(); else window.addEventListener('load', run);
            })();
            """;

    /** Leaves the loss chart zoomed to the second quarter of the run, on a log scale, smoothed at 0.6. */
    private static final String EXPLORE = """
            (function () {
              function explore() {
                var controls = document.querySelector('.view-controls');
                var from = controls.querySelector('.x-from'), to = controls.querySelector('.x-to');
                var end = Number(to.value);
                from.value = String(Math.round(end * 0.25));
                to.value = String(Math.round(end * 0.5));
                controls.querySelector('.log-y').checked = true;
                controls.querySelector('.smoothing').value = '0.6';
                to.dispatchEvent(new Event('change'));
              }
              if (document.readyState === 'complete') explore(); else window.addEventListener('load', explore);
            })();
            """;

    @Test
    void eightyRunSweepAtThreeWidths() throws Exception {
        Path directory = REPORTS.resolve("big_sweep_widths");
        ReportWriter.write(SyntheticResults.sweep80(200), directory);
        Path page = directory.resolve("index.html");
        String source = Files.readString(page, StandardCharsets.UTF_8);
        String checked = withScript(source, CHECKS);
        Path copy = directory.resolve("checked.html");
        Files.writeString(copy, checked, StandardCharsets.UTF_8);
        String url = copy.toAbsolutePath().toUri().toString();
        for (int width : new int[] {400, 800, 1400}) {
            String name = "sweep-80-" + width;
            Result dom =
                    chromium(name, "--window-size=" + width + ",2000", "--virtual-time-budget=5000", "--dump-dom", url);
            assertEquals("0", attribute(dom.stdout, "data-broken-images"), name);
            assertEquals(null, attribute(dom.stdout, "data-errors"), name + ": script errors");
            assertEquals(
                    "ok",
                    attribute(dom.stdout, "data-hover"),
                    name + ": hover " + attribute(dom.stdout, "data-hover-title"));
            assertEquals("numeric", attribute(dom.stdout, "data-sorted"), name + ": learning_rate sorts as numbers");
            assertEquals("ok", attribute(dom.stdout, "data-hide"), name + ": a run's swatch hides its curves");
            assertEquals("0", attribute(dom.stdout, "data-overflow"), name + ": nothing wider than the window");
            assertEquals("ok", attribute(dom.stdout, "data-zoom"), name + ": zoom to an x range and reset");
            assertEquals("ok", attribute(dom.stdout, "data-log"), name + ": the log toggle changes the y axis");
            assertEquals("ok", attribute(dom.stdout, "data-smoothing"), name + ": smoothing changes a curve");
            assertEquals("0", attribute(dom.stdout, "data-overflow-after"), name + ": nothing wider after exploring");
            Path screenshot = SCREENSHOTS.resolve(name + ".png").toAbsolutePath();
            Files.deleteIfExists(screenshot);
            chromium(name, "--screenshot=" + screenshot, "--window-size=" + width + ",2400", url);
            assertTrue(Files.size(screenshot) > 10_000, name + ": screenshot written");
        }
        Path explored = directory.resolve("explored.html");
        Files.writeString(explored, withScript(source, EXPLORE), StandardCharsets.UTF_8);
        Path screenshot = SCREENSHOTS.resolve("sweep-80-explored-800.png").toAbsolutePath();
        Files.deleteIfExists(screenshot);
        chromium(
                "explored",
                "--screenshot=" + screenshot,
                "--window-size=800,1400",
                "--virtual-time-budget=5000",
                explored.toAbsolutePath().toUri().toString());
        assertTrue(Files.size(screenshot) > 10_000, "the explored chart's screenshot written");
    }

    /** {@code page} with {@code script} run after its own, the script's hash added to the page's CSP. */
    private static String withScript(String page, String script) throws Exception {
        String hash = "sha256-"
                + java.util.Base64.getEncoder()
                        .encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                                .digest(script.getBytes(StandardCharsets.UTF_8)));
        return page.replace("script-src '", "script-src '" + hash + "' '")
                .replace("</body>", "<script>" + script + "</script>\n</body>");
    }

    @Test
    void learningRateSweep() throws Exception {
        Path directory = REPORTS.resolve("learning_rates");
        ReportWriter.write(SyntheticResults.issueLearningRates(3000), directory);
        String html = open(directory.resolve("index.html"), "lr-sweep");
        assertTrue(html.contains("Diverged (1)"), "the divergence is a finding");
        assertTrue(html.contains("Barely moved (1)"), "so is the rate that barely moved");
    }

    @Test
    void comparisonOfTwoExperiments() throws Exception {
        ReportWriter.write(
                SyntheticResults.issueLearningRates(3000),
                REPORTS.resolve("compare-input").resolve("learning_rates"));
        ReportWriter.write(
                SyntheticResults.repeats(1500), REPORTS.resolve("compare-input").resolve("seeds"));
        List<ReportedExperiment> experiments = new ArrayList<>();
        for (Path folder : ExperimentFiles.experimentFolders(REPORTS.resolve("compare-input"))) {
            experiments.add(ExperimentFiles.read(folder));
        }
        Path page = REPORTS.resolve("compare.html");
        Files.writeString(page, HtmlReport.renderComparison(experiments), StandardCharsets.UTF_8);
        String html = open(page, "compare");
        assertTrue(html.contains("Welch"), "the repeats are tested");
    }

    @Test
    void objectivePage() throws Exception {
        List<org.nnx.train.ObjectiveResult> results =
                ObjectiveReportTest.run(ObjectiveReportTest.bowl(2), List.of(-3.0, 4.0), 50, "0.1", "0.01", "1.5");
        Path folder = REPORTS.resolve("bowl");
        ObjectiveReportWriter.write(
                ObjectiveReportTest.plan("bowl", "a bowl", "x0^2 + x1^2", results), results, folder);
        String html = open(folder.resolve("index.html"), "objective");
        assertTrue(html.contains("Diverged (1):"), "learning rate 1.5 overshoots further each step");
    }

    @Test
    void hostileNamesStayText() throws Exception {
        Path directory = REPORTS.resolve("hostile");
        ReportWriter.write(SyntheticResults.handMade(), directory);
        // The description holds <script>alert("x")</script>: run, it would be blocked and logged.
        open(directory.resolve("index.html"), "hostile");
    }

    /** Loads the page twice: once for its DOM and console, once for the screenshot. Returns the page source. */
    private static String open(Path page, String name) throws Exception {
        String source = Files.readString(page, StandardCharsets.UTF_8);
        String url = page.toAbsolutePath().toUri().toString();
        Result dom = chromium(name, "--dump-dom", url);
        List<String> console = dom.stderr
                .lines()
                .filter(line -> CONSOLE.matcher(line).matches())
                .toList();
        assertEquals(List.of(), console, name + ": console messages");
        int charts = count(source, "class=\"chart\"");
        assertTrue(charts > 0, name + " has charts");
        assertEquals(charts, count(dom.stdout, "class=\"chart\""), name + ": every chart parsed");
        assertEquals(
                Integer.toString(count(source, "<img ")),
                attribute(dom.stdout, "data-images"),
                name + ": images seen by the page");
        assertEquals("0", attribute(dom.stdout, "data-broken-images"), name + ": images that did not load");
        assertEquals(null, attribute(dom.stdout, "data-errors"), name + ": script errors");
        int tooltips = count(source, "<title>");
        assertTrue(tooltips > 1, name + ": charts have tooltips");
        assertEquals(tooltips, count(dom.stdout, "<title>"), name + ": every tooltip parsed");

        Path screenshot = SCREENSHOTS.resolve(name + ".png").toAbsolutePath();
        Files.deleteIfExists(screenshot);
        chromium(name, "--screenshot=" + screenshot, "--window-size=1280,2400", url);
        assertTrue(Files.size(screenshot) > 10_000, name + ": screenshot written");
        return source;
    }

    private record Result(String stdout, String stderr) {}

    private static Result chromium(String name, String... arguments) throws Exception {
        Path profile = Files.createTempDirectory(profiles, name);
        Path out = profile.resolveSibling(profile.getFileName() + ".out");
        Path err = profile.resolveSibling(profile.getFileName() + ".err");
        List<String> command = new ArrayList<>(List.of(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--hide-scrollbars",
                "--user-data-dir=" + profile,
                "--enable-logging=stderr",
                "--v=0"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(name + ": chromium did not finish in 120 s");
        }
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), name + ": chromium failed:\n" + stderr);
        return new Result(Files.readString(out, StandardCharsets.UTF_8), stderr);
    }

    /** The value of {@code name} on the {@code <html>} element of a dumped DOM, or null. */
    private static String attribute(String dom, String name) {
        Matcher html = Pattern.compile("<html[^>]*>").matcher(dom);
        if (!html.find()) {
            return null;
        }
        Matcher value =
                Pattern.compile("\\s" + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(html.group());
        return value.find() ? value.group(1) : null;
    }

    private static int count(String text, String needle) {
        int count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            count++;
        }
        return count;
    }
}
