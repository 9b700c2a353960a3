package org.nnx.builtins.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.nnx.builtins.ImageDataset;
import org.nnx.spi.Arguments;
import org.nnx.spi.DatasetContext;
import org.nnx.spi.DatasetException;
import org.nnx.spi.DatasetFactory;
import org.nnx.spi.ParameterSpec;

/**
 * {@code dataset fashion_mnist}: Zalando's Fashion-MNIST, 60 000 training and 10 000 test images of
 * clothes, 28×28 grey, ten classes, as installed by the Debian package {@code dataset-fashion-mnist}.
 * nnx does not ship it (30 MB); a missing copy is an error that says how to install it.
 */
public final class FashionMnistDatasetFactory implements DatasetFactory {
    /** Where the Debian package puts the files. */
    public static final Path DEFAULT_DIRECTORY = Path.of("/usr/share/datasets/fashion-mnist");

    public static final String PACKAGE = "dataset-fashion-mnist";
    public static final String INSTALL = "sudo apt-get install -y " + PACKAGE;
    /** The classes in label order, as Fashion-MNIST's README names them. */
    public static final List<String> CLASSES = List.of(
            "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    /** The files, each read as {@code NAME.gz} when present, else as plain {@code NAME}. */
    static final List<String> FILES = List.of(
            "train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");

    @Override
    public String name() {
        return "fashion_mnist";
    }

    @Override
    public String description() {
        return "Fashion-MNIST, 60 000 train / 10 000 test 28×28 grey images of clothes, from " + PACKAGE;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.string(
                        "dir",
                        DEFAULT_DIRECTORY.toString(),
                        "folder with the four IDX files (.gz or plain), relative to the .nnx file"),
                DatasetParameters.limit());
    }

    @Override
    public ImageDataset load(Arguments arguments, DatasetContext context) throws DatasetException {
        String written = arguments.has("dir") ? arguments.string("dir") : DEFAULT_DIRECTORY.toString();
        DataFile directory = DataFile.of(written, context);
        if (!Files.isDirectory(directory.resolved())) {
            throw new DatasetException("Fashion-MNIST is not installed: no folder " + directory.resolved()
                    + "; install the Debian package " + PACKAGE + " (" + INSTALL + ")"
                    + " or set dir = \"...\" to a folder with its four IDX files");
        }
        DataFile[] files = new DataFile[FILES.size()];
        for (int i = 0; i < files.length; i++) {
            files[i] = file(directory, FILES.get(i));
        }
        ImageDataset all = IdxDatasets.load(files, CLASSES, "Fashion-MNIST from " + directory.resolved());
        return all.limitTraining(DatasetParameters.limit(arguments));
    }

    private static DataFile file(DataFile directory, String name) throws DatasetException {
        Path gzip = directory.resolved().resolve(name + ".gz");
        Path plain = directory.resolved().resolve(name);
        if (Files.exists(gzip)) {
            return DataFile.of(gzip);
        }
        if (Files.exists(plain)) {
            return DataFile.of(plain);
        }
        throw new DatasetException(gzip + ": no such file; Fashion-MNIST needs " + String.join(", ", FILES)
                + " (each .gz or plain) as the Debian package " + PACKAGE + " installs them (" + INSTALL + ")");
    }
}
