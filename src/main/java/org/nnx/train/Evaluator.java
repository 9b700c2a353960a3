package org.nnx.train;

import org.nnx.spi.Loss;
import org.nnx.spi.Split;
import org.nnx.tensor.Precision;
import org.nnx.tensor.Tensor;

/** Accuracy and mean loss of a network over a whole split, in chunks, with training behaviour off. */
final class Evaluator {
    static final int CHUNK = 1000;

    record Evaluation(double accuracy, double loss) {
        /** No evaluation: a run without a validation set. */
        static final Evaluation NONE = new Evaluation(Double.NaN, Double.NaN);

        /** This evaluation with {@code penalty} added to its loss. */
        Evaluation plusLoss(double penalty) {
            return penalty == 0 ? this : new Evaluation(accuracy, loss + penalty);
        }
    }

    private final int[] indices;
    private Tensor features;
    private Tensor targets;

    Evaluator() {
        indices = new int[CHUNK];
    }

    Evaluation evaluate(Network network, Loss loss, Split split, int featureCount, int classes) {
        int correct = 0;
        double lossSum = 0;
        for (int start = 0; start < split.size(); start += CHUNK) {
            int count = Math.min(CHUNK, split.size() - start);
            for (int i = 0; i < count; i++) {
                indices[i] = start + i;
            }
            features = Tensor.reuseOrAllocate(features, Precision.FLOAT32, count, featureCount);
            targets = Tensor.reuseOrAllocate(targets, Precision.FLOAT32, count, classes);
            split.features(indices, 0, count, features);
            OneHot.fill(split, indices, 0, count, targets);
            Tensor output = network.forward(features, false);
            lossSum += loss.forward(output, targets) * count;
            correct += OneHot.correct(output, split, indices, 0, count);
        }
        return new Evaluation((double) correct / split.size(), lossSum / split.size());
    }
}
