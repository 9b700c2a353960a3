package org.nnx.builtins.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.nnx.builtins.data.TestFiles.write;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnx.spi.Arguments;
import org.nnx.spi.DatasetException;
import org.nnx.spi.Split;
import org.nnx.tensor.Tensor;

/** {@code dataset csv}: headers, label columns, class order, the seeded test split, scaling, and bad files. */
class CsvDatasetTest {
    private static final String PETS = """
            weight,height,kind
            4.0,30,cat
            30,60,dog
            5.0,25,cat
            0.5,20,bird
            28,55,dog
            0.4,18,bird
            4.5,28,cat
            33,70,dog
            0.6,22,bird
            6,32,cat
            """;

    @TempDir
    Path directory;

    private final CsvDatasetFactory factory = new CsvDatasetFactory();

    /** Loads with the schema's defaults filled in, as the analyzer would, then {@code options} over them. */
    private TabularDataset load(long seed, Object... options) throws DatasetException {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("header", true);
        values.put("normalize", "none");
        for (int i = 0; i < options.length; i += 2) {
            values.put((String) options[i], options[i + 1]);
        }
        return factory.load(new Arguments(values), TestFiles.context(directory, seed));
    }

    private String failure(Object... options) {
        return assertThrows(DatasetException.class, () -> load(0, options)).getMessage();
    }

    private static float[] row(Split split, int features, int index) {
        Tensor into = Tensor.zeros(1, features);
        split.features(new int[] {index}, 0, 1, into);
        return into.floats();
    }

    @Test
    void rowsAreImagesWhenAShapeIsGiven() throws DatasetException {
        write(directory, "tiny.csv", "a,b,c,d,e,f,y\n1,2,3,4,5,6,0\n6,5,4,3,2,1,1\n1,1,1,1,1,1,0\n2,2,2,2,2,2,1\n");
        assertEquals(
                "1×2×3",
                load(0, "path", "tiny.csv", "shape", "2x3").sampleShape().toString());
        assertEquals(
                "3×1×2",
                load(0, "path", "tiny.csv", "shape", "3×1×2").sampleShape().toString());
        assertEquals(
                "3×1×2",
                load(0, "path", "tiny.csv", "shape", List.of(3L, 1L, 2L))
                        .sampleShape()
                        .toString());
        assertEquals(
                "csv: shape 1×2×2 holds 4 values, but each row has 6 features",
                failure("path", "tiny.csv", "shape", List.of(1L, 2L, 2L)));
        assertEquals("6", load(0, "path", "tiny.csv").sampleShape().toString());
        assertEquals(
                "csv: shape 2×2×2 holds 8 values, but each row has 6 features",
                failure("path", "tiny.csv", "shape", "2x2x2"));
        assertEquals(
                "csv: shape \"2x\" is not channels×height×width or height×width in whole numbers ≥ 1",
                failure("path", "tiny.csv", "shape", "2x"));
    }

    @Test
    void stringLabelsAreClassesInSortedOrder() throws DatasetException {
        write(directory, "pets.csv", PETS);
        TabularDataset dataset = load(0, "path", "pets.csv", "label", "kind", "test_fraction", 0.3);
        assertEquals(List.of("bird", "cat", "dog"), dataset.classNames());
        assertEquals(2, dataset.features());
        assertEquals(7, dataset.train().size());
        assertEquals(3, dataset.test().size());
    }

    @Test
    void numericLabelsSortAsNumbers() throws DatasetException {
        write(directory, "n.csv", "x,y\n1,10\n2,9\n3,2\n4,10\n5,9\n");
        assertEquals(
                List.of("2", "9", "10"),
                load(0, "path", "n.csv", "test_fraction", 0.2).classNames(),
                "the label is the last column by default");
    }

    @Test
    void theTestSplitIsDrawnWithTheSeedAndRowsKeepTheirOrder() throws DatasetException {
        StringBuilder text = new StringBuilder("a,b,label\n");
        for (int i = 0; i < 40; i++) {
            text.append(i)
                    .append(',')
                    .append(-i)
                    .append(',')
                    .append(i % 2 == 0 ? "even" : "odd")
                    .append('\n');
        }
        write(directory, "rows.csv", text.toString());
        TabularDataset first = load(7, "path", "rows.csv", "test_fraction", 0.25);
        TabularDataset again = load(7, "path", "rows.csv", "test_fraction", 0.25);
        TabularDataset other = load(8, "path", "rows.csv", "test_fraction", 0.25);
        assertEquals(30, first.train().size());
        assertEquals(10, first.test().size());
        List<Float> testRows = firstColumn(first.test(), 10);
        assertEquals(testRows, firstColumn(again.test(), 10), "same seed, same split");
        assertNotEquals(testRows, firstColumn(other.test(), 10), "another seed, another split");
        List<Float> trainRows = firstColumn(first.train(), 30);
        Set<Float> all = new HashSet<>(trainRows);
        all.addAll(testRows);
        assertEquals(40, all.size(), "every row in exactly one part");
        assertEquals(trainRows.stream().sorted().toList(), trainRows, "file order kept");
        assertEquals(testRows.stream().sorted().toList(), testRows, "file order kept");
        for (int i = 0; i < 30; i++) {
            assertEquals(trainRows.get(i) % 2 == 0 ? 0 : 1, first.train().label(i), "labels travel with their rows");
        }
    }

    private static List<Float> firstColumn(Split split, int count) {
        List<Float> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            values.add(row(split, 2, i)[0]);
        }
        return values;
    }

    @Test
    void aTestFileWithoutHeaderAndALabelByIndex() throws DatasetException {
        write(directory, "train.csv", "a,1.5,2\nb,2.5,3\na,0.5,1\n");
        write(directory, "test.csv", "b,9,8\n");
        TabularDataset dataset = load(0, "path", "train.csv", "test", "test.csv", "label", "0", "header", false);
        assertEquals(List.of("a", "b"), dataset.classNames());
        assertEquals(3, dataset.train().size());
        assertEquals(1, dataset.test().size());
        assertArrayEquals(new float[] {2.5f, 3f}, row(dataset.train(), 2, 1));
        assertArrayEquals(new float[] {9f, 8f}, row(dataset.test(), 2, 0));
        assertEquals(1, dataset.test().label(0));
    }

    @Test
    void standardScalingIsFittedOnTheTrainingRowsOnly() throws DatasetException {
        write(directory, "train.csv", "x,c\n1,a\n3,b\n");
        write(directory, "test.csv", "x,c\n5,a\n");
        TabularDataset dataset = load(0, "path", "train.csv", "test", "test.csv", "normalize", "standard");
        assertArrayEquals(new float[] {-1f}, row(dataset.train(), 1, 0));
        assertArrayEquals(new float[] {1f}, row(dataset.train(), 1, 1));
        assertArrayEquals(new float[] {3f}, row(dataset.test(), 1, 0), "(5 − 2) / 1 with the training mean and std");
    }

    @Test
    void minmaxScalesTheTrainingRowsToZeroOne() throws DatasetException {
        write(directory, "train.csv", "x,k,c\n2,7,a\n4,7,b\n10,7,a\n");
        write(directory, "test.csv", "x,k,c\n12,8,a\n");
        TabularDataset dataset = load(0, "path", "train.csv", "test", "test.csv", "normalize", "minmax");
        assertArrayEquals(new float[] {0f, 0f}, row(dataset.train(), 2, 0));
        assertArrayEquals(new float[] {0.25f, 0f}, row(dataset.train(), 2, 1));
        assertArrayEquals(new float[] {1f, 0f}, row(dataset.train(), 2, 2));
        assertArrayEquals(new float[] {1.25f, 1f}, row(dataset.test(), 2, 0), "a constant feature is only shifted");
    }

    @Test
    void limitKeepsTheFirstTrainingRows() throws DatasetException {
        write(directory, "pets.csv", PETS);
        TabularDataset dataset = load(0, "path", "pets.csv", "test", "pets.csv", "limit", 4L);
        assertEquals(4, dataset.train().size());
        assertEquals(10, dataset.test().size());
        assertEquals(List.of("bird", "cat", "dog"), dataset.classNames(), "the classes do not depend on limit");
        assertArrayEquals(new float[] {0.5f, 20f}, row(dataset.train(), 2, 3));
    }

    @Test
    void aByteOrderMarkQuotedCellsAndSpacesAreRead() throws DatasetException {
        write(directory, "bom.csv", "\uFEFFx, y ,label\n\"1\", 2 ,\"a b\"\n\n3,4,c\n");
        TabularDataset dataset = load(0, "path", "bom.csv", "label", "label", "test", "bom.csv");
        assertEquals(List.of("a b", "c"), dataset.classNames());
        assertArrayEquals(new float[] {3f, 4f}, row(dataset.train(), 2, 1));
    }

    // ---- bad data: each message names the file and the place ----

    @Test
    void aNonNumericCellNamesFileLineAndColumn() {
        write(directory, "pets.csv", PETS.replace("5.0,25,cat", "5.0,tall,cat"));
        assertEquals(
                "pets.csv, line 4, column 'height' (index 1): 'tall' is not a number", failure("path", "pets.csv"));
        write(directory, "plain.csv", "1,2,a\n3,x4,b\n");
        assertEquals(
                "plain.csv, line 2, column index 1: 'x4' is not a number",
                failure("path", "plain.csv", "header", false));
    }

    @Test
    void aMissingLabelColumn() {
        write(directory, "pets.csv", PETS);
        assertEquals(
                "pets.csv: no label column 'species'; the header has 'weight', 'height', 'kind'",
                failure("path", "pets.csv", "label", "species"));
        assertEquals(
                "pets.csv: no label column '3'; the file has 3 columns, indexes 0 to 2",
                failure("path", "pets.csv", "label", "3"));
        assertEquals(
                "pets.csv: label = \"kind\" must be a 0-based column index, as the file has no header"
                        + " (header = false)",
                failure("path", "pets.csv", "label", "kind", "header", false));
    }

    @Test
    void oneClassOnly() {
        write(directory, "one.csv", "a,b,label\n1,2,cat\n3,4,cat\n");
        assertEquals(
                "one.csv: every row has the label 'cat' in column 'label' (index 2); a classifier needs at"
                        + " least 2 classes",
                failure("path", "one.csv"));
    }

    @Test
    void nanAndInfiniteFeatures() {
        write(directory, "nan.csv", "a,b,label\n1,2,x\nNaN,4,y\n");
        assertEquals("nan.csv, line 3, column 'a' (index 0): 'NaN' is not a finite number", failure("path", "nan.csv"));
        write(directory, "inf.csv", "a,b,label\n1,-Infinity,x\n3,4,y\n");
        assertEquals(
                "inf.csv, line 2, column 'b' (index 1): '-Infinity' is not a finite number",
                failure("path", "inf.csv"));
        write(directory, "big.csv", "a,b,label\n1,2,x\n3,1e39,y\n");
        assertEquals(
                "big.csv, line 3, column 'b' (index 1): '1e39' is too large for float32", failure("path", "big.csv"));
    }

    @Test
    void emptyCellsAndLabels() {
        write(directory, "hole.csv", "a,b,label\n1,,x\n");
        assertEquals(
                "hole.csv, line 2, column 'b' (index 1): the cell is empty; every feature needs a number",
                failure("path", "hole.csv"));
        write(directory, "nolabel.csv", "a,b,label\n1,2,x\n3,4,\n");
        assertEquals(
                "nolabel.csv, line 3, column 'label' (index 2): the label is empty", failure("path", "nolabel.csv"));
    }

    @Test
    void aRowOfTheWrongLength() {
        write(directory, "short.csv", "a,b,label\n1,2,x\n\n3,y\n");
        assertEquals("short.csv, line 4: 2 values, but the header has 3", failure("path", "short.csv"));
        write(directory, "long.csv", "1,2,x\n3,4,5,y\n");
        assertEquals("long.csv, line 2: 4 values, but line 1 has 3", failure("path", "long.csv", "header", false));
    }

    @Test
    void emptyAndHeaderOnlyFiles() {
        write(directory, "empty.csv", "");
        assertEquals("empty.csv: the file is empty", failure("path", "empty.csv"));
        write(directory, "blank.csv", "\n\n");
        assertEquals("blank.csv: no rows, only empty lines", failure("path", "blank.csv"));
        write(directory, "header.csv", "a,b,label\n");
        assertEquals("header.csv: a header but no data rows", failure("path", "header.csv"));
        write(directory, "label-only.csv", "label\nx\n");
        assertEquals(
                "label-only.csv: 1 column; nnx needs a label column and at least one feature column",
                failure("path", "label-only.csv"));
    }

    @Test
    void aDirectoryAndAMissingFile() throws Exception {
        Files.createDirectories(directory.resolve("data"));
        assertEquals("data: is a directory, not a file", failure("path", "data"));
        assertEquals(
                "data/none.csv: no such file (looked for " + directory.resolve("data/none.csv") + ")",
                failure("path", "data/none.csv"));
    }

    @Test
    void aNulCharacterIsAnErrorNotASpace() throws Exception {
        write(directory, "nul.csv", "x,y,label\n1,2,a\n3,2\0,b\n");
        assertEquals("nul.csv, line 3: a NUL character, which a text CSV file never has", failure("path", "nul.csv"));
    }

    @Test
    void aFifoOrADeviceIsRefusedWithoutBeingRead() throws Exception {
        Path fifo = directory.resolve("pipe.csv");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        assertEquals(
                "pipe.csv: is not a regular file (a device, a fifo or a socket)",
                org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                        Duration.ofSeconds(20), () -> failure("path", "pipe.csv")));
        assertEquals("/dev/zero: is not a regular file (a device, a fifo or a socket)", failure("path", "/dev/zero"));
    }

    @Test
    void aTestFileWithOtherColumns() {
        write(directory, "pets.csv", PETS);
        write(directory, "fewer.csv", "weight,kind\n1,cat\n");
        assertEquals("fewer.csv: 2 columns, but pets.csv has 3", failure("path", "pets.csv", "test", "fewer.csv"));
        write(directory, "renamed.csv", "weight,size,kind\n1,2,cat\n");
        assertEquals(
                "renamed.csv: column 1 is 'size', but in pets.csv it is 'height'",
                failure("path", "pets.csv", "test", "renamed.csv"));
    }

    @Test
    void testFileAndFractionTogetherOrAFractionThatHoldsOutNothing() {
        write(directory, "pets.csv", PETS);
        assertEquals(
                "csv: give either test = \"...\" or test_fraction, not both",
                failure("path", "pets.csv", "test", "pets.csv", "test_fraction", 0.5));
        assertEquals(
                "pets.csv: test_fraction 0.01 of 10 rows holds out no row; change it or give a test file"
                        + " (test = \"...\")",
                failure("path", "pets.csv", "test_fraction", 0.01));
    }

    @Test
    void textThatIsNotUtf8OrNotCsv() {
        write(directory, "latin1.csv", new byte[] {'a', ',', 'b', '\n', '1', ',', (byte) 0xE9, '\n'});
        assertEquals("latin1.csv: not UTF-8 text", failure("path", "latin1.csv"));
        write(directory, "quote.csv", "a,b,label\n1,2,x\n3,4,\"y\n");
        assertEquals(
                "quote.csv, line 3: a quoted value is not closed before the end of the file",
                failure("path", "quote.csv"));
        write(directory, "after.csv", "a,b,label\n1,2,x\n3,\"4\"5,y\n");
        assertEquals(
                "after.csv, line 3: text between a closing quote and the next comma", failure("path", "after.csv"));
    }
}
