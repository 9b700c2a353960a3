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
    private Tensor[] firstMoments = new Tensor[0];
    private Tensor[] secondMoments = new Tensor[0];
    private long steps;
    private double stepSize;
    private final Pass pass = new Pass();

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
        super.initialize(parameters);
        this.firstMoments = OptimizerState.zerosLike(this.parameters);
        this.secondMoments = OptimizerState.zerosLike(this.parameters);
        this.steps = 0;
    }

    @Override
    void beginStep(double learningRate) {
        steps++;
        stepSize = learningRate * Math.sqrt(1 - Math.pow(beta2, steps)) / (1 - Math.pow(beta1, steps));
    }

    @Override
    FloatPass floatPass(int p, double learningRate) {
        pass.m = firstMoments[p].floats();
        pass.v = secondMoments[p].floats();
        pass.b1 = (float) beta1;
        pass.b2 = (float) beta2;
        pass.c1 = (float) (1 - beta1);
        pass.c2 = (float) (1 - beta2);
        pass.stepSize = (float) stepSize;
        pass.epsilon = (float) epsilon;
        return pass;
    }

    @Override
    void scalarStep(int p, Tensor value, Tensor gradient, double learningRate) {
        Tensor first = firstMoments[p];
        Tensor second = secondMoments[p];
        for (int i = 0; i < value.size(); i++) {
            double g = gradient.get(i);
            double m = beta1 * first.get(i) + (1 - beta1) * g;
            double v = beta2 * second.get(i) + (1 - beta2) * g * g;
            first.set(i, m);
            second.set(i, v);
            value.set(i, value.get(i) - stepSize * m / (Math.sqrt(v) + epsilon));
        }
    }

    /** The step in float, {@code β}s, {@code 1 − β}s, step size and ε rounded to float: a loop the JIT vectorizes. */
    private static final class Pass extends FloatPass {
        float[] m;
        float[] v;
        float b1;
        float b2;
        float c1;
        float c2;
        float stepSize;
        float epsilon;

        @Override
        protected void update(int from, int to) {
            float beta1 = b1;
            float beta2 = b2;
            float keep1 = c1;
            float keep2 = c2;
            float s = stepSize;
            float eps = epsilon;
            for (int i = from; i < to; i++) {
                float gi = g[i];
                float mi = beta1 * m[i] + keep1 * gi;
                float vi = beta2 * v[i] + keep2 * gi * gi;
                m[i] = mi;
                v[i] = vi;
                w[i] -= s * mi / ((float) Math.sqrt(vi) + eps);
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
        super.restoreState(saved);
        steps = (long) saved.get("steps").get(0);
    }
}
