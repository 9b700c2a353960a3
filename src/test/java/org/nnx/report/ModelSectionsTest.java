package org.nnx.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.nnx.spi.Shape;
import org.nnx.tensor.Tensor;
import org.nnx.train.ExperimentResult;
import org.nnx.train.LayerTable;
import org.nnx.train.LearnedFilters;
import org.nnx.train.ModelDescription;
import org.nnx.train.RunResult;

/** The report's model table and learned filters, on a synthetic sweep given a description for each run. */
class ModelSectionsTest {
    private static final LayerTable TABLE = new LayerTable(
            Shape.image(1, 28, 28),
            List.of(
                    new LayerTable.Row("conv2d(30, size = 5)", Shape.image(30, 24, 24), 780),
                    new LayerTable.Row("relu", Shape.image(30, 24, 24), 0),
                    new LayerTable.Row("max_pool(2)", Shape.image(30, 12, 12), 0),
                    new LayerTable.Row("dense(10)", Shape.flat(10), 43_210)),
            43_990);

    @Test
    void theModelTableListsEachLayerItsShapeAndParametersAndTheTotal() {
        String html = page(descriptions(Optional.empty()));
        String section = section(html, "model");
        assertTrue(section.contains("<h2>Model</h2>"), section);
        assertTrue(section.contains("<tr><td>input</td><td>" + Shape.image(1, 28, 28) + "</td>"), section);
        assertTrue(
                section.contains("<tr><td><code>conv2d(30, size = 5)</code></td><td>" + Shape.image(30, 24, 24)
                        + "</td><td class=\"num\">780</td></tr>"),
                section);
        assertTrue(section.contains("<td class=\"num\">43,210</td>"), section);
        assertTrue(section.contains("<strong>43,990</strong>"), section);
        assertFalse(html.contains("id=\"learned-filters\""), "no filters, no section");
    }

    @Test
    void theBestRunsFirstFiltersAreDrawnBeforeAndAfterTraining() throws IOException {
        Tensor before = Tensor.zeros(12, 25);
        Tensor after = Tensor.zeros(12, 25);
        for (int i = 0; i < before.size(); i++) {
            before.set(i, Math.sin(i));
            after.set(i, i % 5 == 0 ? 1 : -1);
        }
        LearnedFilters filters = new LearnedFilters(0, before, after, 1, 5, 5);
        ReportedExperiment experiment = descriptions(Optional.of(filters));
        String best = experiment.result().runs().stream()
                .filter(r -> !Double.isNaN(r.testAccuracy()))
                .max(java.util.Comparator.comparingDouble(RunResult::testAccuracy))
                .orElseThrow()
                .name();
        String section = section(page(experiment), "learned-filters");
        assertTrue(section.contains("the 12 filters of 1×5×5 of layer 1 of <code>" + best + "</code>"), section);
        Matcher images =
                Pattern.compile("src=\"data:image/png;base64,([^\"]+)\"").matcher(section);
        for (String caption : List.of("before training", "after training")) {
            assertTrue(images.find(), caption);
            BufferedImage image =
                    ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(images.group(1))));
            int cell = 5 * FilterImages.SCALE;
            assertEquals(10 * cell + 11 * FilterImages.GAP, image.getWidth(), "ten filters a row");
            assertEquals(2 * cell + 3 * FilterImages.GAP, image.getHeight(), "two rows for twelve");
            if (caption.startsWith("after")) {
                // The first filter's column 0 holds its largest weight (white), column 1 its smallest (black).
                assertEquals(0xffffff, image.getRGB(FilterImages.GAP, FilterImages.GAP) & 0xffffff);
                assertEquals(
                        0x000000, image.getRGB(FilterImages.GAP + FilterImages.SCALE, FilterImages.GAP) & 0xffffff);
            }
        }
        assertFalse(images.find(), "two images");
    }

    private static ReportedExperiment descriptions(Optional<LearnedFilters> filters) {
        ExperimentResult result = SyntheticResults.small();
        java.util.HashMap<String, ModelDescription> byRun = new java.util.HashMap<>();
        for (RunResult run : result.runs()) {
            byRun.put(run.name(), new ModelDescription(TABLE, filters));
        }
        return new ReportedExperiment(result, "", Map.of(), Map.of(), byRun);
    }

    private static String page(ReportedExperiment experiment) {
        return HtmlReport.render(ReportModel.of(experiment), HtmlReportTest.NO_CHARTS);
    }

    private static String section(String html, String id) {
        int start = html.indexOf("<section id=\"" + id + "\">");
        assertTrue(start >= 0, "section " + id);
        return html.substring(start, html.indexOf("</section>", start));
    }
}
