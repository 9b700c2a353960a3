package org.nnx.nn;

import java.util.List;
import java.util.Map;
import org.nnx.spi.Optimizer;
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
 */
public final class Momentum implements Optimizer {
    private final double momentum;
    private final boolean nesterov;
    private List<Parameter> parameters = List.of();
    private Tensor[] velocities = new Tensor[0];
    private final Kernel kernel = new Kernel();

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
        this.parameters = List.copyOf(parameters);
        this.velocities = OptimizerState.zerosLike(this.parameters);
    }

    @Override
    public void step(double learningRate) {
        for (int p = 0; p < velocities.length; p++) {
            Tensor value = parameters.get(p).value();
            Tensor gradient = parameters.get(p).gradient();
            Tensor velocity = velocities[p];
            if (kernel.stepFloats(value, gradient, velocity, learningRate)) {
                continue;
            }
            for (int i = 0; i < value.size(); i++) {
                double g = gradient.get(i);
                double v = momentum * velocity.get(i) - learningRate * g;
                velocity.set(i, v);
                value.set(i, value.get(i) + (nesterov ? momentum * v - learningRate * g : v));
            }
        }
    }

    /**
     * The step on float arrays, in double and rounded once a value as the float64 path computes it: the same bits
     * element by element, on one core or many.
     */
    private final class Kernel extends OptimizerState.OneStateKernel {
        @Override
        protected void range(int from, int to) {
            float[] v = state;
            double mu = momentum;
            if (nesterov) {
                for (int i = from; i < to; i++) {
                    double gi = g[i];
                    double vi = mu * v[i] - rate * gi;
                    v[i] = (float) vi;
                    w[i] = (float) (w[i] + (mu * vi - rate * gi));
                }
            } else {
                for (int i = from; i < to; i++) {
                    double vi = mu * v[i] - rate * g[i];
                    v[i] = (float) vi;
                    w[i] = (float) (w[i] + vi);
                }
            }
        }
    }

    @Override
    public Map<String, Tensor> state() {
        return OptimizerState.named("velocity", velocities, OptimizerState.ordered());
    }
}
