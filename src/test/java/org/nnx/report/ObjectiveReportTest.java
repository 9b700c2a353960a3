package org.nnx.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnx.model.Formula;
import org.nnx.model.GradientMode;
import org.nnx.model.ObjectivePlan;
import org.nnx.model.ObjectiveRun;
import org.nnx.model.SweptValues;
import org.nnx.train.ObjectiveResult;
import org.nnx.train.ObjectiveRunner;
import org.nnx.train.RunStatus;
import org.nnx.train.StopSignal;

/** The objective's report folder, end to end: the contract's bowl example run and written to disk. */
class ObjectiveReportTest {
    private static final Pattern PNG = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"");
    private static final Pattern ROW = Pattern.compile("<tr[^>]*>.*?</tr>", Pattern.DOTALL);

    @TempDir
    Path out;

    /** {@code x^2}. */
    static Formula square(int variable) {
        return new Formula.Binary('^', new Formula.Variable(variable), new Formula.Constant(2));
    }

    /** {@code x0^2} from 0 with learning rate 0.1 for 2 steps. */
    static ObjectiveRun flat() {
        return new ObjectiveRun("flat", SweptValues.NONE, square(0), List.of(0.0), 0.1, 2, GradientMode.BACKPROP);
    }

    /** {@code run} ended before its first step: f is NaN at its start point. */
    static ObjectiveResult nanAtTheStart(ObjectiveRun run) {
        return new ObjectiveResult(
                run,
                RunStatus.DIVERGED,
                "f is NaN at the start point",
                List.of(new double[] {Double.NaN}),
                List.of(Double.NaN),
                0);
    }

    /** {@code x0^2 + x1^2 + …} over {@code variables} variables. */
    static Formula bowl(int variables) {
        Formula sum = square(0);
        for (int i = 1; i < variables; i++) {
            sum = new Formula.Binary('+', sum, square(i));
        }
        return sum;
    }

    /** One run per learning rate, named as the language names them, run to the end. */
    static List<ObjectiveResult> run(Formula formula, List<Double> start, long steps, String... learningRates) {
        ObjectiveRunner runner = new ObjectiveRunner(new StopSignal());
        List<ObjectiveResult> results = new ArrayList<>();
        for (ObjectiveRun run : runs(formula, start, steps, learningRates)) {
            results.add(runner.run(run));
        }
        return results;
    }

    static List<ObjectiveRun> runs(Formula formula, List<Double> start, long steps, String... learningRates) {
        List<ObjectiveRun> runs = new ArrayList<>();
        for (String rate : learningRates) {
            runs.add(new ObjectiveRun(
                    "learning_rate=" + rate,
                    SweptValues.of(Map.of("learning_rate", rate)),
                    formula,
                    start,
                    Double.parseDouble(rate),
                    steps,
                    new GradientMode(
                            GradientMode.Kind.NUMERICAL, GradientMode.DEFAULT_H, GradientMode.DEFAULT_TOLERANCE)));
        }
        return runs;
    }

    static ObjectivePlan plan(String name, String description, String formula, List<ObjectiveResult> results) {
        return new ObjectivePlan(
                name,
                description,
                Path.of("objectives", name + ".nnx"),
                formula,
                results.stream().map(ObjectiveResult::run).toList());
    }

    /** The contract's example: x0^2 + x1^2 from [-3, 4] at learning rates 0.1, 0.01 and 10, 100 steps. */
    static List<ObjectiveResult> bowlResults() {
        return run(bowl(2), List.of(-3.0, 4.0), 100, "0.1", "0.01", "10");
    }

    @Test
    void theBowlExampleRunsAsTheContractSays() {
        List<ObjectiveResult> results = bowlResults();
        assertEquals(RunStatus.OK, results.get(0).status());
        assertTrue(
                results.get(0).finalValue() < 1e-12,
                "0.1 converges: " + results.get(0).finalValue());
        assertEquals(RunStatus.OK, results.get(1).status());
        assertTrue(results.get(1).finalValue() > 0.1 && results.get(1).finalValue() < 1, "0.01 creeps");
        assertEquals(RunStatus.DIVERGED, results.get(2).status());
    }

    @Test
    void writesTheCsvFilesAndASelfContainedReport() throws IOException {
        List<ObjectiveResult> results = bowlResults();
        ObjectivePlan plan =
                plan("bowl", "Gradient descent on a bowl <script>alert(1)</script>", "x0^2 + x1^2", results);
        ObjectiveReportWriter.write(plan, results, out);

        assertTrue(Files.isRegularFile(out.resolve("summary.csv")));
        for (ObjectiveResult result : results) {
            assertTrue(Files.isRegularFile(ReportWriter.metricsFile(out, result.name())), result.name());
        }
        String html = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);

        List<BufferedImage> images = images(html);
        assertEquals(1, images.size(), "the landscape; f per step is inline SVG");
        assertTrue(html.contains("id=\"chart-values\""), "f per step");
        assertEquals(
                ObjectiveCharts.LANDSCAPE_WIDTH * ChartImages.SCALE,
                images.get(0).getWidth());
        assertEquals(
                ObjectiveCharts.LANDSCAPE_HEIGHT * ChartImages.SCALE,
                images.get(0).getHeight());
        assertTrue(
                html.contains(
                        "viewBox=\"0 0 " + ObjectiveCharts.VALUE_WIDTH + " " + ObjectiveCharts.VALUE_HEIGHT + "\""),
                "f per step at its layout size");

        for (ObjectiveResult result : results) {
            assertTrue(html.contains(">" + result.name() + "<"), result.name());
        }
        assertTrue(html.contains("x0^2 + x1^2"), "the formula");

        String best = row(html, "learning_rate=0.1");
        assertTrue(best.startsWith("<tr class=\"best\">"), best);
        assertTrue(best.contains("★ best"), best);
        assertEquals(1, html.split("<tr class=\"best\">", -1).length - 1, "one best run");
        String diverged = row(html, "learning_rate=10");
        assertTrue(diverged.contains("status-diverged\">diverged<"), diverged);
        assertTrue(diverged.contains(HtmlReport.escape(results.get(2).reason())), "the reason");
        assertFalse(diverged.contains("★"), diverged);
        assertTrue(row(html, "learning_rate=0.01").contains("status-ok\">ok<"));

        assertEquals(1, html.split("<script", -1).length - 1, "the description is escaped: the page's script only");
        assertTrue(html.contains("<script>" + HtmlReport.SCRIPT + "</script>"));
        assertTrue(html.contains("Gradient descent on a bowl &lt;script&gt;alert(1)&lt;/script&gt;"));
        String lower = html.toLowerCase(Locale.ROOT);
        assertFalse(lower.contains("http://") || lower.contains("https://"), "no network references");
        assertFalse(lower.contains("<link") || lower.contains("@import"), "nothing loaded from elsewhere");
    }

    @Test
    void everyPieceOfUserTextIsEscaped() {
        String evil = "<img src=x onerror=alert(1)>";
        Formula f = bowl(2);
        ObjectiveRun run = new ObjectiveRun(
                "run" + evil,
                SweptValues.of(Map.of("set<ting>", "v<al>")),
                f,
                List.of(1.0, 1.0),
                0.1,
                3,
                GradientMode.BACKPROP);
        ObjectiveResult result = new ObjectiveResult(
                run, RunStatus.STOPPED, "reason" + evil, List.of(new double[] {1, 1}), List.of(2.0), 0.01);
        ObjectivePlan plan = new ObjectivePlan(
                "name" + evil, "description" + evil, Path.of("file<x>.nnx"), "formula" + evil, List.of(run));
        String html = ObjectiveHtml.render(plan, List.of(result));
        assertFalse(html.contains("<img src=x"), html);
        assertFalse(html.contains("<ting>"));
        assertFalse(html.contains("v<al>"));
        assertFalse(html.contains("file<x>"));
        for (String owner : List.of("run", "reason", "name", "description", "formula")) {
            assertTrue(html.contains(owner + "&lt;img src=x onerror=alert(1)&gt;"), owner);
        }
    }

    @Test
    void oneVariableDrawsTheCurveWithTheSteps() throws IOException {
        Formula f = new Formula.Binary(
                '+',
                square(0),
                new Formula.Function("sin", new Formula.Binary('*', new Formula.Constant(3), new Formula.Variable(0))));
        List<ObjectiveResult> results = run(f, List.of(2.0), 40, "0.05", "0.2", "1.5");
        assertEquals(RunStatus.DIVERGED, results.get(2).status());
        ObjectiveReportWriter.write(plan("wiggle", "", "x0^2 + sin(3 * x0)", results), results, out);
        String html = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
        List<BufferedImage> images = images(html);
        assertEquals(1, images.size(), "the curve; f per step is inline SVG");
        assertEquals(
                ObjectiveCharts.LANDSCAPE_HEIGHT * ChartImages.SCALE,
                images.get(0).getHeight());
        assertTrue(html.contains("f over x0"), "the curve's caption");
    }

    @Test
    void threeVariablesHaveNoContourAndTheReportSaysSo() throws IOException {
        List<ObjectiveResult> results = run(bowl(3), List.of(1.0, 2.0, 3.0), 50, "0.1", "0.3");
        ObjectiveReportWriter.write(plan("ball", "", "x0^2 + x1^2 + x2^2", results), results, out);
        String html = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
        assertEquals(0, images(html).size(), "no landscape");
        assertTrue(html.contains("id=\"chart-values\""), "f per step only");
        assertTrue(html.contains("f has 3 variables"), html);
        assertTrue(html.contains("[1.427e-05, 2.854e-05, 4.282e-05]"), "0.8^50 · [1, 2, 3]");
    }

    @Test
    void aReportWithoutRunsStillRenders() {
        ObjectivePlan plan = new ObjectivePlan("empty", "", null, "x0", List.of());
        String html = ObjectiveHtml.render(plan, List.of());
        assertTrue(html.contains("This objective has no runs."));
        assertTrue(html.contains("id=\"chart-values\""), "an empty f-per-step chart");
    }

    @Test
    void bestRunIsTheOkRunWithTheLowestFinalValue() {
        List<ObjectiveResult> results = bowlResults();
        assertEquals(0, ObjectiveHtml.bestRun(results));
        assertEquals(0, ObjectiveHtml.bestRun(results.subList(1, 3)), "0.01 when 0.1 is not there");
        assertEquals(-1, ObjectiveHtml.bestRun(results.subList(2, 3)), "a diverged run is never best");
        assertEquals(-1, ObjectiveHtml.bestRun(List.of()));
    }

    @Test
    void numbersKeepFourSignificantDigits() {
        assertEquals("0.4397", ObjectiveHtml.number(0.43974));
        assertEquals("25", ObjectiveHtml.number(25));
        assertEquals("0", ObjectiveHtml.number(-0.0));
        assertEquals("1.037e-18", ObjectiveHtml.number(1.0372e-18));
        assertEquals("4.246e+11", ObjectiveHtml.number(4.2458e11));
        assertEquals("NaN", ObjectiveHtml.number(Double.NaN));
        assertEquals("∞", ObjectiveHtml.number(Double.POSITIVE_INFINITY));
        assertEquals("[-3, 4]", ObjectiveHtml.point(new double[] {-3, 4}));
        assertEquals("[1, 2, 3, 4, 5, 6, … 7 in all]", ObjectiveHtml.point(new double[] {1, 2, 3, 4, 5, 6, 7}));
    }

    /** The table row naming {@code run}. */
    private static String row(String html, String run) {
        Matcher rows = ROW.matcher(html);
        while (rows.find()) {
            if (rows.group().contains(">" + run + "<")) {
                return rows.group();
            }
        }
        throw new AssertionError("no row for " + run);
    }

    private static List<BufferedImage> images(String html) {
        List<BufferedImage> images = new ArrayList<>();
        Matcher png = PNG.matcher(html);
        while (png.find()) {
            try {
                BufferedImage image = ImageIO.read(
                        new ByteArrayInputStream(Base64.getDecoder().decode(png.group(1))));
                assertNotNull(image, "a PNG that decodes");
                images.add(image);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
        return images;
    }
}
