package org.nnx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dataset csv, ..., shape = [c, h, w]}: rows become images of that shape, and a list of the wrong length,
 * a size below 1 or a shape that does not hold a row's features is an error at the place it is written.
 */
class CsvShapeTest {
    private static final String FILE = """
            experiment pictures {
                dataset csv, path = "tiny.csv", test_fraction = 0.25, shape = SHAPE
                model {
                    conv2d 2, size = 1
                    flatten
                    dense 2
                }
                loss cross_entropy
                learning_rate 0.1
                epochs 1
            }
            """;

    @TempDir
    Path dir;

    private final CliHarness cli = CliHarness.withDefaultPlugins();

    private int check(String shape) throws Exception {
        StringBuilder rows = new StringBuilder("a,b,c,d,e,f,y\n");
        for (int i = 0; i < 8; i++) {
            rows.append(i)
                    .append(",1,2,3,4,")
                    .append(7 - i)
                    .append(',')
                    .append(i % 2)
                    .append('\n');
        }
        Files.writeString(dir.resolve("tiny.csv"), rows);
        Path file = dir.resolve("pictures.nnx");
        Files.writeString(file, FILE.replace("SHAPE", shape));
        return cli.run("check", file.toString());
    }

    private String firstError() {
        return cli.stderr().lines().findFirst().orElse("");
    }

    @Test
    void aListGivesTheImageShapeAsTheStringDoes() throws Exception {
        assertEquals(0, check("[3, 1, 2]"), cli.stderr());
        String listed = cli.stdout();
        assertEquals(true, listed.contains("3×1×2"), listed);
        assertEquals(0, check("\"3×1×2\""));
        assertEquals(listed, cli.stdout());
        assertEquals(0, check("[2, 3]"), cli.stderr());
        assertEquals(true, cli.stdout().contains("1×2×3"));
    }

    @Test
    void aWrongListIsAnErrorWhereItIsWritten() throws Exception {
        assertRefused(
                "[1, 2, 3, 1]",
                67,
                "'shape' of dataset 'csv' must be [channels, height, width] or [height, width], got 4 values");
        assertRefused("[3, 0, 2]", 71, "'shape' of dataset 'csv' must be ≥ 1, got 0");
        assertRefused("[2, 2, 2]", 13, "csv: shape 2×2×2 holds 8 values, but each row has 6 features");
    }

    private void assertRefused(String shape, int column, String message) throws Exception {
        assertEquals(2, check(shape), shape);
        assertEquals(dir.resolve("pictures.nnx") + ":2:" + column + ": error: " + message, firstError());
    }
}
