package org.nnx.nn;

import java.util.Map;
import org.nnx.tensor.Tensor;

/**
 * The step of AdaGrad and RMSprop, per parameter entry: {@code h ← keep·h + added·g²,  W ← W − η·g / (√h + ε)}.
 * AdaGrad's sum is {@code keep = added = 1}, where each product by 1 is exact, so both take their own steps to the
 * bit. The state {@code h} starts at 0; float32 parameters step in float, as PyTorch's do.
 */
abstract class SquaredGradientSteps extends OnePassSteps {
    private final double keep;
    private final double added;
    private final double epsilon;

    SquaredGradientSteps(double keep, double added, double epsilon) {
        super(1);
        this.keep = keep;
        this.added = added;
        this.epsilon = OptimizerState.positive("epsilon", epsilon);
    }

    /** The step in float, {@code h} in {@link #first}, every hyperparameter rounded to float. */
    private final class Pass extends FloatPass {
        @Override
        protected void update(int from, int to) {
            float[] h = first;
            float kept = (float) keep;
            float fresh = (float) added;
            float eps = (float) epsilon;
            float r = rate;
            for (int i = from; i < to; i++) {
                float gi = g[i];
                h[i] = kept * h[i] + fresh * gi * gi;
                w[i] -= r * gi / ((float) Math.sqrt(h[i]) + eps);
            }
        }
    }

    @Override
    void scalarStep(int p, Tensor value, Tensor gradient, double rate) {
        Tensor h = state[0][p];
        for (int i = 0; i < value.size(); i++) {
            double g = gradient.get(i);
            // In double until the end: h may be float32 (a float32 value with a float64 gradient).
            double hi = keep * h.get(i) + added * g * g;
            h.set(i, hi);
            descend(value, i, rate * g, hi, epsilon);
        }
    }

    @Override
    public Map<String, Tensor> state() {
        return OptimizerState.named("h", state[0], OptimizerState.ordered());
    }

    @Override
    FloatPass newPass() {
        return new Pass();
    }
}
