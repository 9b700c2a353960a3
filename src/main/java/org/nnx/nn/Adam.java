package org.nnx.nn;

import java.util.List;
import java.util.Map;
import org.nnx.spi.Optimizer;
import org.nnx.spi.Parameter;
import org.nnx.tensor.Tensor;

/**
 * Adam (Kingma and Ba, 2015), per parameter entry at step {@code t = 1, 2, …}:
 * <pre>    m ← β₁·m + (1 − β₁)·g
 *    v ← β₂·v + (1 − β₂)·g²
 *    η_t = η · √(1 − β₂ᵗ) / (1 − β₁ᵗ)
 *    W ← W − η_t · m / (√v + ε)</pre>
 * with {@code m} and {@code v} starting at 0. The bias correction is folded into the step size, as in Section 2
 * of the paper, Keras and the book, so ε is added to the uncorrected {@code √v}; PyTorch adds it to
 * {@code √(v / (1 − β₂ᵗ))} instead, which differs only while {@code √v} is comparable to ε.
 */
public final class Adam implements Optimizer {
    public static final double DEFAULT_BETA1 = 0.9;
    public static final double DEFAULT_BETA2 = 0.999;
    /** Keras' default ε. */
    public static final double DEFAULT_EPSILON = 1e-7;

    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private List<Parameter> parameters = List.of();
    private Tensor[] firstMoments = new Tensor[0];
    private Tensor[] secondMoments = new Tensor[0];
    private long steps;
    private final Kernel kernel = new Kernel();

    /**
     * @param beta1   β₁, the decay of the mean of the gradients, in [0, 1)
     * @param beta2   β₂, the decay of the mean of their squares, in [0, 1)
     * @param epsilon ε, &gt; 0
     */
    public Adam(double beta1, double beta2, double epsilon) {
        this.beta1 = OptimizerState.fraction("beta1", beta1);
        this.beta2 = OptimizerState.fraction("beta2", beta2);
        this.epsilon = OptimizerState.positive("epsilon", epsilon);
    }

    @Override
    public void initialize(List<Parameter> parameters) {
        this.parameters = List.copyOf(parameters);
        this.firstMoments = OptimizerState.zerosLike(this.parameters);
        this.secondMoments = OptimizerState.zerosLike(this.parameters);
        this.steps = 0;
    }

    @Override
    public void step(double learningRate) {
        steps++;
        double stepSize = learningRate * Math.sqrt(1 - Math.pow(beta2, steps)) / (1 - Math.pow(beta1, steps));
        for (int p = 0; p < firstMoments.length; p++) {
            Tensor value = parameters.get(p).value();
            Tensor gradient = parameters.get(p).gradient();
            Tensor first = firstMoments[p];
            Tensor second = secondMoments[p];
            if (value.isFloat() && gradient.isFloat()) {
                kernel.w = value.floats();
                kernel.epsilon = epsilon;
                kernel.g = gradient.floats();
                kernel.m = first.floats();
                kernel.v = second.floats();
                kernel.stepSize = stepSize;
                kernel.loop(kernel.w.length);
                continue;
            }
            for (int i = 0; i < value.size(); i++) {
                double g = gradient.get(i);
                double m = beta1 * first.get(i) + (1 - beta1) * g;
                double v = beta2 * second.get(i) + (1 - beta2) * g * g;
                first.set(i, m);
                second.set(i, v);
                value.set(i, value.get(i) - stepSize * m / (Math.sqrt(v) + epsilon));
            }
        }
    }

    /** The step on float arrays, in double and rounded once a value as the float64 path: the same bits. */
    private final class Kernel extends AdaptiveStep {
        float[] g;
        float[] m;
        float[] v;
        double stepSize;

        @Override
        protected void moments(int start, int count, double[] numerators, double[] squares) {
            double b1 = beta1;
            double b2 = beta2;
            for (int j = 0; j < count; j++) {
                double gi = g[start + j];
                double mi = b1 * m[start + j] + (1 - b1) * gi;
                double vi = b2 * v[start + j] + (1 - b2) * gi * gi;
                m[start + j] = (float) mi;
                v[start + j] = (float) vi;
                squares[j] = vi;
                numerators[j] = stepSize * mi;
            }
        }
    }

    /** The moments {@code m.<p>} and {@code v.<p>}, and the step count {@code steps} (1 × 1, for the bias correction). */
    @Override
    public Map<String, Tensor> state() {
        Map<String, Tensor> state = OptimizerState.named("m", firstMoments, OptimizerState.ordered());
        OptimizerState.named("v", secondMoments, state);
        state.put("steps", Tensor.wrap(1, 1, new double[] {steps}));
        return state;
    }

    @Override
    public void restoreState(Map<String, Tensor> saved) {
        Optimizer.super.restoreState(saved);
        steps = (long) saved.get("steps").get(0);
    }
}
