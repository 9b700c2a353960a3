package org.nnx.nn;

import java.util.List;
import java.util.Map;
import org.nnx.spi.Parameter;
import org.nnx.tensor.Tensor;

/**
 * RMSprop (Hinton's lecture notes), per parameter entry:
 * <pre>    s ← ρ·s + (1 − ρ)·g²,   W ← W − η·g / (√s + ε)</pre>
 * with {@code s} starting at 0, ρ the {@code decay} (default 0.99, the book's and PyTorch's) and ε defaulting
 * to Keras' 1e-7. No momentum, no centring. Float32 parameters step in float, as PyTorch's do.
 */
public final class RmsProp extends OnePassSteps {
    public static final double DEFAULT_DECAY = 0.99;
    /** Keras' default ε. */
    public static final double DEFAULT_EPSILON = 1e-7;

    private final double decay;
    private final double epsilon;
    private Tensor[] meanSquares = new Tensor[0];
    private final Pass pass = new Pass();

    /**
     * @param decay   ρ, the fraction of the mean square kept from step to step, in [0, 1)
     * @param epsilon ε, &gt; 0
     */
    public RmsProp(double decay, double epsilon) {
        this.decay = OptimizerState.fraction("decay", decay);
        this.epsilon = OptimizerState.positive("epsilon", epsilon);
    }

    @Override
    public void initialize(List<Parameter> parameters) {
        super.initialize(parameters);
        this.meanSquares = OptimizerState.zerosLike(this.parameters);
    }

    @Override
    FloatPass floatPass(int p, double learningRate) {
        pass.state = meanSquares[p].floats();
        pass.rate = (float) learningRate;
        pass.epsilon = (float) epsilon;
        pass.keep = (float) decay;
        pass.added = (float) (1 - decay);
        return pass;
    }

    @Override
    void scalarStep(int p, Tensor value, Tensor gradient, double learningRate) {
        Tensor meanSquare = meanSquares[p];
        for (int i = 0; i < value.size(); i++) {
            double g = gradient.get(i);
            double s = decay * meanSquare.get(i) + (1 - decay) * g * g;
            meanSquare.set(i, s);
            value.set(i, value.get(i) - learningRate * g / (Math.sqrt(s) + epsilon));
        }
    }

    /** The step in float, η and ε rounded to float: a loop of floats alone, which the JIT vectorizes. */
    private static final class Pass extends FloatPass {
        float[] state;
        float rate;
        float epsilon;
        float keep;
        float added;

        @Override
        protected void update(int from, int to) {
            float[] s = state;
            float r = rate;
            float eps = epsilon;
            float rho = keep;
            float fresh = added;
            for (int i = from; i < to; i++) {
                float gi = g[i];
                float si = rho * s[i] + fresh * gi * gi;
                s[i] = si;
                w[i] -= r * gi / ((float) Math.sqrt(si) + eps);
            }
        }
    }

    @Override
    public Map<String, Tensor> state() {
        return OptimizerState.named("h", meanSquares, OptimizerState.ordered());
    }
}
