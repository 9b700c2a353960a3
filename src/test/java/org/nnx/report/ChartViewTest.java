package org.nnx.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.nnx.train.RunResult;

class ChartViewTest {
    @Test
    void numbersAreShortAndNonFiniteOnesAreNull() {
        double[] values = {1200, 0.069851234, 2.302585, 3.5e9f, 1.2341e-5, Double.NaN, Double.POSITIVE_INFINITY};
        List<String> expected = List.of("1200", "0.06985", "2.303", "3.5e9", "1.234e-5", "null", "null");
        for (int i = 0; i < values.length; i++) {
            assertEquals(expected.get(i), ChartView.number(values[i]), "JSON for " + values[i]);
        }
    }

    @Test
    void stringsCannotCloseTheScriptBlock() {
        String json = ChartView.string("a</script><b>\"x\"\\ & \n");
        assertFalse(json.contains("<"), json);
        assertFalse(json.contains("\n"), json);
        assertEquals("\"a\\u003c/script\\u003e\\u003cb\\u003e\\\"x\\\"\\\\ \\u0026 \\u000a\"", json);
    }

    @Test
    void longCurvesAreAveragedInBlocks() {
        List<double[]> points = new ArrayList<>();
        for (int i = 1; i <= 2000; i++) {
            points.add(new double[] {i, i % 2});
        }
        List<double[]> blocks = ChartView.blocks(points, 800);
        assertEquals(667, blocks.size(), "blocks of 3: ceil(2000 / 3)");
        assertEquals(2, blocks.get(0)[0], 1e-12, "x: the block's mean");
        assertEquals(2 / 3.0, blocks.get(0)[1], 1e-12, "y: the block's mean");
        assertEquals(1999.5, blocks.get(666)[0], 1e-12, "the last block holds the two points left over");
        assertEquals(points, ChartView.blocks(points, 2000), "short enough: as it is");
    }

    @Test
    void aLossChartCarriesEachLineForTheScript() {
        List<RunResult> runs = SyntheticResults.handMade().runs();
        LossChart.LossDataset dataset = LossChart.createDataset(runs);
        JFreeChart chart = LossChart.createChart(dataset, runs);
        String json = LossChart.view(chart, dataset);
        assertTrue(json.startsWith("{\"x\":[0,4],\"y\":[0,2.415],\"log\":false,"), json);
        assertTrue(json.contains("\"xl\":\"iteration\",\"yl\":\"mini-batch loss\""), json);
        assertTrue(json.contains("\"cut\":2.415"), "the axis ends 5 % above the ok runs' 2.3: " + json);
        // Per run: the raw loss (not smoothed) and the same loss to smooth, with hover values.
        assertEquals(6, count(json, "\"r\":"), json);
        assertEquals(3, count(json, "\"m\":1"), json);
        assertEquals(3, count(json, "\"t\":1"), json);
        // The diverging run does not fit the axis; the two ok ones do.
        Matcher diverging = Pattern.compile("\\{\"r\":\"learning_rate=10,optimizer=sgd\"[^}]*\"f\":(\\d)")
                .matcher(json);
        assertTrue(diverging.find(), json);
        assertEquals("0", diverging.group(1));
        assertTrue(
                json.contains("\"e\":1,\"x0\":1,\"dx\":1,\"y\":[2.303,57.25,3.5e9]"),
                "evenly spaced x as start and step; marked where it leaves the top");
        assertTrue(json.contains("\"y\":[2.25,0.75,0.4,0.1]"), json);
    }

    private static int count(String text, String needle) {
        return text.split(Pattern.quote(needle), -1).length - 1;
    }
}
