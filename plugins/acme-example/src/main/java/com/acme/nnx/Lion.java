package com.acme.nnx;

import java.util.ArrayList;
import java.util.List;
import org.nnx.spi.Optimizer;
import org.nnx.spi.Parameter;
import org.nnx.tensor.Tensor;

/**
 * The Lion optimizer (Chen et al. 2023, "Symbolic Discovery of Optimization Algorithms"). For each entry,
 * with gradient g and momentum m:
 * <pre>
 *     update = sign(β1·m + (1 − β1)·g) + λ·W      (λ only on parameters that decay: weights, not biases)
 *     W ← W − η·update
 *     m ← β2·m + (1 − β2)·g
 * </pre>
 * Every step moves each weight by ±η, so the learning rate must be small (1e-4 to 1e-3).
 */
public final class Lion implements Optimizer {
    private final double beta1;
    private final double beta2;
    private final double weightDecay;
    private final List<Parameter> parameters = new ArrayList<>();
    private final List<Tensor> momenta = new ArrayList<>();

    public Lion(double beta1, double beta2, double weightDecay) {
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.weightDecay = weightDecay;
    }

    @Override
    public void initialize(List<Parameter> parameters) {
        for (Parameter parameter : parameters) {
            Tensor value = parameter.value();
            this.parameters.add(parameter);
            momenta.add(Tensor.zeros(value.precision(), value.rows(), value.cols()));
        }
    }

    @Override
    public void step(double learningRate) {
        for (int p = 0; p < parameters.size(); p++) {
            Parameter parameter = parameters.get(p);
            Tensor value = parameter.value();
            Tensor gradient = parameter.gradient();
            Tensor momentum = momenta.get(p);
            double decay = parameter.decays() ? weightDecay : 0.0;
            for (int i = 0; i < value.size(); i++) {
                double g = gradient.get(i);
                double m = momentum.get(i);
                double w = value.get(i);
                double update = Math.signum(beta1 * m + (1 - beta1) * g) + decay * w;
                value.set(i, w - learningRate * update);
                momentum.set(i, beta2 * m + (1 - beta2) * g);
            }
        }
    }
}
