package org.nnx.builtins.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nnx.builtins.data.TestFiles.counting;
import static org.nnx.builtins.data.TestFiles.idx;
import static org.nnx.builtins.data.TestFiles.write;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnx.report.SampleGrid;
import org.nnx.spi.Arguments;
import org.nnx.spi.Dataset;
import org.nnx.spi.DatasetException;
import org.nnx.train.DatasetSummary;

/** The report's view of a dataset: sizes, class balance, and a PNG grid of sample images. */
class DatasetSummaryTest {
    private static final int GREY = 0x808080;

    @TempDir
    Path directory;

    /** Six 3×4 training images of classes 0, 1, 2, 0, 1, 2 (pixel j of image n is 12n·7 + 7j mod 256). */
    private Dataset images(int... item) throws DatasetException {
        int size = item.length == 2 ? item[0] * item[1] : item[0] * item[1] * item[2];
        int[] trainDims = item.length == 2 ? new int[] {6, item[0], item[1]} : new int[] {6, item[0], item[1], item[2]};
        int[] testDims = trainDims.clone();
        testDims[0] = 2;
        write(directory, "train-images", idx(counting(6 * size, 0), trainDims));
        write(directory, "train-labels", idx(new byte[] {0, 1, 2, 0, 1, 2}, 6));
        write(directory, "test-images", idx(counting(2 * size, 0), testDims));
        write(directory, "test-labels", idx(new byte[] {1, 1}, 2));
        return new IdxDatasetFactory()
                .load(
                        Arguments.of(
                                "images",
                                "train-images",
                                "labels",
                                "train-labels",
                                "test_images",
                                "test-images",
                                "test_labels",
                                "test-labels"),
                        TestFiles.context(directory, 0));
    }

    @Test
    void sizesClassesAndBalance() throws DatasetException {
        DatasetSummary summary = DatasetSummary.of(images(3, 4), 0, 3);
        assertEquals(6, summary.trainSize());
        assertEquals(2, summary.testSize());
        assertEquals(12, summary.features());
        assertEquals(3, summary.classes());
        assertEquals(List.of(2, 2, 2), summary.trainClassCounts());
        assertEquals(List.of(0, 2, 0), summary.testClassCounts());
        assertEquals(Optional.of(List.of(3, 4)), summary.imageShape());
        assertEquals("IDX files train-images and test-images", summary.description());
    }

    @Test
    void theGridIsAPngOfOneRowPerClass() throws DatasetException, IOException {
        Dataset dataset = images(3, 4);
        byte[] png = SampleGrid.png(DatasetSummary.of(dataset, 0, 3), 3, 2).orElseThrow();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int gap = SampleGrid.GAP;
        assertEquals(3 * 4 * 2 + 4 * gap, image.getWidth(), "3 images of width 4 at scale 2, and 4 gaps");
        assertEquals(3 * 3 * 2 + 4 * gap, image.getHeight(), "3 classes of height 3 at scale 2, and 4 gaps");
        assertEquals(GREY, rgb(image, 0, 0), "background around the grid");
        // Class 1's second image is training sample 4; its pixel (row 2, column 3) is byte 4·12 + 11.
        int level = ((4 * 12 + 11) * 7) & 0xFF;
        int x = gap + (4 * 2 + gap) + 3 * 2 + 1;
        int y = gap + (3 * 2 + gap) + 2 * 2 + 1;
        assertEquals(level << 16 | level << 8 | level, rgb(image, x, y));
        assertEquals(GREY, rgb(image, gap + 2 * (4 * 2 + gap) + 1, gap + 1), "class 0 has only two images");
    }

    @Test
    void threeChannelsAreDrawnInColour() throws DatasetException, IOException {
        Dataset dataset = images(2, 2, 3);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(
                SampleGrid.png(DatasetSummary.of(dataset, 0, 1), 1, 1).orElseThrow()));
        assertEquals(2 + 2 * SampleGrid.GAP, image.getWidth());
        assertEquals(3 * 2 + 4 * SampleGrid.GAP, image.getHeight());
        // Sample 0's first pixel is bytes 0, 7, 14: red, green, blue.
        assertEquals(0 << 16 | 7 << 8 | 14, rgb(image, SampleGrid.GAP, SampleGrid.GAP));
    }

    @Test
    void dataThatIsNotImagesHasNoGrid() {
        TabularDataset spiral = new SpiralDatasetFactory()
                .load(Arguments.of("classes", 3L, "points", 10L, "noise", 0.2), TestFiles.context(null, 0));
        DatasetSummary summary = DatasetSummary.of(spiral, 0, 3);
        assertEquals(List.of(10, 10, 10), summary.trainClassCounts());
        assertTrue(summary.imageShape().isEmpty());
        assertTrue(SampleGrid.png(summary, 3, 1).isEmpty());
    }

    private static int rgb(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) & 0xFFFFFF;
    }
}
