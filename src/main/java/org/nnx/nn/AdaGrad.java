package org.nnx.nn;

import java.util.List;
import java.util.Map;
import org.nnx.spi.Optimizer;
import org.nnx.spi.Parameter;
import org.nnx.tensor.Tensor;

/**
 * AdaGrad (Duchi et al., 2011), per parameter entry:
 * <pre>    G ← G + g²,   W ← W − η·g / (√G + ε)</pre>
 * with the accumulator {@code G} starting at 0 (as in PyTorch and the book; Keras starts it at 0.1) and ε
 * defaulting to Keras' 1e-7.
 */
public final class AdaGrad implements Optimizer {
    /** Keras' default ε. */
    public static final double DEFAULT_EPSILON = 1e-7;

    private final double epsilon;
    private List<Parameter> parameters = List.of();
    private Tensor[] accumulators = new Tensor[0];
    private final Kernel kernel = new Kernel();

    /** @param epsilon ε, keeping the first steps finite, &gt; 0 */
    public AdaGrad(double epsilon) {
        this.epsilon = OptimizerState.positive("epsilon", epsilon);
    }

    @Override
    public void initialize(List<Parameter> parameters) {
        this.parameters = List.copyOf(parameters);
        this.accumulators = OptimizerState.zerosLike(this.parameters);
    }

    @Override
    public void step(double learningRate) {
        for (int p = 0; p < accumulators.length; p++) {
            Tensor value = parameters.get(p).value();
            Tensor gradient = parameters.get(p).gradient();
            Tensor accumulator = accumulators[p];
            if (kernel.stepFloats(value, gradient, accumulator, learningRate, epsilon)) {
                continue;
            }
            for (int i = 0; i < value.size(); i++) {
                double g = gradient.get(i);
                double sum = accumulator.get(i) + g * g;
                accumulator.set(i, sum);
                value.set(i, value.get(i) - learningRate * g / (Math.sqrt(sum) + epsilon));
            }
        }
    }

    /** The step on float arrays, in double and rounded once a value as the float64 path: the same bits. */
    private final class Kernel extends AdaptiveStep.OneState {
        @Override
        protected void moments(int start, int count, double[] numerators, double[] squares) {
            float[] sums = state;
            for (int j = 0; j < count; j++) {
                double gi = g[start + j];
                double sum = sums[start + j] + gi * gi;
                sums[start + j] = (float) sum;
                squares[j] = sum;
                numerators[j] = rate * gi;
            }
        }
    }

    @Override
    public Map<String, Tensor> state() {
        return OptimizerState.named("h", accumulators, OptimizerState.ordered());
    }
}
