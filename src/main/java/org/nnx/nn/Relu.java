package org.nnx.nn;

import org.nnx.spi.Layer;
import org.nnx.tensor.Tensor;

/**
 * The rectified linear unit {@code y = max(0, x)}, element by element. Backward passes {@code dy} where the
 * input was positive and 0 elsewhere (the derivative at exactly 0 is taken as 0); it reads the sign from the
 * cached output, which is positive exactly where the input was.
 */
public final class Relu implements Layer {
    private Tensor output;
    private Tensor inputGradient;

    public Relu() {
    }

    @Override
    public Tensor forward(Tensor input, boolean training) {
        output = Tensor.reuseOrAllocate(output, input.precision(), input.rows(), input.cols());
        if (input.isFloat()) {
            // Training's path: a plain float loop the JIT vectorizes (the generic one costs 5× on wide layers).
            float[] x = input.floats();
            float[] y = output.floats();
            for (int i = 0; i < x.length; i++) {
                y[i] = Math.max(x[i], 0f);
            }
            return output;
        }
        for (int i = 0; i < input.size(); i++) {
            double x = input.get(i);
            output.set(i, x > 0 ? x : 0.0);
        }
        return output;
    }

    @Override
    public Tensor backward(Tensor outputGradient) {
        Activations.checkBackward(output, outputGradient);
        inputGradient = Tensor.reuseOrAllocate(inputGradient, output.precision(), output.rows(), output.cols());
        if (output.isFloat() && outputGradient.isFloat()) {
            float[] y = output.floats();
            float[] dy = outputGradient.floats();
            float[] dx = inputGradient.floats();
            for (int i = 0; i < y.length; i++) {
                dx[i] = y[i] > 0f ? dy[i] : 0f;
            }
            return inputGradient;
        }
        for (int i = 0; i < output.size(); i++) {
            inputGradient.set(i, output.get(i) > 0 ? outputGradient.get(i) : 0.0);
        }
        return inputGradient;
    }
}
