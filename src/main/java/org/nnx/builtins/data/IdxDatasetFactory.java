package org.nnx.builtins.data;

import java.util.List;
import org.nnx.builtins.ImageDataset;
import org.nnx.spi.Arguments;
import org.nnx.spi.DatasetContext;
import org.nnx.spi.DatasetException;
import org.nnx.spi.DatasetFactory;
import org.nnx.spi.ParameterSpec;

/**
 * {@code dataset idx, images = "...", labels = "...", test_images = "...", test_labels = "..."}: any
 * data in MNIST's IDX format, plain or gzip. Items of any rank are flattened into one feature vector;
 * bytes are scaled to [0, 1]. The classes are numbered 0 to the largest label found.
 */
public final class IdxDatasetFactory implements DatasetFactory {

    @Override
    public String name() {
        return "idx";
    }

    @Override
    public String description() {
        return "unsigned-byte data in MNIST's IDX format (plain or .gz), items of any rank flattened";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                DatasetParameters.requiredString("images", "training items, an IDX file of unsigned bytes, any rank"),
                DatasetParameters.requiredString(
                        "labels", "training labels, a rank-1 IDX file, one class byte an item"),
                DatasetParameters.requiredString("test_images", "test items, the same shape as the training items"),
                DatasetParameters.requiredString("test_labels", "test labels, a rank-1 IDX file"),
                DatasetParameters.limit());
    }

    @Override
    public ImageDataset load(Arguments arguments, DatasetContext context) throws DatasetException {
        DataFile[] files = {
            DataFile.of(arguments.string("images"), context),
            DataFile.of(arguments.string("labels"), context),
            DataFile.of(arguments.string("test_images"), context),
            DataFile.of(arguments.string("test_labels"), context)
        };
        ImageDataset all = IdxDatasets.load(files, null, "IDX files " + files[0].name() + " and " + files[2].name());
        return all.limitTraining(DatasetParameters.limit(arguments));
    }
}
