package org.nnx.builtins.data;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.nnx.builtins.IdxFile;
import org.nnx.builtins.ImageDataset;
import org.nnx.spi.DatasetException;

/**
 * Reads four IDX files (training images and labels, test images and labels) into an {@link ImageDataset},
 * and keeps what it read: Fashion-MNIST costs a second and 47 MB to read, and {@code repeat} or a sweep
 * over seeds would otherwise read it once a seed. A file that changed on disk (size or time) is read again.
 */
final class IdxDatasets {
    /** Which files were read, as they were then. */
    private record FileState(String path, long size, long modified) {
    }

    private static final Map<List<FileState>, ImageDataset> LOADED = new ConcurrentHashMap<>();

    private IdxDatasets() {
    }

    /**
     * @param files       training images, training labels, test images, test labels
     * @param classNames  the classes' names, or null to number them 0 .. (largest label)
     * @param description one line for the report
     */
    static ImageDataset load(DataFile[] files, List<String> classNames, String description) throws DatasetException {
        List<FileState> key = new ArrayList<>();
        for (DataFile file : files) {
            file.check();
            try {
                key.add(new FileState(file.resolved().toString(), Files.size(file.resolved()),
                        Files.getLastModifiedTime(file.resolved()).toMillis()));
            } catch (IOException e) {
                throw new DatasetException(file.name() + ": cannot read (" + e.getMessage() + ")");
            }
        }
        ImageDataset cached = LOADED.get(key);
        if (cached != null && cached.description().equals(description)) {
            return cached;
        }
        IdxFile[] arrays = new IdxFile[files.length];
        String[] names = new String[files.length];
        for (int i = 0; i < files.length; i++) {
            names[i] = files[i].name();
            arrays[i] = IdxFile.read(files[i].open(), names[i]);
        }
        ImageDataset.checkLabelRank(arrays[1], names[1]);
        ImageDataset.checkLabelRank(arrays[3], names[3]);
        List<String> classes = classNames != null ? classNames : numberedClasses(arrays[1], names[1], arrays[3]);
        ImageDataset dataset = ImageDataset.of(arrays[0], arrays[1], arrays[2], arrays[3], names, classes, description);
        LOADED.put(key, dataset);
        return dataset;
    }

    /** Classes 0 .. the largest label of either split, once the training labels hold at least two of them. */
    private static List<String> numberedClasses(IdxFile trainLabels, String trainLabelsName, IdxFile testLabels)
            throws DatasetException {
        boolean[] seen = new boolean[256];
        int distinct = 0;
        int largest = 0;
        for (byte label : trainLabels.data()) {
            int value = label & 0xFF;
            if (!seen[value]) {
                seen[value] = true;
                distinct++;
            }
            largest = Math.max(largest, value);
        }
        if (distinct < 2) {
            throw new DatasetException(trainLabelsName + ": every label is " + (trainLabels.data()[0] & 0xFF)
                    + "; a classifier needs at least 2 classes");
        }
        for (byte label : testLabels.data()) {
            largest = Math.max(largest, label & 0xFF);
        }
        return IntStream.rangeClosed(0, largest).mapToObj(Integer::toString).toList();
    }
}
