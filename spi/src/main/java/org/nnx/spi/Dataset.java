package org.nnx.spi;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Labelled samples for classification: a training split and a test split. */
public interface Dataset {

    Split train();

    Split test();

    /** The width of one sample's features: the network's input size. */
    int features();

    /** The number of classes: the width the network's output must have. */
    default int classes() {
        return classNames().size();
    }

    /** The classes' names, index by index. */
    List<String> classNames();

    /** One line for the report: where the data came from. */
    String description();

    /**
     * One sample's shape as an image, {@code [height, width]} or {@code [height, width, channels]}, when the
     * features are its pixels in row-major order scaled to [0, 1]; empty for other data. Reports use it to
     * draw sample images.
     */
    default Optional<int[]> imageShape() {
        return Optional.empty();
    }

    /**
     * One sample's shape as the model's first layer sees it. By default a single-channel image for a dataset
     * with an {@link #imageShape() image shape} of {@code [height, width]} (or {@code [height, width, 1]}), and
     * flat features otherwise: pixels of several channels interleaved are not channels one after the other.
     */
    default Shape sampleShape() {
        Optional<int[]> image = imageShape();
        if (image.isPresent()) {
            int[] shape = image.get();
            boolean oneChannel = shape.length == 2 || (shape.length == 3 && shape[2] == 1);
            if (oneChannel && shape[0] * shape[1] == features()) {
                return Shape.image(1, shape[0], shape[1]);
            }
        }
        return Shape.flat(features());
    }

    /**
     * What reading new samples as this dataset read its own takes, for a saved model to keep: values the
     * dataset's reader understands (strings, numbers, booleans, lists and maps of them), such as a CSV file's
     * columns and the feature scaling fitted on the training rows. Empty when a sample's values are all it takes.
     */
    default Map<String, Object> preprocessing() {
        return Map.of();
    }
}
