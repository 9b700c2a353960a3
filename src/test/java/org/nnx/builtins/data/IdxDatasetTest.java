package org.nnx.builtins.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nnx.builtins.data.TestFiles.counting;
import static org.nnx.builtins.data.TestFiles.gzip;
import static org.nnx.builtins.data.TestFiles.idx;
import static org.nnx.builtins.data.TestFiles.idxWithMagic;
import static org.nnx.builtins.data.TestFiles.write;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nnx.builtins.ImageDataset;
import org.nnx.spi.Arguments;
import org.nnx.spi.Dataset;
import org.nnx.spi.DatasetException;
import org.nnx.spi.Split;
import org.nnx.tensor.Tensor;

/** {@code dataset idx}: IDX files of any rank, plain or gzip, round trip; every malformed file a clear error. */
class IdxDatasetTest {
    private static final byte[] TRAIN_LABELS = {0, 1, 2, 0, 1, 2};
    private static final byte[] TEST_LABELS = {2, 1, 0};

    @TempDir
    Path directory;

    private final IdxDatasetFactory factory = new IdxDatasetFactory();

    private Dataset load(String images, String labels, String testImages, String testLabels) throws DatasetException {
        return factory.load(
                Arguments.of("images", images, "labels", labels, "test_images", testImages, "test_labels", testLabels),
                TestFiles.context(directory, 0));
    }

    /** Writes four files: training and test items of shape {@code item}, labels as above. */
    private void writeDataset(String suffix, boolean compressed, int... item) {
        int itemSize = Arrays.stream(item).reduce(1, (a, b) -> a * b);
        write(
                directory,
                "train-images" + suffix,
                bytes(compressed, idx(counting(TRAIN_LABELS.length * itemSize, 0), dims(TRAIN_LABELS.length, item))));
        write(directory, "train-labels" + suffix, bytes(compressed, idx(TRAIN_LABELS, TRAIN_LABELS.length)));
        write(
                directory,
                "test-images" + suffix,
                bytes(compressed, idx(counting(TEST_LABELS.length * itemSize, 5), dims(TEST_LABELS.length, item))));
        write(directory, "test-labels" + suffix, bytes(compressed, idx(TEST_LABELS, TEST_LABELS.length)));
    }

    private Dataset loadDataset(String suffix) throws DatasetException {
        return load("train-images" + suffix, "train-labels" + suffix, "test-images" + suffix, "test-labels" + suffix);
    }

    private static byte[] bytes(boolean compressed, byte[] plain) {
        return compressed ? gzip(plain) : plain;
    }

    private static int[] dims(int count, int... item) {
        int[] dimensions = new int[item.length + 1];
        dimensions[0] = count;
        System.arraycopy(item, 0, dimensions, 1, item.length);
        return dimensions;
    }

    /** The features of {@code indices} as the network sees them. */
    private static float[] features(Split split, int features, int... indices) {
        Tensor into = Tensor.zeros(indices.length, features);
        split.features(indices, 0, indices.length, into);
        return into.floats();
    }

    private static float[] scaled(byte[] data, int from, int count) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (data[from + i] & 0xFF) / 255f;
        }
        return values;
    }

    @ParameterizedTest(name = "gzip = {0}")
    @ValueSource(booleans = {false, true})
    void rank3ImagesRoundTrip(boolean compressed) throws DatasetException {
        writeDataset(compressed ? ".idx.gz" : ".idx", compressed, 3, 4);
        Dataset dataset = loadDataset(compressed ? ".idx.gz" : ".idx");
        assertEquals(12, dataset.features());
        assertEquals(List.of("0", "1", "2"), dataset.classNames());
        assertEquals(6, dataset.train().size());
        assertEquals(3, dataset.test().size());
        assertArrayEquals(new int[] {3, 4}, dataset.imageShape().orElseThrow());
        byte[] trainPixels = counting(6 * 12, 0);
        float[] expected = new float[24];
        System.arraycopy(scaled(trainPixels, 5 * 12, 12), 0, expected, 0, 12);
        System.arraycopy(scaled(trainPixels, 0, 12), 0, expected, 12, 12);
        assertArrayEquals(expected, features(dataset.train(), 12, 5, 0), 1e-7f);
        assertArrayEquals(scaled(counting(3 * 12, 5), 12, 12), features(dataset.test(), 12, 1), 1e-7f);
        assertEquals(2, dataset.train().label(5));
        assertEquals(0, dataset.test().label(2));
    }

    @ParameterizedTest(name = "gzip = {0}")
    @ValueSource(booleans = {false, true})
    void rank4ImagesAreFlattenedRowMajor(boolean compressed) throws DatasetException {
        writeDataset(compressed ? "4.gz" : "4", compressed, 2, 3, 3);
        Dataset dataset = loadDataset(compressed ? "4.gz" : "4");
        assertEquals(18, dataset.features());
        assertArrayEquals(new int[] {2, 3, 3}, dataset.imageShape().orElseThrow());
        assertArrayEquals(scaled(counting(6 * 18, 0), 3 * 18, 18), features(dataset.train(), 18, 3), 1e-7f);
        assertArrayEquals(scaled(counting(3 * 18, 5), 2 * 18, 18), features(dataset.test(), 18, 2), 1e-7f);
    }

    @Test
    void itemsThatAreNotPicturesHaveNoImageShape() throws DatasetException {
        writeDataset("-vectors", false, 5);
        Dataset dataset = loadDataset("-vectors");
        assertEquals(5, dataset.features());
        assertTrue(dataset.imageShape().isEmpty());
        writeDataset("-two-channels", false, 2, 2, 2);
        assertTrue(loadDataset("-two-channels").imageShape().isEmpty(), "2 channels are neither grey nor RGB");
    }

    @Test
    void limitKeepsTheFirstTrainingSamplesAndSharesTheBytes() throws DatasetException {
        writeDataset(".idx", false, 3, 4);
        ImageDataset all = (ImageDataset) loadDataset(".idx");
        ImageDataset limited = factory.load(
                Arguments.of(
                        "images",
                        "train-images.idx",
                        "labels",
                        "train-labels.idx",
                        "test_images",
                        "test-images.idx",
                        "test_labels",
                        "test-labels.idx",
                        "limit",
                        4L),
                TestFiles.context(directory, 0));
        assertEquals(4, limited.train().size());
        assertEquals(3, limited.test().size());
        assertArrayEquals(features(all.train(), 12, 3), features(limited.train(), 12, 3));
        assertEquals(all.trainSplit().pixelBytes(), limited.trainSplit().pixelBytes(), "a view, not a copy");
        assertThrows(IndexOutOfBoundsException.class, () -> limited.train().label(4));
    }

    @Test
    void loadingTheSameFilesAgainReusesTheData() throws DatasetException {
        writeDataset(".idx", true, 3, 4);
        assertSame(loadDataset(".idx"), loadDataset(".idx"));
    }

    // ---- bad data: each message names the file and the place ----

    private String failure(String images, String labels, String testImages, String testLabels) {
        return assertThrows(DatasetException.class, () -> load(images, labels, testImages, testLabels))
                .getMessage();
    }

    /** The valid dataset with one file replaced by {@code content}. */
    private String failureWith(String replaced, byte[] content) {
        writeDataset(".idx", false, 3, 4);
        write(directory, "bad", content);
        String[] files = {"train-images.idx", "train-labels.idx", "test-images.idx", "test-labels.idx"};
        files[List.of(files).indexOf(replaced)] = "bad";
        return failure(files[0], files[1], files[2], files[3]);
    }

    @Test
    void wrongMagicNumber() {
        assertEquals(
                "bad: not an IDX file: magic number 0x12345678, expected 0x00000801 to 0x000008FF"
                        + " (unsigned bytes of rank 1 to 255)",
                failureWith("train-images.idx", idxWithMagic(0x12345678, counting(72, 0), 6, 3, 4)));
        assertEquals(
                "bad: not an IDX file: magic number 0x00000800, expected 0x00000801 to 0x000008FF"
                        + " (unsigned bytes of rank 1 to 255)",
                failureWith("train-images.idx", idxWithMagic(0x00000800, new byte[0])));
    }

    @Test
    void idxOfFloatsIsNamedAsSuch() {
        assertEquals(
                "bad: IDX data of type 0x0D (float) is not supported; nnx reads unsigned bytes (type 0x08)",
                failureWith("test-images.idx", idxWithMagic(0x00000D03, new byte[0], 3, 3, 4)));
    }

    @Test
    void imageAndLabelCountsThatDisagree() {
        assertEquals(
                "train-images.idx has 6 images but bad has 5 labels",
                failureWith("train-labels.idx", idx(new byte[] {0, 1, 2, 0, 1}, 5)));
    }

    @Test
    void labelsOfRankTwo() {
        assertEquals(
                "bad: labels must be a rank-1 IDX array (one byte an item), got dimensions 6×1",
                failureWith("train-labels.idx", idx(TRAIN_LABELS, 6, 1)));
    }

    @Test
    void testItemsOfAnotherSize() {
        assertEquals(
                "bad: test images have 6 values each but training images 12",
                failureWith("test-images.idx", idx(counting(18, 0), 3, 2, 3)));
    }

    @Test
    void truncatedPlainFile() {
        byte[] whole = idx(counting(72, 0), 6, 3, 4);
        assertEquals(
                "bad: truncated: dimensions 6×3×4 need 72 data bytes, the file has 67",
                failureWith("train-images.idx", Arrays.copyOf(whole, whole.length - 5)));
        assertEquals(
                "bad: truncated: the file ends inside the IDX header, after 10 bytes",
                failureWith("train-images.idx", Arrays.copyOf(whole, 10)));
    }

    @Test
    void truncatedGzipFile() {
        byte[] compressed = gzip(idx(counting(72, 0), 6, 3, 4));
        assertEquals(
                "bad: truncated gzip data: it ends after 88 decompressed bytes",
                failureWith("train-images.idx", Arrays.copyOf(compressed, compressed.length - 8)),
                "the data is whole, the gzip trailer is cut off");
        assertEquals(
                "bad: truncated gzip data: it ends after 0 decompressed bytes",
                failureWith("train-images.idx", Arrays.copyOf(compressed, 10)),
                "only the gzip header is there");
    }

    @Test
    void corruptGzipFile() {
        byte[] compressed = gzip(idx(counting(72, 0), 6, 3, 4));
        compressed[compressed.length - 6] ^= 0x55;
        assertEquals(
                "bad: corrupt gzip data after 88 decompressed bytes (Corrupt GZIP trailer)",
                failureWith("train-images.idx", compressed),
                "a wrong CRC");
    }

    @Test
    void bytesAfterTheData() {
        byte[] whole = idx(counting(75, 0), 6, 3, 4);
        assertEquals(
                "bad: 3 bytes follow the 72 data bytes that dimensions 6×3×4 describe",
                failureWith("train-images.idx", whole));
    }

    @Test
    void noItems() {
        assertEquals(
                "bad: holds no items (dimensions 0×3×4)", failureWith("train-images.idx", idx(new byte[0], 0, 3, 4)));
    }

    @Test
    void oneClassOnly() {
        assertEquals(
                "bad: every label is 1; a classifier needs at least 2 classes",
                failureWith("train-labels.idx", idx(new byte[] {1, 1, 1, 1, 1, 1}, 6)));
    }

    @Test
    void emptyFile() {
        assertEquals("bad: the file is empty", failureWith("test-labels.idx", new byte[0]));
    }

    @Test
    void aDirectoryIsNotAFile() throws Exception {
        writeDataset(".idx", false, 3, 4);
        Files.createDirectories(directory.resolve("images"));
        assertEquals(
                "images: is a directory, not a file",
                failure("images", "train-labels.idx", "test-images.idx", "test-labels.idx"));
    }

    @Test
    void missingFileNamesWhereItLooked() {
        writeDataset(".idx", false, 3, 4);
        assertEquals(
                "data/none.idx: no such file (looked for " + directory.resolve("data/none.idx") + ")",
                failure("train-images.idx", "train-labels.idx", "test-images.idx", "data/none.idx"));
        String absolute = directory.resolve("gone.idx").toString();
        assertEquals(
                absolute + ": no such file",
                failure(absolute, "train-labels.idx", "test-images.idx", "test-labels.idx"));
    }
}
