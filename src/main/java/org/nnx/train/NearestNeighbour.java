package org.nnx.train;

import org.nnx.spi.Split;
import org.nnx.tensor.MatMul;
import org.nnx.tensor.Tensor;

/**
 * The accuracy of the nearest neighbour (k = 1) on the features as the network sees them: each test sample
 * takes the label of the training sample closest to it in Euclidean distance (the first one on a tie).
 *
 * <p>Distances come from the BLAS: ‖a − b‖² = ‖a‖² + ‖b‖² − 2a·b, the dot products of a block of test samples
 * with a block of training samples as one matrix product. Blocks keep the memory bounded whatever the data's
 * size: {@link #TEST_BLOCK} × {@link #TRAIN_BLOCK} distances and the features of the two blocks. In float32, as
 * the network computes: a near tie may go to the other neighbour.
 */
public final class NearestNeighbour {
    /** Test samples per block. */
    static final int TEST_BLOCK = 256;
    /** Training samples per block. */
    static final int TRAIN_BLOCK = 2048;

    private NearestNeighbour() {}

    /** The fraction of {@code test} that its nearest neighbour in {@code train} labels right; NaN without both. */
    public static double accuracy(Split train, Split test, int features) {
        if (train.size() == 0 || test.size() == 0) {
            return Double.NaN;
        }
        int[] nearest = nearest(train, test, features);
        int right = 0;
        for (int t = 0; t < nearest.length; t++) {
            if (train.label(nearest[t]) == test.label(t)) {
                right++;
            }
        }
        return (double) right / test.size();
    }

    /** For each test sample, the index of its nearest training sample. */
    static int[] nearest(Split train, Split test, int features) {
        int[] nearest = new int[test.size()];
        for (int from = 0; from < test.size(); from += TEST_BLOCK) {
            int count = Math.min(TEST_BLOCK, test.size() - from);
            Tensor queries = read(test, from, count, features);
            float[] queryNorms = squaredNorms(queries);
            double[] best = new double[count];
            java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
            for (int trainFrom = 0; trainFrom < train.size(); trainFrom += TRAIN_BLOCK) {
                int trainCount = Math.min(TRAIN_BLOCK, train.size() - trainFrom);
                Tensor references = read(train, trainFrom, trainCount, features);
                float[] referenceNorms = squaredNorms(references);
                Tensor dots = Tensor.zeros(count, trainCount);
                MatMul.gemm(queries, false, references, true, dots, 0.0);
                float[] d = dots.floats();
                for (int q = 0; q < count; q++) {
                    int row = q * trainCount;
                    for (int r = 0; r < trainCount; r++) {
                        // ‖q‖² is the same for every r: it decides nothing, but keeps the distances true.
                        double distance = (double) queryNorms[q] + referenceNorms[r] - 2.0 * d[row + r];
                        if (distance < best[q]) {
                            best[q] = distance;
                            nearest[from + q] = trainFrom + r;
                        }
                    }
                }
            }
        }
        return nearest;
    }

    private static Tensor read(Split split, int from, int count, int features) {
        int[] indices = new int[count];
        for (int i = 0; i < count; i++) {
            indices[i] = from + i;
        }
        Tensor into = Tensor.zeros(count, features);
        split.features(indices, 0, count, into);
        return into;
    }

    private static float[] squaredNorms(Tensor rows) {
        float[] values = rows.floats();
        float[] norms = new float[rows.rows()];
        int cols = rows.cols();
        for (int r = 0; r < norms.length; r++) {
            double sum = 0;
            for (int c = 0; c < cols; c++) {
                double v = values[r * cols + c];
                sum += v * v;
            }
            norms[r] = (float) sum;
        }
        return norms;
    }
}
