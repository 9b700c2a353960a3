package org.nnx.nn;

import org.nnx.tensor.Tensor;

/** Checks shared by the element-wise activation layers. */
final class Activations {
    private Activations() {
    }

    /** Fails unless a forward has run and {@code outputGradient} has the shape of its output. */
    static void checkBackward(Tensor output, Tensor outputGradient) {
        if (output == null) {
            throw new IllegalStateException("backward before forward");
        }
        if (outputGradient.rows() != output.rows() || outputGradient.cols() != output.cols()) {
            throw new IllegalArgumentException("output gradient " + outputGradient.shape() + " for output "
                    + output.shape());
        }
    }
}
