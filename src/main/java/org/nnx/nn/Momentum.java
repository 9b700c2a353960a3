package org.nnx.nn;

import java.util.Map;
import org.nnx.tensor.Tensor;

/**
 * Gradient descent with momentum, per parameter entry, the velocity {@code v} starting at 0:
 * <ul>
 *   <li>classical (Polyak's heavy ball): {@code v ← μ·v − η·g,  W ← W + v}. This is the form of Keras and the
 *       book; PyTorch's {@code v ← μ·v + g, W ← W − η·v} takes the same steps as long as η is constant.</li>
 *   <li>Nesterov, in the form Keras and PyTorch use ({@code SGD(nesterov=True)}):
 *       {@code v ← μ·v − η·g,  W ← W + μ·v − η·g}. It is Sutskever et al.'s reformulation that tracks the
 *       look-ahead point, so the gradient is taken where the parameters are, not at {@code W + μ·v}.
 *       PyTorch writes it {@code b ← μ·b + g, W ← W − η·(g + μ·b)}: the same steps with {@code v = −η·b}.</li>
 * </ul>
 * Float32 parameters step in float, as PyTorch's do: {@code μ}, {@code η} and each product rounded to float.
 */
public final class Momentum extends OnePassSteps {
    private final double momentum;
    private final boolean nesterov;

    /** Classical momentum. @param momentum μ, the fraction of the velocity kept from step to step, in [0, 1) */
    public Momentum(double momentum) {
        this(momentum, false);
    }

    /** @param nesterov whether to step to the look-ahead point, as Nesterov's accelerated gradient does */
    public Momentum(double momentum, boolean nesterov) {
        super(1);
        this.momentum = OptimizerState.fraction("momentum", momentum);
        this.nesterov = nesterov;
    }

    @Override
    void scalarStep(int p, Tensor value, Tensor gradient, double rate) {
        Tensor velocity = state[0][p];
        for (int i = 0; i < value.size(); i++) {
            double g = gradient.get(i);
            double v = momentum * velocity.get(i) - rate * g;
            velocity.set(i, v);
            value.set(i, value.get(i) + (nesterov ? momentum * v - rate * g : v));
        }
    }

    /** The step in float, the velocity in {@link #first}: a loop of floats alone, which the JIT vectorizes. */
    private final class Pass extends FloatPass {
        @Override
        protected void update(int from, int to) {
            float[] v = first;
            float m = (float) momentum;
            float r = rate;
            if (nesterov) {
                for (int i = from; i < to; i++) {
                    float gi = g[i];
                    float vi = m * v[i] - r * gi;
                    v[i] = vi;
                    w[i] += m * vi - r * gi;
                }
            } else {
                for (int i = from; i < to; i++) {
                    float vi = m * v[i] - r * g[i];
                    v[i] = vi;
                    w[i] += vi;
                }
            }
        }
    }

    @Override
    FloatPass newPass() {
        return new Pass();
    }

    @Override
    public Map<String, Tensor> state() {
        return OptimizerState.named("velocity", state[0], OptimizerState.ordered());
    }
}
