package org.nnx.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nnx.spi.Dataset;
import org.nnx.spi.Split;
import org.nnx.tensor.Precision;
import org.nnx.tensor.Tensor;

/**
 * How a trained network classifies the test set, for the report: the confusion matrix and the first
 * misclassified samples with their features (drawn as images for image data).
 *
 * @param confusion     {@code confusion[truth][predicted]}
 * @param misclassified the first {@value #SHOWN} samples it gets wrong, in test-set order
 * @param imageShape    a sample's shape as an image, when the data are images
 */
public record TestOutcome(
        List<String> classNames, long[][] confusion, List<Misclassified> misclassified, Optional<int[]> imageShape) {
    /** Misclassified samples kept for the report. */
    public static final int SHOWN = 24;

    public TestOutcome {
        classNames = List.copyOf(classNames);
        misclassified = List.copyOf(misclassified);
    }

    /** One test sample the network gets wrong. */
    public record Misclassified(int index, int truth, int predicted, float[] features) {}

    /** The network's classes for every test sample, in evaluation mode and chunks as training evaluates. */
    static TestOutcome of(Network network, Dataset dataset) {
        Split test = dataset.test();
        int classes = dataset.classes();
        int features = dataset.features();
        long[][] confusion = new long[classes][classes];
        List<Misclassified> wrong = new ArrayList<>();
        int[] indices = new int[Evaluator.CHUNK];
        Tensor batch = null;
        for (int start = 0; start < test.size(); start += Evaluator.CHUNK) {
            int count = Math.min(Evaluator.CHUNK, test.size() - start);
            for (int i = 0; i < count; i++) {
                indices[i] = start + i;
            }
            batch = Tensor.reuseOrAllocate(batch, Precision.FLOAT32, count, features);
            test.features(indices, 0, count, batch);
            Tensor output = network.forward(batch, false);
            for (int row = 0; row < count; row++) {
                int predicted = OneHot.predicted(output, row);
                int truth = test.label(start + row);
                confusion[truth][predicted]++;
                if (predicted != truth && wrong.size() < SHOWN) {
                    float[] pixels = new float[features];
                    for (int j = 0; j < features; j++) {
                        pixels[j] = (float) batch.get(row * features + j);
                    }
                    wrong.add(new Misclassified(start + row, truth, predicted, pixels));
                }
            }
        }
        return new TestOutcome(dataset.classNames(), confusion, wrong, dataset.imageShape());
    }
}
