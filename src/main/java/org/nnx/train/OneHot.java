package org.nnx.train;

import org.nnx.spi.Split;
import org.nnx.tensor.Tensor;

/** One-hot targets and arg-max predictions for a batch of a split. */
public final class OneHot {
    private OneHot() {}

    /** Row r of {@code into} becomes the one-hot vector of sample {@code indices[from + r]}'s class. */
    static void fill(Split split, int[] indices, int from, int count, Tensor into) {
        into.fill(0);
        int classes = into.cols();
        for (int row = 0; row < count; row++) {
            into.set(row * classes + split.label(indices[from + row]), 1);
        }
    }

    /** How many rows of {@code output} have their largest score at the sample's class. */
    static int correct(Tensor output, Split split, int[] indices, int from, int count) {
        int correct = 0;
        for (int row = 0; row < count; row++) {
            if (predicted(output, row) == split.label(indices[from + row])) {
                correct++;
            }
        }
        return correct;
    }

    /** The class row {@code row} of {@code output} predicts: the first of its highest scores. */
    public static int predicted(Tensor output, int row) {
        int classes = output.cols();
        int best = 0;
        double bestScore = output.get(row * classes);
        for (int c = 1; c < classes; c++) {
            double score = output.get(row * classes + c);
            if (score > bestScore) {
                best = c;
                bestScore = score;
            }
        }
        return best;
    }
}
