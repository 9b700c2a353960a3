package org.nnx.registry;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.nnx.spi.Arguments;
import org.nnx.spi.Dataset;
import org.nnx.spi.DatasetContext;
import org.nnx.spi.DatasetException;

/**
 * Loads datasets through their factories and keeps each one, so that checking a file and training its runs
 * read the data once. Datasets are read-only once loaded, so runs share them.
 */
public final class DatasetLoader {
    private record Key(String name, Arguments arguments, Path baseDirectory, long seed) {}

    private final ComponentRegistry registry;
    private final Map<Key, Dataset> loaded = new ConcurrentHashMap<>();

    public DatasetLoader(ComponentRegistry registry) {
        this.registry = registry;
    }

    public Dataset load(String name, Arguments arguments, DatasetContext context) throws DatasetException {
        Key key = new Key(name, arguments, context.baseDirectory(), context.seed());
        Dataset dataset = loaded.get(key);
        if (dataset == null) {
            dataset = registry.dataset(name).load(arguments, context);
            check(name, dataset);
            loaded.put(key, dataset);
        }
        return dataset;
    }

    /** What every dataset must satisfy, whoever wrote it. */
    private static void check(String name, Dataset dataset) throws DatasetException {
        List<String> classes = dataset.classNames();
        if (dataset.features() < 1) {
            throw new DatasetException("dataset '" + name + "' has no features");
        }
        if (classes.size() < 2) {
            throw new DatasetException(
                    "dataset '" + name + "' has " + classes.size() + " class; a classifier needs at least 2");
        }
        if (dataset.train().size() == 0) {
            throw new DatasetException("dataset '" + name + "' has no training samples");
        }
    }
}
