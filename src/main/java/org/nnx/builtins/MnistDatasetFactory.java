package org.nnx.builtins;

import java.io.InputStream;
import java.util.List;
import org.nnx.spi.Arguments;
import org.nnx.spi.DatasetContext;
import org.nnx.spi.DatasetException;
import org.nnx.spi.DatasetFactory;
import org.nnx.spi.ParameterSpec;
import org.nnx.spi.Range;

/**
 * {@code dataset mnist}: the 10 000 MNIST digits shipped inside nnx, 8 000 for training and 2 000 for
 * testing (provenance in docs/data.md). Loaded once per process and shared: the data is read-only.
 */
public final class MnistDatasetFactory implements DatasetFactory {
    private static final String RESOURCES = "/org/nnx/data/mnist/";
    private static final List<String> DIGITS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    private volatile ImageDataset loaded;

    @Override
    public String name() {
        return "mnist";
    }

    @Override
    public String description() {
        return "the 10 000 MNIST digits shipped with nnx: 8 000 train, 2 000 test, 28×28 grey";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(new ParameterSpec(
                "limit",
                org.nnx.spi.ParameterType.INTEGER,
                null,
                false,
                Range.closed(1, Integer.MAX_VALUE),
                List.of(),
                "keep only the first N training samples"));
    }

    @Override
    public ImageDataset load(Arguments arguments, DatasetContext context) throws DatasetException {
        ImageDataset all = loadAll();
        return arguments.has("limit") ? all.limitTraining((int) arguments.integer("limit")) : all;
    }

    private ImageDataset loadAll() throws DatasetException {
        ImageDataset dataset = loaded;
        if (dataset == null) {
            synchronized (this) {
                if (loaded == null) {
                    String[] files = {
                        "train-images-idx3-ubyte.gz",
                        "train-labels-idx1-ubyte.gz",
                        "t10k-images-idx3-ubyte.gz",
                        "t10k-labels-idx1-ubyte.gz"
                    };
                    IdxFile[] arrays = new IdxFile[files.length];
                    for (int i = 0; i < files.length; i++) {
                        arrays[i] = resource(files[i]);
                    }
                    loaded = ImageDataset.of(
                            arrays[0],
                            arrays[1],
                            arrays[2],
                            arrays[3],
                            files,
                            DIGITS,
                            "MNIST, 10 000 digits shipped with nnx (8 000 train / 2 000 test)");
                }
                dataset = loaded;
            }
        }
        return dataset;
    }

    private static IdxFile resource(String file) throws DatasetException {
        InputStream in = MnistDatasetFactory.class.getResourceAsStream(RESOURCES + file);
        if (in == null) {
            throw new DatasetException("the built-in MNIST file " + file + " is missing from nnx's jar");
        }
        return IdxFile.read(in, "mnist/" + file);
    }
}
