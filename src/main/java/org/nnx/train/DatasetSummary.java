package org.nnx.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.nnx.spi.Dataset;
import org.nnx.spi.Split;
import org.nnx.tensor.Tensor;

/**
 * What a report says about a run's data: its sizes, classes and class balance, and for image data the
 * first training images of each class. Works on any {@link Dataset}, a plugin's too.
 *
 * @param description      the dataset's own line: where the data came from
 * @param trainSize        training samples, the validation part included
 * @param validationSize   training samples held out for validation
 * @param testSize         test samples
 * @param features         values per sample
 * @param classNames       the classes, index by index
 * @param trainClassCounts training samples per class, index by index
 * @param testClassCounts  test samples per class, index by index
 * @param imageShape       one sample as an image, {@code [height, width]} or {@code [height, width, channels]};
 *                         empty for data that is not images
 * @param samples          for image data, per class its first training samples' features as the network
 *                         sees them (in [0, 1]); empty otherwise
 */
public record DatasetSummary(
        String description,
        int trainSize,
        int validationSize,
        int testSize,
        int features,
        List<String> classNames,
        List<Integer> trainClassCounts,
        List<Integer> testClassCounts,
        Optional<List<Integer>> imageShape,
        List<List<float[]>> samples) {

    public DatasetSummary {
        classNames = List.copyOf(classNames);
        trainClassCounts = List.copyOf(trainClassCounts);
        testClassCounts = List.copyOf(testClassCounts);
        samples = samples.stream().map(List::copyOf).toList();
    }

    /**
     * Counts the classes of both splits in one pass over the labels, and for image data reads the first
     * {@code samplesPerClass} training images of each class.
     */
    public static DatasetSummary of(Dataset dataset, int validationSize, int samplesPerClass) {
        int classes = dataset.classes();
        Optional<List<Integer>> shape =
                dataset.imageShape().map(s -> Arrays.stream(s).boxed().toList());
        return new DatasetSummary(
                dataset.description(),
                dataset.train().size(),
                validationSize,
                dataset.test().size(),
                dataset.features(),
                dataset.classNames(),
                counts(dataset.train(), classes),
                counts(dataset.test(), classes),
                shape,
                shape.isPresent() ? firstOfEachClass(dataset, samplesPerClass) : List.of());
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

    /** Per class, the features of its first training samples; stops reading once every class has enough. */
    private static List<List<float[]>> firstOfEachClass(Dataset dataset, int perClass) {
        int classes = dataset.classes();
        List<List<float[]>> samples = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            samples.add(new ArrayList<>());
        }
        Split train = dataset.train();
        Tensor row = Tensor.zeros(1, dataset.features());
        int full = 0;
        for (int i = 0; i < train.size() && full < classes; i++) {
            List<float[]> ofClass = samples.get(train.label(i));
            if (ofClass.size() < perClass) {
                train.features(new int[] {i}, 0, 1, row);
                ofClass.add(row.floats().clone());
                if (ofClass.size() == perClass) {
                    full++;
                }
            }
        }
        return samples;
    }
}
