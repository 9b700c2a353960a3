package org.nnx.nn;

import org.nnx.spi.Layer;
import org.nnx.tensor.FloatMath;
import org.nnx.tensor.SplitLoop;
import org.nnx.tensor.Tensor;

/**
 * The softmax over each row, {@code y_j = e^(x_j − max) / Σ_k e^(x_k − max)}; subtracting the row's maximum
 * changes nothing mathematically and keeps every exponent ≤ 0, so nothing overflows.
 *
 * <p>Backward is the Jacobian-vector product {@code dx = y ⊙ (dy − Σ_j dy_j·y_j)}, row by row. As the last
 * layer before a cross-entropy loss, prefer {@link SoftmaxCrossEntropy} on the raw scores: it is cheaper and
 * cannot take the log of 0.
 *
 * <p>In float32 (training) the exponentials are {@link FloatMath#expInPlace}'s, the row sums in double, rows in
 * parts over a run's core group; in float64 they are {@link Math#exp}'s.
 */
public final class Softmax implements Layer {
    private Tensor output;
    private Tensor inputGradient;
    private final ForwardRows forwardRows = new ForwardRows();
    private final BackwardRows backwardRows = new BackwardRows();

    public Softmax() {}

    @Override
    public Tensor forward(Tensor input, boolean training) {
        output = Tensor.reuseOrAllocate(output, input.precision(), input.rows(), input.cols());
        if (input.isFloat()) {
            forwardRows.x = input.floats();
            forwardRows.y = output.floats();
            forwardRows.cols = input.cols();
            forwardRows.loop(input.rows());
            return output;
        }
        softmaxRows(input, output);
        return output;
    }

    @Override
    public Tensor backward(Tensor outputGradient) {
        inputGradient = Activations.inputGradient(output, outputGradient, inputGradient);
        int cols = output.cols();
        if (output.isFloat() && outputGradient.isFloat()) {
            backwardRows.y = output.floats();
            backwardRows.dy = outputGradient.floats();
            backwardRows.dx = inputGradient.floats();
            backwardRows.cols = cols;
            backwardRows.loop(output.rows());
            return inputGradient;
        }
        for (int r = 0; r < output.rows(); r++) {
            int row = r * cols;
            double weighted = 0.0;
            for (int j = 0; j < cols; j++) {
                weighted += outputGradient.get(row + j) * output.get(row + j);
            }
            for (int j = 0; j < cols; j++) {
                inputGradient.set(row + j, output.get(row + j) * (outputGradient.get(row + j) - weighted));
            }
        }
        return inputGradient;
    }

    /**
     * Writes the softmax of each row of {@code scores} into {@code probabilities} (same shape, may not be the
     * same tensor) and returns nothing; shared with {@link SoftmaxCrossEntropy}.
     */
    static void softmaxRows(Tensor scores, Tensor probabilities) {
        int cols = scores.cols();
        for (int r = 0; r < scores.rows(); r++) {
            int row = r * cols;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < cols; j++) {
                max = Math.max(max, scores.get(row + j));
            }
            double sum = 0.0;
            for (int j = 0; j < cols; j++) {
                double e = Math.exp(scores.get(row + j) - max);
                probabilities.set(row + j, e);
                sum += e;
            }
            for (int j = 0; j < cols; j++) {
                probabilities.set(row + j, probabilities.get(row + j) / sum);
            }
        }
    }

    /** The largest of the {@code cols} values of {@code x} from {@code row} on. */
    static float rowMax(float[] x, int row, int cols) {
        float max = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < cols; j++) {
            max = Math.max(max, x[row + j]);
        }
        return max;
    }

    /**
     * {@code y = e^(x − max)} on the {@code cols} values from {@code row} on, in float32, and their sum in double;
     * shared with {@link SoftmaxCrossEntropy}.
     */
    static double shiftedExp(float[] x, float max, float[] y, int row, int cols) {
        for (int j = 0; j < cols; j++) {
            y[row + j] = x[row + j] - max;
        }
        FloatMath.expInPlace(y, row, row + cols);
        double sum = 0.0;
        for (int j = 0; j < cols; j++) {
            sum += y[row + j];
        }
        return sum;
    }

    /** Training's forward, row by row: exponentials in float32, each row's sum in double. */
    private static final class ForwardRows extends SplitLoop {
        float[] x;
        float[] y;
        int cols;

        /** Rows, each of {@code cols} exponentials: worth more cores from a few rows on. */
        ForwardRows() {
            super(8);
        }

        @Override
        protected void range(int from, int to) {
            for (int r = from; r < to; r++) {
                int row = r * cols;
                double sum = shiftedExp(x, rowMax(x, row, cols), y, row, cols);
                for (int j = 0; j < cols; j++) {
                    y[row + j] = (float) (y[row + j] / sum);
                }
            }
        }
    }

    /** Training's backward, row by row, in double as the float64 path: the same bits as before this loop. */
    private static final class BackwardRows extends SplitLoop {
        float[] y;
        float[] dy;
        float[] dx;
        int cols;

        BackwardRows() {
            super(8);
        }

        @Override
        protected void range(int from, int to) {
            for (int r = from; r < to; r++) {
                int row = r * cols;
                double weighted = 0.0;
                for (int j = 0; j < cols; j++) {
                    weighted += dy[row + j] * (double) y[row + j];
                }
                for (int j = 0; j < cols; j++) {
                    dx[row + j] = (float) (y[row + j] * (dy[row + j] - weighted));
                }
            }
        }
    }
}
