package org.nnx.nn;

import java.util.List;
import java.util.Map;
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
 * {@code √(v / (1 − β₂ᵗ))} instead, which differs only while {@code √v} is comparable to ε. Float32 parameters
 * step in float, as PyTorch's do.
 */
public final class Adam extends OnePassSteps {
    public static final double DEFAULT_BETA1 = 0.9;
    public static final double DEFAULT_BETA2 = 0.999;
    /** Keras' default ε. */
    public static final double DEFAULT_EPSILON = 1e-7;

    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private long steps;

    /**
     * @param beta1   β₁, the decay of the mean of the gradients, in [0, 1)
     * @param beta2   β₂, the decay of the mean of their squares, in [0, 1)
     * @param epsilon ε, &gt; 0
     */
    public Adam(double beta1, double beta2, double epsilon) {
        super(2);
        this.beta1 = OptimizerState.fraction("beta1", beta1);
        this.beta2 = OptimizerState.fraction("beta2", beta2);
        this.epsilon = OptimizerState.positive("epsilon", epsilon);
    }

    @Override
    public void initialize(List<Parameter> parameters) {
        super.initialize(parameters);
        this.steps = 0;
    }

    /** Counts the step and returns its size, the bias corrections folded in. */
    @Override
    double beginStep(double learningRate) {
        steps++;
        return learningRate * Math.sqrt(1 - Math.pow(beta2, steps)) / (1 - Math.pow(beta1, steps));
    }

    @Override
    void scalarStep(int p, Tensor value, Tensor gradient, double stepSize) {
        Tensor first = state[0][p];
        Tensor second = state[1][p];
        for (int i = 0; i < value.size(); i++) {
            double g = gradient.get(i);
            double m = beta1 * first.get(i) + (1 - beta1) * g;
            double v = beta2 * second.get(i) + (1 - beta2) * g * g;
            first.set(i, m);
            second.set(i, v);
            descend(value, i, stepSize * m, v, epsilon);
        }
    }

    /**
     * The step in float, {@code m} in {@link #first} and {@code v} in {@link #second}, the step size in {@link #rate},
     * the {@code β}s, {@code 1 − β}s and ε rounded to float: a loop the JIT vectorizes.
     */
    private final class Pass extends FloatPass {
        @Override
        protected void update(int from, int to) {
            float[] m = first;
            float[] v = second;
            float b1 = (float) beta1;
            float b2 = (float) beta2;
            float keep1 = (float) (1 - beta1);
            float keep2 = (float) (1 - beta2);
            float eps = (float) epsilon;
            float s = rate;
            for (int i = from; i < to; i++) {
                float gi = g[i];
                m[i] = b1 * m[i] + keep1 * gi;
                v[i] = b2 * v[i] + keep2 * gi * gi;
                w[i] -= s * m[i] / ((float) Math.sqrt(v[i]) + eps);
            }
        }
    }

    /** The moments {@code m.<p>} and {@code v.<p>}, and the step count {@code steps} (1 × 1, for the bias correction). */
    @Override
    public Map<String, Tensor> state() {
        Map<String, Tensor> named = OptimizerState.named("m", state[0], OptimizerState.ordered());
        OptimizerState.named("v", state[1], named);
        named.put("steps", Tensor.wrap(1, 1, new double[] {steps}));
        return named;
    }

    @Override
    public void restoreState(Map<String, Tensor> saved) {
        super.restoreState(saved);
        steps = (long) saved.get("steps").get(0);
    }

    @Override
    FloatPass newPass() {
        return new Pass();
    }
}
