package org.nnx.nn;

import org.nnx.spi.Layer;
import org.nnx.tensor.Tensor;

/**
 * The softmax over each row, {@code y_j = e^(x_j − max) / Σ_k e^(x_k − max)}; subtracting the row's maximum
 * changes nothing mathematically and keeps every exponent ≤ 0, so nothing overflows.
 *
 * <p>Backward is the Jacobian-vector product {@code dx = y ⊙ (dy − Σ_j dy_j·y_j)}, row by row. As the last
 * layer before a cross-entropy loss, prefer {@link SoftmaxCrossEntropy} on the raw scores: it is cheaper and
 * cannot take the log of 0.
 */
public final class Softmax implements Layer {
    private Tensor output;
    private Tensor inputGradient;

    public Softmax() {}

    @Override
    public Tensor forward(Tensor input, boolean training) {
        output = Tensor.reuseOrAllocate(output, input.precision(), input.rows(), input.cols());
        softmaxRows(input, output);
        return output;
    }

    @Override
    public Tensor backward(Tensor outputGradient) {
        Activations.checkBackward(output, outputGradient);
        inputGradient = Tensor.reuseOrAllocate(inputGradient, output.precision(), output.rows(), output.cols());
        int cols = output.cols();
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
}
