package org.nnx.nn;

import java.util.List;
import java.util.Map;
import org.nnx.spi.Parameter;
import org.nnx.tensor.Tensor;

/**
 * AdaGrad (Duchi et al., 2011), per parameter entry:
 * <pre>    G ← G + g²,   W ← W − η·g / (√G + ε)</pre>
 * with the accumulator {@code G} starting at 0 (as in PyTorch and the book; Keras starts it at 0.1) and ε
 * defaulting to Keras' 1e-7. Float32 parameters step in float, as PyTorch's do.
 */
public final class AdaGrad extends OnePassSteps {
    /** Keras' default ε. */
    public static final double DEFAULT_EPSILON = 1e-7;

    private final double epsilon;
    private Tensor[] accumulators = new Tensor[0];
    private final Pass pass = new Pass();

    /** @param epsilon ε, keeping the first steps finite, &gt; 0 */
    public AdaGrad(double epsilon) {
        this.epsilon = OptimizerState.positive("epsilon", epsilon);
    }

    @Override
    public void initialize(List<Parameter> parameters) {
        super.initialize(parameters);
        this.accumulators = OptimizerState.zerosLike(this.parameters);
    }

    @Override
    FloatPass floatPass(int p, double learningRate) {
        pass.state = accumulators[p].floats();
        pass.rate = (float) learningRate;
        pass.epsilon = (float) epsilon;
        return pass;
    }

    @Override
    void scalarStep(int p, Tensor value, Tensor gradient, double learningRate) {
        Tensor accumulator = accumulators[p];
        for (int i = 0; i < value.size(); i++) {
            double g = gradient.get(i);
            double sum = accumulator.get(i) + g * g;
            accumulator.set(i, sum);
            value.set(i, value.get(i) - learningRate * g / (Math.sqrt(sum) + epsilon));
        }
    }

    /** The step in float, η and ε rounded to float: a loop of floats alone, which the JIT vectorizes. */
    private static final class Pass extends FloatPass {
        float[] state;
        float rate;
        float epsilon;

        @Override
        protected void update(int from, int to) {
            float[] sums = state;
            float r = rate;
            float eps = epsilon;
            for (int i = from; i < to; i++) {
                float gi = g[i];
                float sum = sums[i] + gi * gi;
                sums[i] = sum;
                w[i] -= r * gi / ((float) Math.sqrt(sum) + eps);
            }
        }
    }

    @Override
    public Map<String, Tensor> state() {
        return OptimizerState.named("h", accumulators, OptimizerState.ordered());
    }
}
