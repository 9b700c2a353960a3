package org.nnx.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.nnx.builtins.IdxFile;
import org.nnx.builtins.ImageDataset;
import org.nnx.spi.DatasetException;

/**
 * Fashion-MNIST (Zalando, 60 000 training and 10 000 test images of 28×28 grey pixels) read from a folder of
 * the four IDX files MNIST's names use, as Debian's {@code dataset-fashion-mnist} installs them in
 * {@value #DEBIAN_FOLDER}. Pixels stay bytes; they are scaled when a batch is filled.
 */
public final class FashionMnist {
    /** Where Debian's package {@code dataset-fashion-mnist} puts the files. */
    public static final String DEBIAN_FOLDER = "/usr/share/datasets/fashion-mnist";

    private static final List<String> CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    private static final String[] FILES = {"train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
        "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"};

    private FashionMnist() {
    }

    /**
     * Why {@code folder} cannot be read, checked before a benchmark prints anything: the first of the four files
     * that is missing, said as {@link #read} would say it; empty when all four are there.
     */
    public static Optional<String> missingFile(Path folder) {
        for (String name : FILES) {
            Path file = folder.resolve(name);
            if (!Files.isRegularFile(file)) {
                return Optional.of(noSuchFile(file));
            }
        }
        return Optional.empty();
    }

    private static String noSuchFile(Path file) {
        return file + ": no such file; Fashion-MNIST is in Debian's package dataset-fashion-mnist "
                + "(apt-get install dataset-fashion-mnist)";
    }

    /** Reads the four files of {@code folder}; gzip-compressed or plain, as IdxFile detects. */
    public static ImageDataset read(Path folder) throws DatasetException {
        IdxFile[] arrays = new IdxFile[FILES.length];
        String[] names = new String[FILES.length];
        for (int i = 0; i < FILES.length; i++) {
            Path file = folder.resolve(FILES[i]);
            names[i] = file.toString();
            try (InputStream in = Files.newInputStream(file)) {
                arrays[i] = IdxFile.read(in, names[i]);
            } catch (NoSuchFileException e) {
                throw new DatasetException(noSuchFile(file));
            } catch (IOException e) {
                throw new DatasetException(file + ": cannot read (" + e.getMessage() + ")");
            }
        }
        return ImageDataset.of(arrays[0], arrays[1], arrays[2], arrays[3], names, CLASSES,
                "Fashion-MNIST from " + folder + " (" + arrays[0].count() + " train / " + arrays[2].count()
                        + " test)");
    }
}
