package org.nnx.nn;

import org.nnx.spi.Loss;
import org.nnx.tensor.FloatMath;
import org.nnx.tensor.SplitLoop;
import org.nnx.tensor.Tensor;

/**
 * Softmax followed by cross-entropy, on raw scores: per sample {@code −Σ_j t_j · log y_j} with
 * {@code y = softmax(scores)}, averaged over the batch.
 *
 * <p>{@code log y_j} is computed as {@code (x_j − max) − log Σ_k e^(x_k − max)} (log-sum-exp), which is finite
 * for any finite scores, so the loss never takes {@code log 0} even when a probability underflows to 0.
 * Terms with {@code t_j = 0} are skipped outright. The gradient with respect to the scores is
 * {@code (y − t) / batchSize}. Forward keeps a reference to {@code targets} for backward.
 */
public final class SoftmaxCrossEntropy implements Loss {
    /** Batches of at least this many scores are split over a run's two cores. */
    private static final int SPLIT_ELEMENTS = 512;

    private final Rows rowsLoop = new Rows();
    private Tensor probabilities;
    private Tensor targets;
    private Tensor scoreGradient;

    public SoftmaxCrossEntropy() {}

    @Override
    public double forward(Tensor output, Tensor targets) {
        Losses.checkShapes(output, targets);
        this.targets = targets;
        probabilities = Tensor.reuseOrAllocate(probabilities, output.precision(), output.rows(), output.cols());
        int cols = output.cols();
        if (output.isFloat() && targets.isFloat()) {
            return forwardFloat(output.floats(), targets.floats(), probabilities.floats(), output.rows(), cols);
        }
        double total = 0.0;
        for (int r = 0; r < output.rows(); r++) {
            int row = r * cols;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < cols; j++) {
                max = Math.max(max, output.get(row + j));
            }
            double sumExp = 0.0;
            for (int j = 0; j < cols; j++) {
                sumExp += Math.exp(output.get(row + j) - max);
            }
            double logSumExp = Math.log(sumExp);
            for (int j = 0; j < cols; j++) {
                double logProbability = (output.get(row + j) - max) - logSumExp;
                probabilities.set(row + j, Math.exp(logProbability));
                double t = targets.get(row + j);
                if (t != 0.0) {
                    total -= t * logProbability;
                }
            }
        }
        return output.rows() == 0 ? 0.0 : total / output.rows();
    }

    @Override
    public Tensor backward() {
        if (probabilities == null) {
            throw new IllegalStateException("backward before forward");
        }
        int batchSize = probabilities.rows();
        scoreGradient =
                Tensor.reuseOrAllocate(scoreGradient, probabilities.precision(), batchSize, probabilities.cols());
        if (probabilities.isFloat() && targets.isFloat()) {
            float[] y = probabilities.floats();
            float[] t = targets.floats();
            float[] dx = scoreGradient.floats();
            for (int i = 0; i < y.length; i++) {
                dx[i] = (float) (((double) y[i] - t[i]) / batchSize);
            }
            return scoreGradient;
        }
        for (int i = 0; i < probabilities.size(); i++) {
            scoreGradient.set(i, (probabilities.get(i) - targets.get(i)) / batchSize);
        }
        return scoreGradient;
    }

    /**
     * Training's path, on the float arrays: exponentials in float32 ({@link FloatMath#expInPlace}), sums, logarithms
     * and the loss in double; rows in two halves on a run's second core when it has one. Each row's loss is kept
     * and the rows are summed in order afterwards, so the total does not depend on the split.
     */
    private double forwardFloat(float[] x, float[] t, float[] y, int rows, int cols) {
        rowsLoop.x = x;
        rowsLoop.t = t;
        rowsLoop.y = y;
        rowsLoop.cols = cols;
        if (rowsLoop.rowLosses.length < rows) {
            rowsLoop.rowLosses = new double[rows];
        }
        if ((long) rows * cols >= SPLIT_ELEMENTS) {
            rowsLoop.loop(rows);
        } else {
            rowsLoop.range(0, rows);
        }
        double total = 0.0;
        for (int r = 0; r < rows; r++) {
            total += rowsLoop.rowLosses[r];
        }
        return rows == 0 ? 0.0 : total / rows;
    }

    /** Softmax and cross-entropy of rows {@code [from, to)}: probabilities into y, each row's loss kept. */
    private static final class Rows extends SplitLoop {
        float[] x;
        float[] t;
        float[] y;
        int cols;
        double[] rowLosses = new double[0];

        Rows() {
            super(2);
        }

        @Override
        protected void range(int from, int to) {
            for (int r = from; r < to; r++) {
                int row = r * cols;
                float max = Softmax.rowMax(x, row, cols);
                // One exponential an element, in float32: e^(x − max) is kept in y and divided by the row's sum,
                // rather than recomputed as e^(log y) (exponentials are most of this loop's time).
                double sumExp = Softmax.shiftedExp(x, max, y, row, cols);
                double logSumExp = Math.log(sumExp);
                double inverseSum = 1.0 / sumExp;
                double loss = 0.0;
                for (int j = 0; j < cols; j++) {
                    y[row + j] = (float) (y[row + j] * inverseSum);
                    if (t[row + j] != 0f) {
                        loss -= t[row + j] * (((double) x[row + j] - max) - logSumExp);
                    }
                }
                rowLosses[r] = loss;
            }
        }
    }

    /**
     * The softmax probabilities of the last forward, one row per sample; owned by the loss and overwritten by
     * its next forward. Null before the first forward.
     */
    public Tensor probabilities() {
        return probabilities;
    }
}
