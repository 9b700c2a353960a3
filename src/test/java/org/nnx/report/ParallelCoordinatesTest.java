package org.nnx.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ParallelCoordinatesTest {
    private static final List<ParallelCoordinates.Run> RUNS = List.of(
            new ParallelCoordinates.Run("lr=1,opt=sgd", Map.of("learning_rate", "1", "optimizer", "sgd"), Double.NaN),
            new ParallelCoordinates.Run("lr=0.1,opt=sgd", Map.of("learning_rate", "0.1", "optimizer", "sgd"), 0.91),
            new ParallelCoordinates.Run(
                    "lr=0.001,opt=adam", Map.of("learning_rate", "0.001", "optimizer", "adam"), 0.97),
            new ParallelCoordinates.Run("lr=0.1,opt=adam", Map.of("learning_rate", "0.1", "optimizer", "adam"), 0.95));

    @Test
    void oneLinePerRunNamedOnHoverBestOnTop() {
        String svg = ParallelCoordinates.render(List.of("learning_rate", "optimizer"), RUNS, "chart-9");
        List<String> titles = all(svg, "<title>([^<]*)</title>");
        assertEquals(
                List.of(
                        "lr=1,opt=sgd · final test accuracy none",
                        "lr=0.1,opt=sgd · final test accuracy 91.00%",
                        "lr=0.1,opt=adam · final test accuracy 95.00%",
                        "lr=0.001,opt=adam · final test accuracy 97.00%"),
                titles,
                "worst first, so the best lies on top");
        assertEquals(
                List.of("lr=1,opt=sgd", "lr=0.1,opt=sgd", "lr=0.1,opt=adam", "lr=0.001,opt=adam"),
                all(svg, "<polyline data-run=\"([^\"]*)\""));
        assertTrue(svg.contains("stroke-dasharray=\"4 3\""), "the run without an accuracy is dashed");
        assertTrue(svg.startsWith("<svg class=\"chart parallel\" id=\"chart-9\" viewBox=\"0 0 900 380\""), svg);
    }

    @Test
    void numericAxesRunInOrderOnALogScaleAndCategoriesAreSpaced() {
        String svg = ParallelCoordinates.render(List.of("learning_rate", "optimizer"), RUNS, "c");
        assertTrue(svg.contains(">learning_rate (log)</text>"), "1 … 0.001 spans three decades");
        assertTrue(svg.contains(">final test accuracy</text>"), "the last axis");
        // Three learning rates on a log axis: 0.001 at the foot, 1 at the top, 0.1 two thirds of the way up.
        double foot = tickY(svg, "0.001");
        double top = tickY(svg, "1");
        double middle = tickY(svg, "0.1");
        assertTrue(foot > top, "smallest at the foot");
        assertEquals(2 / 3.0, (foot - middle) / (foot - top), 1e-3, "placed by log value");
        // Two optimizers, spaced at the two ends in the order the values were written.
        double adam = tickY(svg, "adam");
        double sgd = tickY(svg, "sgd");
        assertEquals(foot, Math.max(adam, sgd), 1e-9);
        assertEquals(top, Math.min(adam, sgd), 1e-9);
        assertTrue(svg.contains(">90%</text>") && svg.contains(">100%</text>"), "accuracy from 90 % to 100 %");
    }

    @Test
    void colourDarkensWithAccuracy() {
        assertEquals(ParallelCoordinates.shade(0), new java.awt.Color(0xf4a261));
        assertEquals(ParallelCoordinates.shade(1), new java.awt.Color(0x1d3557));
    }

    /** The y of the first tick labelled {@code label}. */
    private static double tickY(String svg, String label) {
        Matcher m = Pattern.compile("<text x=\"[^\"]*\" y=\"([^\"]*)\"[^>]*>" + Pattern.quote(label) + "</text>")
                .matcher(svg);
        assertTrue(m.find(), label);
        return Double.parseDouble(m.group(1)) - 4;
    }

    private static List<String> all(String text, String regex) {
        return Pattern.compile(regex)
                .matcher(text)
                .results()
                .map(r -> r.group(1))
                .toList();
    }
}
