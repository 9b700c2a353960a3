package org.nnx.nn;

import org.nnx.spi.Layer;
import org.nnx.tensor.Tensor;

/** The hyperbolic tangent {@code y = tanh(x)}, element by element; backward {@code dx = dy · (1 − y²)}. */
public final class Tanh implements Layer {
    private Tensor output;
    private Tensor inputGradient;

    public Tanh() {}

    @Override
    public Tensor forward(Tensor input, boolean training) {
        output = Tensor.reuseOrAllocate(output, input.precision(), input.rows(), input.cols());
        for (int i = 0; i < input.size(); i++) {
            output.set(i, Math.tanh(input.get(i)));
        }
        return output;
    }

    @Override
    public Tensor backward(Tensor outputGradient) {
        Activations.checkBackward(output, outputGradient);
        inputGradient = Tensor.reuseOrAllocate(inputGradient, output.precision(), output.rows(), output.cols());
        for (int i = 0; i < output.size(); i++) {
            double y = output.get(i);
            inputGradient.set(i, outputGradient.get(i) * (1.0 - y * y));
        }
        return inputGradient;
    }
}
