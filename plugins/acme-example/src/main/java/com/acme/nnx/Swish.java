package com.acme.nnx;

import org.nnx.spi.Layer;
import org.nnx.tensor.Tensor;

/**
 * The swish activation {@code y = x·σ(βx)}, element by element. Backward uses the cached gate
 * {@code s = σ(βx)} and output: {@code dy/dx = s + β·y·(1 − s)}.
 */
public final class Swish implements Layer {
    private final double beta;
    private Tensor gate;
    private Tensor output;
    private Tensor inputGradient;

    public Swish(double beta) {
        this.beta = beta;
    }

    @Override
    public Tensor forward(Tensor input, boolean training) {
        // Reuse the tensors while the batch shape stays: a training step should allocate nothing.
        gate = Tensor.reuseOrAllocate(gate, input.precision(), input.rows(), input.cols());
        output = Tensor.reuseOrAllocate(output, input.precision(), input.rows(), input.cols());
        for (int i = 0; i < input.size(); i++) {
            double x = input.get(i);
            double s = 1.0 / (1.0 + Math.exp(-beta * x));
            gate.set(i, s);
            output.set(i, x * s);
        }
        return output;
    }

    @Override
    public Tensor backward(Tensor outputGradient) {
        inputGradient = Tensor.reuseOrAllocate(inputGradient, output.precision(), output.rows(), output.cols());
        for (int i = 0; i < output.size(); i++) {
            double s = gate.get(i);
            double y = output.get(i);
            inputGradient.set(i, outputGradient.get(i) * (s + beta * y * (1.0 - s)));
        }
        return inputGradient;
    }
}
