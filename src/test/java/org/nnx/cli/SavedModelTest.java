package org.nnx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnx.builtins.IdxFile;
import org.nnx.saved.Safetensors;

/**
 * A run's saved model used again: {@code nnx predict} and {@code nnx evaluate} reproduce the run's test
 * accuracy, a drawn digit is read as one, damaged files are refused in a line, and numpy reads the weights.
 */
class SavedModelTest {
    private static final String TWO_LAYER_NET = """
            experiment two_layer_net {
                dataset mnist
                model {
                    dense 50, init = gaussian(0.01)
                    sigmoid
                    dense 10, init = gaussian(0.01)
                }
                loss cross_entropy
                optimizer sgd
                learning_rate 0.5
                batch_size 100
                iterations 800
                sampling random
                seed 42
            }
            """;

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    private static Path model;
    private static Path runFolder;

    private final CliHarness cli = CliHarness.withDefaultPlugins();

    @BeforeAll
    static void train() throws IOException {
        Path file = shared.resolve("two-layer-net.nnx");
        Files.writeString(file, TWO_LAYER_NET);
        CliHarness first = CliHarness.withDefaultPlugins();
        assertEquals(
                0,
                first.run("run", file.toString(), "--out", shared.resolve("out").toString()),
                first.stderr());
        try (Stream<Path> files = Files.walk(shared.resolve("out"))) {
            model = files.filter(p -> p.getFileName().toString().equals("model.safetensors"))
                    .findFirst()
                    .orElseThrow();
        }
        runFolder = model.getParent();
    }

    private static String summaryTestAccuracy() throws IOException {
        Path summary = runFolder.getParent().getParent().resolve("summary.csv");
        try (CSVParser csv = CSVParser.parse(
                summary,
                StandardCharsets.UTF_8,
                CSVFormat.DEFAULT.builder().setHeader().build())) {
            return csv.getRecords().get(0).get("test_accuracy");
        }
    }

    private static byte[] testLabels() throws Exception {
        try (InputStream in =
                SavedModelTest.class.getResourceAsStream("/org/nnx/data/mnist/t10k-labels-idx1-ubyte.gz")) {
            return IdxFile.read(in, "labels").data();
        }
    }

    private static Path testImages(Path folder) throws IOException {
        Path images = folder.resolve("t10k-images-idx3-ubyte.gz");
        try (InputStream in =
                SavedModelTest.class.getResourceAsStream("/org/nnx/data/mnist/t10k-images-idx3-ubyte.gz")) {
            Files.copy(in, images);
        }
        return images;
    }

    @Test
    void predictOnTheTestImagesReproducesTheRunsTestAccuracyExactly() throws Exception {
        Path predictions = dir.resolve("predictions.csv");
        assertEquals(
                0,
                cli.run("predict", model.toString(), testImages(dir).toString(), "--out", predictions.toString()),
                cli.stderr());
        byte[] labels = testLabels();
        List<CSVRecord> rows;
        try (CSVParser csv = CSVParser.parse(
                predictions,
                StandardCharsets.UTF_8,
                CSVFormat.DEFAULT.builder().setHeader().build())) {
            assertEquals(
                    List.of(
                            "input", "sample", "class", "p_0", "p_1", "p_2", "p_3", "p_4", "p_5", "p_6", "p_7", "p_8",
                            "p_9"),
                    csv.getHeaderNames());
            rows = csv.getRecords();
        }
        assertEquals(labels.length, rows.size());
        int correct = 0;
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(Integer.toString(i), rows.get(i).get("sample"));
            double sum = 0;
            for (int c = 0; c < 10; c++) {
                sum += Double.parseDouble(rows.get(i).get("p_" + c));
            }
            assertEquals(1.0, sum, 1e-9);
            if (rows.get(i).get("class").equals(Integer.toString(labels[i]))) {
                correct++;
            }
        }
        double accuracy = (double) correct / labels.length;
        assertEquals(Double.parseDouble(summaryTestAccuracy()), accuracy);
        assertTrue(accuracy > 0.8, "the net learned: " + accuracy);
    }

    @Test
    void evaluateReproducesTheRunsTestAccuracyWithAConfusionMatrix() throws Exception {
        assertEquals(0, cli.run("evaluate", runFolder.toString()), cli.stderr());
        String text = cli.stdout();
        Matcher accuracy =
                Pattern.compile("accuracy (\\S+) \\((\\d+) of 2000\\)").matcher(text);
        assertTrue(accuracy.find(), text);
        assertEquals(Double.parseDouble(summaryTestAccuracy()), Integer.parseInt(accuracy.group(2)) / 2000.0);
        String[] lines = text.split("\n");
        assertEquals(3 + 1 + 10, lines.length, text);
        long diagonal = 0;
        long total = 0;
        for (int t = 0; t < 10; t++) {
            String[] cells = lines[4 + t].trim().split("\\s+");
            assertEquals(Integer.toString(t), cells[0]);
            for (int p = 0; p < 10; p++) {
                long n = Long.parseLong(cells[1 + p]);
                total += n;
                diagonal += t == p ? n : 0;
            }
        }
        assertEquals(2000, total);
        assertEquals(Long.parseLong(accuracy.group(2)), diagonal);
    }

    @Test
    void evaluateOnAnotherDatasetStatementChecksItAsTheLanguageDoes() {
        assertEquals(2, cli.run("evaluate", model.toString(), "--dataset", "mnst"));
        assertEquals("nnx: error: --dataset \"mnst\": unknown dataset 'mnst'; did you mean 'mnist'?\n", cli.stderr());
        assertEquals(2, cli.run("evaluate", model.toString(), "--dataset", "spiral"));
        assertEquals(
                "nnx: error: --dataset \"spiral\": the last layer has 10 outputs but dataset 'spiral' has 3 classes\n",
                cli.stderr());
    }

    @Test
    void aDigitDrawnInBlackOnWhiteIsReadAsThatDigit() throws Exception {
        BufferedImage image = new BufferedImage(240, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 240, 300);
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setStroke(new BasicStroke(26, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.drawLine(125, 40, 115, 260);
        g.dispose();
        Path png = dir.resolve("one.png");
        ImageIO.write(image, "png", png.toFile());
        assertEquals(0, cli.run("predict", model.toString(), png.toString()), cli.stderr());
        String[] lines = cli.stdout().split("\n");
        assertEquals(2, lines.length);
        assertEquals(png + ",0,1", lines[1].substring(0, lines[1].indexOf(",0,") + 4));
    }

    @Test
    void aModelCutShortIsRefusedInOneLine() throws IOException {
        Path cut = dir.resolve("cut.safetensors");
        byte[] bytes = Files.readAllBytes(model);
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length - 4));
        assertEquals(2, cli.run("evaluate", cut.toString()));
        assertTrue(
                cli.stderr()
                        .matches("nnx: error: " + Pattern.quote(cut.toString())
                                + ": not a model nnx can use: it is cut short: tensor 'layers.2.b' ends at byte \\d+ of the"
                                + " data, which holds \\d+\n"),
                cli.stderr());
    }

    @Test
    void aModelOfAnotherFormatVersionIsRefusedSayingWhich() throws IOException {
        Safetensors.Content content = Safetensors.read(Files.readAllBytes(model));
        Map<String, String> metadata = new LinkedHashMap<>(content.metadata());
        metadata.put("format_version", "2");
        Path other = dir.resolve("other.safetensors");
        try (var stream = Files.newOutputStream(other)) {
            Safetensors.write(stream, metadata, content.tensors());
        }
        assertEquals(2, cli.run("predict", other.toString(), model.toString()));
        String version = metadata.get("nnx_version");
        assertEquals(
                "nnx: error: " + other + ": a model of format version 2 (saved by nnx " + version + "); this nnx "
                        + version + " reads version 1\n",
                cli.stderr());
    }

    @Test
    void inputOfAnotherShapeIsRefusedInOneLine() throws Exception {
        Path labels = dir.resolve("labels.gz");
        try (InputStream in =
                SavedModelTest.class.getResourceAsStream("/org/nnx/data/mnist/t10k-labels-idx1-ubyte.gz")) {
            Files.copy(in, labels);
        }
        assertEquals(2, cli.run("predict", model.toString(), labels.toString()));
        assertEquals(
                "nnx: error: " + labels + ": holds 2000 values, not samples of 784 features (a labels file?)\n",
                cli.stderr());
    }

    @Test
    void theReportShowsTheBestRunsModelConfusionMatrixAndMisclassifiedDigits() throws IOException {
        String html = Files.readString(runFolder.getParent().getParent().resolve("index.html"));
        assertTrue(html.contains("<h2>Best run</h2>"), "a best-run section");
        String link = "runs/" + runFolder.getFileName() + "/model.safetensors";
        assertTrue(html.contains("<a href=\"" + link + "\">"), "a link to " + link);
        int table = html.indexOf("<table class=\"confusion\">");
        String confusion = html.substring(table, html.indexOf("</table>", table));
        long total = 0;
        long diagonal = 0;
        Matcher cell = Pattern.compile("<td class=\"num\">(<strong>)?(\\d+)").matcher(confusion);
        while (cell.find()) {
            long n = Long.parseLong(cell.group(2));
            total += n;
            diagonal += cell.group(1) != null ? n : 0;
        }
        assertEquals(2000, total);
        assertEquals(Double.parseDouble(summaryTestAccuracy()), diagonal / 2000.0);
        Matcher figures = Pattern.compile("<img alt=\"test sample \\d+: true (\\d), predicted (\\d)\"")
                .matcher(html);
        int shown = 0;
        while (figures.find()) {
            shown++;
            assertTrue(!figures.group(1).equals(figures.group(2)), "a misclassified sample");
        }
        assertEquals(24, shown);
    }

    /** The snippet of docs/saved-models.md, run as it stands, when python3 and numpy are here. */
    @Test
    void theDocsNumpySnippetReadsTheWeights() throws Exception {
        String docs = Files.readString(Path.of("docs", "saved-models.md"));
        Matcher block = Pattern.compile("```python\n(.*?)```", Pattern.DOTALL).matcher(docs);
        assertTrue(block.find(), "docs/saved-models.md has a python snippet");
        Path script = dir.resolve("load.py");
        Files.writeString(script, block.group(1));
        assumeTrue(hasNumpy(), "python3 with numpy is not installed");
        Process python = new ProcessBuilder("python3", script.toString(), model.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(python.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, python.exitValue(), output);
        assertEquals(
                "layers.0.W (784, 50) float32\nlayers.0.b (1, 50) float32\nlayers.2.W (50, 10) float32\n"
                        + "layers.2.b (1, 10) float32\n",
                output);
    }

    private static boolean hasNumpy() {
        try {
            Process check = new ProcessBuilder("python3", "-c", "import numpy").start();
            return check.waitFor(30, TimeUnit.SECONDS) && check.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
