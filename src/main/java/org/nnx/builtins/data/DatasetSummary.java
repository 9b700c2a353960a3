package org.nnx.builtins.data;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.nnx.spi.Dataset;
import org.nnx.spi.Split;

/**
 * What a report says about a dataset: its size, classes and class balance, and for image data a grid of
 * sample images. Works on any {@link Dataset}, a plugin's too.
 *
 * @param description      the dataset's own line: where the data came from
 * @param trainSize        training samples
 * @param testSize         test samples
 * @param features         values per sample
 * @param classNames       the classes, index by index
 * @param trainClassCounts training samples per class, index by index
 * @param testClassCounts  test samples per class, index by index
 * @param imageShape       one sample as an image, {@code [height, width]} or {@code [height, width, channels]};
 *                         empty for data that is not images
 */
public record DatasetSummary(String description, int trainSize, int testSize, int features, List<String> classNames,
                             List<Integer> trainClassCounts, List<Integer> testClassCounts,
                             Optional<List<Integer>> imageShape) {

    public DatasetSummary {
        classNames = List.copyOf(classNames);
        trainClassCounts = List.copyOf(trainClassCounts);
        testClassCounts = List.copyOf(testClassCounts);
    }

    /** Counts the classes of both splits: one pass over the labels, no features read. */
    public static DatasetSummary of(Dataset dataset) {
        int classes = dataset.classes();
        return new DatasetSummary(dataset.description(), dataset.train().size(), dataset.test().size(),
                dataset.features(), dataset.classNames(), counts(dataset.train(), classes),
                counts(dataset.test(), classes),
                dataset.imageShape().map(shape -> Arrays.stream(shape).boxed().toList()));
    }

    public int classes() {
        return classNames.size();
    }

    private static List<Integer> counts(Split split, int classes) {
        int[] counts = new int[classes];
        for (int i = 0; i < split.size(); i++) {
            counts[split.label(i)]++;
        }
        return Arrays.stream(counts).boxed().toList();
    }

    /**
     * A grid of training images, one row per class, for image data: see {@link SampleGrid} for the layout.
     *
     * @param perClass images in each row: the class's first training samples
     * @param scale    each pixel drawn as a {@code scale × scale} square
     * @return the grid, or empty when the dataset's samples are not images
     */
    public static Optional<BufferedImage> sampleImages(Dataset dataset, int perClass, int scale) {
        return dataset.imageShape().map(shape -> SampleGrid.draw(dataset, shape, perClass, scale));
    }

    /** {@link #sampleImages} encoded as PNG, for a report to embed. */
    public static Optional<byte[]> sampleImagesPng(Dataset dataset, int perClass, int scale) {
        return sampleImages(dataset, perClass, scale).map(SampleGrid::png);
    }
}
