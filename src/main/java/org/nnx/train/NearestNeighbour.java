package org.nnx.train;

import org.nnx.spi.Split;
import org.nnx.tensor.MatMul;
import org.nnx.tensor.Precision;
import org.nnx.tensor.Tensor;

/**
 * The accuracy of the nearest neighbour (k = 1) on the features as the network sees them: each test sample
 * takes the label of the training sample closest to it in Euclidean distance (the first one on a tie).
 *
 * <p>Distances come from the BLAS: ‖a − b‖² = ‖a‖² + ‖b‖² − 2a·b, the dot products of a block of test samples
 * with a block of training samples as one matrix product. Blocks keep the memory bounded whatever the data's
 * size: {@link #TEST_BLOCK} × {@link #TRAIN_BLOCK} distances and the features of the two blocks. In float32, as
 * the network computes: a near tie may go to the other neighbour.
 *
 * <p>A large test split is judged by at most {@link #QUERIES} of its samples, spread evenly over it: one block,
 * so the training samples are read once, and on 60 000 training images a second or two of products rather
 * than a minute (the accuracy's standard error stays under 1.6 points).
 */
public final class NearestNeighbour {
    /** Test samples per block, and the most a test split is judged by. */
    static final int QUERIES = 1024;
    /** Training samples per block. */
    static final int TRAIN_BLOCK = 2048;

    private NearestNeighbour() {}

    /**
     * The fraction of {@code test} (or of its {@link #QUERIES} evenly spread samples) that its nearest neighbour
     * in {@code train} labels right; NaN without both.
     */
    public static double accuracy(Split train, Split test, int features) {
        if (train.size() == 0 || test.size() == 0) {
            return Double.NaN;
        }
        int[] queries = queries(test.size());
        int[] nearest = nearest(train, test, queries, features);
        int right = 0;
        for (int q = 0; q < queries.length; q++) {
            if (train.label(nearest[q]) == test.label(queries[q])) {
                right++;
            }
        }
        return (double) right / queries.length;
    }

    /** The test samples judged: all of a split of up to {@link #QUERIES}, else that many spread evenly. */
    static int[] queries(int testSize) {
        int count = Math.min(testSize, QUERIES);
        int[] queries = new int[count];
        for (int q = 0; q < count; q++) {
            queries[q] = (int) ((long) q * testSize / count);
        }
        return queries;
    }

    /** For each test sample of {@code test}, the index of its nearest training sample. */
    static int[] nearest(Split train, Split test, int features) {
        int[] all = new int[test.size()];
        for (int t = 0; t < all.length; t++) {
            all[t] = t;
        }
        return nearest(train, test, all, features);
    }

    /** For each of {@code chosen} (indices into {@code test}), the index of its nearest training sample. */
    private static int[] nearest(Split train, Split test, int[] chosen, int features) {
        int[] nearest = new int[chosen.length];
        Tensor dots = null;
        for (int from = 0; from < chosen.length; from += QUERIES) {
            int count = Math.min(QUERIES, chosen.length - from);
            Tensor queries = read(test, java.util.Arrays.copyOfRange(chosen, from, from + count), features);
            float[] queryNorms = squaredNorms(queries);
            double[] best = new double[count];
            java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
            for (int trainFrom = 0; trainFrom < train.size(); trainFrom += TRAIN_BLOCK) {
                int trainCount = Math.min(TRAIN_BLOCK, train.size() - trainFrom);
                Tensor references = read(train, range(trainFrom, trainCount), features);
                float[] referenceNorms = squaredNorms(references);
                dots = Tensor.reuseOrAllocate(dots, Precision.FLOAT32, count, trainCount);
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

    private static int[] range(int from, int count) {
        int[] indices = new int[count];
        for (int i = 0; i < count; i++) {
            indices[i] = from + i;
        }
        return indices;
    }

    private static Tensor read(Split split, int[] indices, int features) {
        Tensor into = Tensor.zeros(indices.length, features);
        split.features(indices, 0, indices.length, into);
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
