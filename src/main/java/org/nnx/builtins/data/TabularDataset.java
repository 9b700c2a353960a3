package org.nnx.builtins.data;

import java.util.List;
import java.util.Map;
import org.nnx.spi.Dataset;
import org.nnx.spi.Shape;
import org.nnx.spi.Split;

/**
 * Numeric features with class labels, held as float32: what {@code csv} and {@code spiral} load.
 *
 * @param sampleShape   flat features, or the image a row is when the file says so ({@code csv shape = [c, h, w]})
 * @param preprocessing what reading new rows as these were read takes ({@link CsvSamples}); empty for others
 */
public record TabularDataset(
        FloatSplit trainSplit,
        FloatSplit testSplit,
        int features,
        List<String> classNames,
        String description,
        Shape sampleShape,
        Map<String, Object> preprocessing)
        implements Dataset {

    public TabularDataset {
        classNames = List.copyOf(classNames);
        preprocessing = Map.copyOf(preprocessing);
        if (sampleShape.size() != features) {
            throw new IllegalArgumentException("shape " + sampleShape + " for " + features + " features");
        }
    }

    /** Flat features. */
    public TabularDataset(
            FloatSplit trainSplit, FloatSplit testSplit, int features, List<String> classNames, String description) {
        this(trainSplit, testSplit, features, classNames, description, Shape.flat(features), Map.of());
    }

    @Override
    public Split train() {
        return trainSplit;
    }

    @Override
    public Split test() {
        return testSplit;
    }
}
