package org.nnx.builtins.data;

import java.util.List;
import org.nnx.spi.Dataset;
import org.nnx.spi.Split;

/** Numeric features with class labels, held as float32: what {@code csv} and {@code spiral} load. */
public record TabularDataset(
        FloatSplit trainSplit, FloatSplit testSplit, int features, List<String> classNames, String description)
        implements Dataset {

    public TabularDataset {
        classNames = List.copyOf(classNames);
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
