package org.nnx.train;

import java.util.ArrayList;
import java.util.List;
import org.nnx.spi.Parameter;
import org.nnx.tensor.SplitLoop;
import org.nnx.tensor.Tensor;

/**
 * {@code weight_decay λ}: the L2 penalty {@code λ/2 · Σ‖W‖²} over the parameters that {@link Parameter#decays()
 * decay} (weights, not biases), added to the loss, and its gradient {@code λ·W} added to theirs. Kept apart
 * from the optimizers so that every optimizer, built-in or plugin, gets the same penalty; an optimizer that takes
 * the decay into its own pass ({@link org.nnx.spi.OnePassOptimizer}) is handed {@link #lambda()} instead.
 */
final class WeightDecay {
    private final double lambda;
    private final List<Parameter> decaying;
    private final AddDecay addDecay = new AddDecay();

    WeightDecay(double lambda, List<Parameter> parameters) {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("weight_decay must be finite and ≥ 0: " + lambda);
        }
        this.lambda = lambda;
        List<Parameter> decaying = new ArrayList<>();
        for (Parameter parameter : parameters) {
            if (parameter.decays()) {
                decaying.add(parameter);
            }
        }
        this.decaying = List.copyOf(decaying);
    }

    /** λ, 0 without decay. */
    double lambda() {
        return lambda;
    }

    /** {@code λ/2 · Σ‖W‖²} at the current values; 0 without decay. */
    double penalty() {
        if (lambda == 0) {
            return 0;
        }
        double sum = 0;
        // Indexed loops here and below: no iterator per step.
        for (int p = 0; p < decaying.size(); p++) {
            Tensor value = decaying.get(p).value();
            if (value.isFloat()) {
                // In order, in double: the sum's bits do not depend on the cores.
                float[] w = value.floats();
                for (int i = 0; i < w.length; i++) {
                    double v = w[i];
                    sum += v * v;
                }
                continue;
            }
            for (int i = 0; i < value.size(); i++) {
                double w = value.get(i);
                sum += w * w;
            }
        }
        return 0.5 * lambda * sum;
    }

    /** Adds {@code λ·W} into each decaying parameter's gradient. */
    void addGradients() {
        if (lambda == 0) {
            return;
        }
        for (int p = 0; p < decaying.size(); p++) {
            Tensor value = decaying.get(p).value();
            Tensor gradient = decaying.get(p).gradient();
            if (value.isFloat() && gradient.isFloat()) {
                addDecay.w = value.floats();
                addDecay.g = gradient.floats();
                addDecay.lambda = lambda;
                addDecay.loop(addDecay.w.length);
                continue;
            }
            for (int i = 0; i < value.size(); i++) {
                gradient.add(i, lambda * value.get(i));
            }
        }
    }

    /** {@code g += λ·w} on float arrays, the product in double and rounded once, as {@link Tensor#add} does. */
    private static final class AddDecay extends SplitLoop {
        float[] w;
        float[] g;
        double lambda;

        @Override
        protected void range(int from, int to) {
            for (int i = from; i < to; i++) {
                g[i] += (float) (lambda * w[i]);
            }
        }
    }
}
