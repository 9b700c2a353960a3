package org.nnx.nn;

import org.nnx.spi.Loss;
import org.nnx.tensor.Tensor;

/**
 * The squared error {@code ½ · Σ_j (y_j − t_j)²} per sample, averaged over the batch; the gradient with
 * respect to the output is {@code (y − t) / batchSize}. Forward keeps references to its arguments.
 */
public final class MeanSquaredError implements Loss {
    private Tensor output;
    private Tensor targets;
    private Tensor outputGradient;

    public MeanSquaredError() {}

    @Override
    public double forward(Tensor output, Tensor targets) {
        Losses.checkShapes(output, targets);
        this.output = output;
        this.targets = targets;
        double total = 0.0;
        for (int i = 0; i < output.size(); i++) {
            double difference = output.get(i) - targets.get(i);
            total += difference * difference;
        }
        return output.rows() == 0 ? 0.0 : 0.5 * total / output.rows();
    }

    @Override
    public Tensor backward() {
        if (output == null) {
            throw new IllegalStateException("backward before forward");
        }
        int batchSize = output.rows();
        outputGradient = Tensor.reuseOrAllocate(outputGradient, output.precision(), batchSize, output.cols());
        for (int i = 0; i < output.size(); i++) {
            outputGradient.set(i, (output.get(i) - targets.get(i)) / batchSize);
        }
        return outputGradient;
    }
}
