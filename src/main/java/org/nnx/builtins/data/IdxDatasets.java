package org.nnx.builtins.data;

import java.io.IOException;
import java.lang.ref.SoftReference;
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
 * and keeps what it read: reading Fashion-MNIST takes noticeable time and memory, and {@code repeat} or a
 * sweep over seeds would otherwise read it once a seed. A file that changed on disk (size or time) is read
 * again.
 */
final class IdxDatasets {
    /** Which file was read, as it was then. */
    private record FileState(String path, long size, long modified) {}

    /** What was read and how it was named: the same files read as two datasets are two entries. */
    private record Key(List<FileState> files, List<String> classNames, String description) {}

    /** Soft, so that a long-lived process under memory pressure may drop data nobody uses any more. */
    private static final Map<Key, SoftReference<ImageDataset>> LOADED = new ConcurrentHashMap<>();

    private IdxDatasets() {}

    /**
     * @param files       training images, training labels, test images, test labels
     * @param classNames  the classes' names, or null to number them 0 .. (largest label)
     * @param description one line for the report
     */
    static ImageDataset load(DataFile[] files, List<String> classNames, String description) throws DatasetException {
        List<FileState> states = new ArrayList<>();
        for (DataFile file : files) {
            file.check();
            try {
                states.add(new FileState(
                        file.resolved().toString(),
                        Files.size(file.resolved()),
                        Files.getLastModifiedTime(file.resolved()).toMillis()));
            } catch (IOException e) {
                throw new DatasetException(file.name() + ": cannot read (" + DataFile.reason(e) + ")");
            }
        }
        Key key = new Key(states, classNames, description);
        SoftReference<ImageDataset> cached = LOADED.get(key);
        ImageDataset kept = cached == null ? null : cached.get();
        if (kept != null) {
            return kept;
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
        LOADED.put(key, new SoftReference<>(dataset));
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
            throw new DatasetException(trainLabelsName + ": every label is "
                    + (trainLabels.data()[0] & 0xFF) + "; a classifier needs at least 2 classes");
        }
        for (byte label : testLabels.data()) {
            largest = Math.max(largest, label & 0xFF);
        }
        return IntStream.rangeClosed(0, largest).mapToObj(Integer::toString).toList();
    }
}
