package org.nnx.nn;

import java.util.List;
import java.util.Map;
import org.nnx.spi.Parameter;
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
    private Tensor[] velocities = new Tensor[0];
    private final Pass pass = new Pass();

    /** Classical momentum. @param momentum μ, the fraction of the velocity kept from step to step, in [0, 1) */
    public Momentum(double momentum) {
        this(momentum, false);
    }

    /** @param nesterov whether to step to the look-ahead point, as Nesterov's accelerated gradient does */
    public Momentum(double momentum, boolean nesterov) {
        this.momentum = OptimizerState.fraction("momentum", momentum);
        this.nesterov = nesterov;
    }

    @Override
    public void initialize(List<Parameter> parameters) {
        super.initialize(parameters);
        this.velocities = OptimizerState.zerosLike(this.parameters);
    }

    @Override
    FloatPass floatPass(int p, double learningRate) {
        pass.v = velocities[p].floats();
        pass.mu = (float) momentum;
        pass.rate = (float) learningRate;
        return pass;
    }

    @Override
    void scalarStep(int p, Tensor value, Tensor gradient, double learningRate) {
        Tensor velocity = velocities[p];
        for (int i = 0; i < value.size(); i++) {
            double g = gradient.get(i);
            double v = momentum * velocity.get(i) - learningRate * g;
            velocity.set(i, v);
            value.set(i, value.get(i) + (nesterov ? momentum * v - learningRate * g : v));
        }
    }

    /** The step in float: a loop of floats alone, which the JIT vectorizes. */
    private final class Pass extends FloatPass {
        float[] v;
        float mu;
        float rate;

        @Override
        protected void update(int from, int to) {
            float m = mu;
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
    public Map<String, Tensor> state() {
        return OptimizerState.named("velocity", velocities, OptimizerState.ordered());
    }
}
