package org.nnx.nn;

import org.nnx.spi.PlainGradientDescent;
import org.nnx.tensor.Tensor;

/**
 * Plain stochastic gradient descent: {@code value −= learningRate · gradient} for every parameter. It keeps
 * no state. With {@code weight_decay}, the trainer hands it the decay and it adds {@code λ·W} in its own pass
 * ({@link org.nnx.spi.OnePassOptimizer}). Float32 parameters step in float. Being a
 * {@link PlainGradientDescent}, its step may be taken inside the layers' backward instead.
 */
public final class Sgd extends OnePassSteps implements PlainGradientDescent {

    public Sgd() {
        super(0);
    }

    @Override
    void scalarStep(int p, Tensor value, Tensor gradient, double rate) {
        for (int i = 0; i < value.size(); i++) {
            value.set(i, value.get(i) - rate * gradient.get(i));
        }
    }

    /** {@code w −= rate · g}, element by element. */
    private static final class Pass extends FloatPass {
        @Override
        protected void update(int from, int to) {
            float r = rate;
            for (int i = from; i < to; i++) {
                w[i] -= r * g[i];
            }
        }
    }

    @Override
    FloatPass newPass() {
        return new Pass();
    }
}
