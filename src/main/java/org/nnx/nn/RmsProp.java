package org.nnx.nn;

import java.util.List;
import java.util.Map;
import org.nnx.spi.Optimizer;
import org.nnx.spi.Parameter;
import org.nnx.tensor.Tensor;

/**
 * RMSprop (Hinton's lecture notes), per parameter entry:
 * <pre>    s ← ρ·s + (1 − ρ)·g²,   W ← W − η·g / (√s + ε)</pre>
 * with {@code s} starting at 0, ρ the {@code decay} (default 0.99, the book's and PyTorch's) and ε defaulting
 * to Keras' 1e-7. No momentum, no centring.
 */
public final class RmsProp implements Optimizer {
    public static final double DEFAULT_DECAY = 0.99;
    /** Keras' default ε. */
    public static final double DEFAULT_EPSILON = 1e-7;

    private final double decay;
    private final double epsilon;
    private List<Parameter> parameters = List.of();
    private Tensor[] meanSquares = new Tensor[0];
    private final Kernel kernel = new Kernel();

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
        this.parameters = List.copyOf(parameters);
        this.meanSquares = OptimizerState.zerosLike(this.parameters);
    }

    @Override
    public void step(double learningRate) {
        for (int p = 0; p < meanSquares.length; p++) {
            Tensor value = parameters.get(p).value();
            Tensor gradient = parameters.get(p).gradient();
            Tensor meanSquare = meanSquares[p];
            if (kernel.stepFloats(value, gradient, meanSquare, learningRate, epsilon)) {
                continue;
            }
            for (int i = 0; i < value.size(); i++) {
                double g = gradient.get(i);
                double s = decay * meanSquare.get(i) + (1 - decay) * g * g;
                meanSquare.set(i, s);
                value.set(i, value.get(i) - learningRate * g / (Math.sqrt(s) + epsilon));
            }
        }
    }

    /** The step on float arrays, in double and rounded once a value as the float64 path: the same bits. */
    private final class Kernel extends AdaptiveStep.OneState {
        @Override
        protected void moments(int start, int count, double[] numerators, double[] squares) {
            float[] s = state;
            double rho = decay;
            for (int j = 0; j < count; j++) {
                double gi = g[start + j];
                double si = rho * s[start + j] + (1 - rho) * gi * gi;
                s[start + j] = (float) si;
                squares[j] = si;
                numerators[j] = rate * gi;
            }
        }
    }

    @Override
    public Map<String, Tensor> state() {
        return OptimizerState.named("h", meanSquares, OptimizerState.ordered());
    }
}
