package org.nnx.builtins.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.nnx.builtins.data.TestFiles.counting;
import static org.nnx.builtins.data.TestFiles.gzip;
import static org.nnx.builtins.data.TestFiles.idx;
import static org.nnx.builtins.data.TestFiles.write;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnx.builtins.ImageDataset;
import org.nnx.spi.Arguments;
import org.nnx.spi.DatasetException;
import org.nnx.train.DatasetSummary;

/**
 * {@code dataset fashion_mnist}: the real data where the Debian package is installed (skipped elsewhere;
 * .ci/run installs it when it can), and the folder logic on a small stand-in everywhere.
 */
class FashionMnistDatasetTest {
    private static final Path INSTALLED = FashionMnistDatasetFactory.DEFAULT_DIRECTORY;

    @TempDir
    Path directory;

    private final FashionMnistDatasetFactory factory = new FashionMnistDatasetFactory();

    private ImageDataset load(Object... arguments) throws DatasetException {
        return factory.load(Arguments.of(arguments), TestFiles.context(directory, 0));
    }

    @Test
    void theInstalledPackageHas60000TrainingAnd10000TestImagesKeptAsBytes() throws DatasetException {
        assumeTrue(Files.isDirectory(INSTALLED), "the Debian package dataset-fashion-mnist is not installed");
        ImageDataset dataset = load("dir", INSTALLED.toString());
        assertEquals(60_000, dataset.train().size());
        assertEquals(10_000, dataset.test().size());
        assertEquals(784, dataset.features());
        assertArrayEquals(new int[] {28, 28}, dataset.imageShape().orElseThrow());
        assertEquals(
                List.of(
                        "T-shirt/top",
                        "Trouser",
                        "Pullover",
                        "Dress",
                        "Coat",
                        "Sandal",
                        "Shirt",
                        "Sneaker",
                        "Bag",
                        "Ankle boot"),
                dataset.classNames());
        // One byte a pixel: 60 000 × 784 = 47 040 000 bytes (≈ 47 MB), not 188 MB of floats.
        assertEquals(47_040_000, dataset.trainSplit().pixelBytes());
        assertEquals(60_000, dataset.trainSplit().labelBytes());
        assertEquals(7_840_000, dataset.testSplit().pixelBytes());
        DatasetSummary summary = DatasetSummary.of(dataset, 0, 1);
        assertEquals(Collections.nCopies(10, 6000), summary.trainClassCounts());
        assertEquals(Collections.nCopies(10, 1000), summary.testClassCounts());

        ImageDataset limited = load("dir", INSTALLED.toString(), "limit", 1000L);
        assertEquals(1000, limited.train().size());
        assertEquals(47_040_000, limited.trainSplit().pixelBytes(), "limit shares the bytes, it does not copy them");
    }

    @Test
    void aFolderOfPlainOrGzipFilesLoadsWithTheTenClassNames() throws DatasetException {
        write(directory, "fm/train-images-idx3-ubyte.gz", gzip(idx(counting(4 * 4, 0), 4, 2, 2)));
        write(directory, "fm/train-labels-idx1-ubyte", idx(new byte[] {9, 0, 3, 9}, 4));
        write(directory, "fm/t10k-images-idx3-ubyte", idx(counting(2 * 4, 1), 2, 2, 2));
        write(directory, "fm/t10k-labels-idx1-ubyte.gz", gzip(idx(new byte[] {1, 8}, 2)));
        ImageDataset dataset = load("dir", "fm");
        assertEquals(4, dataset.train().size());
        assertEquals(10, dataset.classes());
        assertEquals("Ankle boot", dataset.classNames().get(dataset.train().label(0)));
    }

    @Test
    void aLabelBeyondTheTenClasses() {
        write(directory, "fm/train-images-idx3-ubyte", idx(counting(4 * 4, 0), 4, 2, 2));
        write(directory, "fm/train-labels-idx1-ubyte", idx(new byte[] {9, 0, 10, 9}, 4));
        write(directory, "fm/t10k-images-idx3-ubyte", idx(counting(2 * 4, 1), 2, 2, 2));
        write(directory, "fm/t10k-labels-idx1-ubyte", idx(new byte[] {1, 8}, 2));
        String message =
                assertThrows(DatasetException.class, () -> load("dir", "fm")).getMessage();
        assertEquals(
                directory.resolve("fm/train-labels-idx1-ubyte") + ": label 10 of item 2 is not a class in [0, 10)",
                message);
    }

    @Test
    void aMissingFolderNamesThePackageAndTheInstallCommand() {
        String message = assertThrows(DatasetException.class, () -> load("dir", "absent"))
                .getMessage();
        assertEquals(
                "Fashion-MNIST is not installed: no folder " + directory.resolve("absent")
                        + "; install the Debian package dataset-fashion-mnist (sudo apt-get install -y dataset-fashion-mnist)"
                        + " or set dir = \"...\" to a folder with its four IDX files",
                message);
    }

    @Test
    void aMissingFileNamesTheFilesAndThePackage() throws Exception {
        Files.createDirectories(directory.resolve("partial"));
        write(directory, "partial/train-images-idx3-ubyte.gz", gzip(idx(counting(4, 0), 1, 2, 2)));
        String message = assertThrows(DatasetException.class, () -> load("dir", "partial"))
                .getMessage();
        assertEquals(
                directory.resolve("partial/train-labels-idx1-ubyte.gz") + ": no such file; Fashion-MNIST needs"
                        + " train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte"
                        + " (each .gz or plain) as the Debian package dataset-fashion-mnist installs them"
                        + " (sudo apt-get install -y dataset-fashion-mnist)",
                message);
    }
}
