package org.nnx.nn;

import java.util.List;
import org.nnx.spi.Optimizer;
import org.nnx.spi.Parameter;
import org.nnx.tensor.Tensor;

/**
 * Gradient descent with momentum (Polyak's heavy ball), per parameter entry:
 * <pre>    v ← μ·v − η·g,   W ← W + v</pre>
 * with the velocity {@code v} starting at 0. This is the form of Keras and the book; PyTorch's
 * {@code v ← μ·v + g, W ← W − η·v} takes the same steps as long as η is constant.
 */
public final class Momentum implements Optimizer {
    private final double momentum;
    private List<Parameter> parameters = List.of();
    private Tensor[] velocities = new Tensor[0];

    /** @param momentum μ, the fraction of the velocity kept from step to step, in [0, 1) */
    public Momentum(double momentum) {
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
                double v = momentum * velocity.get(i) - learningRate * gradient.get(i);
                velocity.set(i, v);
                value.set(i, value.get(i) + v);
            }
        }
    }
}
