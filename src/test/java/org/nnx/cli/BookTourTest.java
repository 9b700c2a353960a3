package org.nnx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnx.tensor.Blas;

/** The tour of the book's learning chapter prints the numbers the book prints. */
class BookTourTest {
    private static final Path BOOK = Path.of("experiments", "book");

    @TempDir
    Path dir;

    private final Blas backend = Blas.current();
    private final CliHarness cli = CliHarness.choosingBlas(() -> dir.resolve("no-plugins"));

    @AfterEach
    void restoreTheBackend() {
        Blas.use(backend);
    }

    /** Runs files of the tour as ./nnx does, with the machine's fastest BLAS; returns stdout. */
    private String nnx(String... args) {
        assertEquals(0, cli.run(args), cli.stderr());
        return cli.stdout();
    }

    private String run(String file) {
        return nnx(
                "run",
                BOOK.resolve(file).toString(),
                "--out",
                dir.resolve("reports").toString());
    }

    @Test
    void theLossesOfTheTwoGuesses() {
        String printed = run("01-loss-functions.nnx");
        assertTrue(printed.contains(": f = 0.09750000000000003\n"), printed);
        assertTrue(printed.contains(": f = 0.5974999999999999\n"), printed);
        assertTrue(printed.contains(": f = 0.510825457099338\n"), printed);
        assertTrue(printed.contains(": f = 2.302584092994546\n"), printed);
    }

    @Test
    void theNumericalDerivativesAndTheGradient() {
        String derivative = run("03-numerical-derivative.nnx");
        assertTrue(
                derivative.contains(
                        "start=[5]: f(5.0) = 0.75, ∇f = (0.2), by central differences " + "(0.1999999999990898)"),
                derivative);
        assertTrue(derivative.contains("by central differences (0.2999999999986347)"), derivative);
        String gradient = run("04-gradient.nnx");
        assertTrue(
                gradient.contains("start=[3.0, 4.0]: f(3.0, 4.0) = 25.0, ∇f = (6.0, 8.0), by central differences "
                        + "(6.00000000000378, 7.999999999999119)"),
                gradient);
        assertTrue(gradient.contains("∇f = (0.0, 4.0)") && gradient.contains("∇f = (6.0, 0.0)"), gradient);
    }

    @Test
    void theLearningRateTooLargeAboutRightAndTooSmall() throws IOException {
        String printed = run("05-learning-rate.nnx");
        assertTrue(printed.contains("learning_rate=10: diverged"), printed);
        assertTrue(
                printed.contains("learning_rate=0.1: ok, f 1.037e-18 at x = [-6.111e-10, 8.148e-10], 100 steps"),
                printed);
        assertTrue(printed.contains("learning_rate=1e-10: ok (barely moved"), printed);
        List<String> rows =
                Files.readAllLines(dir.resolve("reports/learning_rate/runs/learning_rate=1e-10/metrics.csv"));
        assertTrue(rows.get(rows.size() - 1).startsWith("100,-2.99999993999999"), rows.get(rows.size() - 1));
    }

    @Test
    void theTwoLayerNetReachesTheNumpyReferencesBand() throws IOException {
        String printed = run("08-two-layer-net.nnx");
        Matcher test = Pattern.compile("two_layer_net_by_epoch: ok, train [0-9.]+, test ([0-9.]+)")
                .matcher(printed);
        assertTrue(test.find(), printed);
        double accuracy = Double.parseDouble(test.group(1));
        assertTrue(accuracy >= 0.927 && accuracy <= 0.933, "test accuracy " + accuracy);
        long evaluations = Files.readAllLines(dir.resolve(
                                "reports/two_layer_net_by_epoch/runs/two_layer_net_by_epoch" + "/metrics.csv"))
                        .stream()
                        .filter(row -> !row.split(",", -1)[4].isEmpty() && !row.startsWith("0,"))
                        .count()
                - 1;
        assertEquals(125, evaluations, "once an epoch: 10 000 steps of 80 (and the header, and iteration 0)");
    }

    @Test
    void aFolderRunsEveryFileInOrderAndLinksTheirReports() throws IOException {
        Path tour = Files.createDirectories(dir.resolve("tour"));
        Files.copy(BOOK.resolve("03-numerical-derivative.nnx"), tour.resolve("02-derivative.nnx"));
        Files.copy(BOOK.resolve("01-loss-functions.nnx"), tour.resolve("01-losses.nnx"));
        String printed =
                nnx("run", tour.toString(), "--out", dir.resolve("reports").toString());
        assertTrue(printed.indexOf("objective mean_squared_error") < printed.indexOf("objective derivative"), printed);
        String index = Files.readString(dir.resolve("reports/index.html"));
        assertTrue(index.contains("<title>tour</title>"), index);
        List<String> links = Pattern.compile("href=\"([^\"]+)\"")
                .matcher(index)
                .results()
                .map(m -> m.group(1))
                .toList();
        assertEquals(
                List.of("mean_squared_error/index.html", "cross_entropy_error/index.html", "derivative/index.html"),
                links);
    }
}
