package org.nnx.nn;

import java.util.List;
import org.nnx.spi.Optimizer;
import org.nnx.spi.Parameter;
import org.nnx.tensor.Tensor;

/**
 * Nesterov's accelerated gradient in the form Keras ({@code SGD(nesterov=True)}) and PyTorch
 * ({@code SGD(nesterov=True)}) use, per parameter entry:
 * <pre>    v ← μ·v − η·g,   W ← W + μ·v − η·g</pre>
 * with {@code v} starting at 0 and {@code g} the gradient at the current {@code W}. It is Sutskever et al.'s
 * reformulation of Nesterov momentum that tracks the look-ahead point, so that the gradient is taken where the
 * parameters are, not at {@code W + μ·v}. PyTorch writes it as {@code b ← μ·b + g, W ← W − η·(g + μ·b)}, the
 * same steps with {@code v = −η·b} while η is constant.
 */
public final class Nesterov implements Optimizer {
    private final double momentum;
    private List<Parameter> parameters = List.of();
    private Tensor[] velocities = new Tensor[0];

    /** @param momentum μ, the fraction of the velocity kept from step to step, in [0, 1) */
    public Nesterov(double momentum) {
        this.momentum = OptimizerState.fraction("momentum", momentum);
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
            for (int i = 0; i < value.size(); i++) {
                double g = gradient.get(i);
                double v = momentum * velocity.get(i) - learningRate * g;
                velocity.set(i, v);
                value.set(i, value.get(i) + momentum * v - learningRate * g);
            }
        }
    }
}
