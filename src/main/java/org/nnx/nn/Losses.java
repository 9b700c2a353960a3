package org.nnx.nn;

import org.nnx.tensor.Tensor;

/** Checks shared by the losses. */
final class Losses {
    private Losses() {}

    static void checkShapes(Tensor output, Tensor targets) {
        if (output.rows() != targets.rows() || output.cols() != targets.cols()) {
            throw new IllegalArgumentException("targets " + targets.shape() + " for output " + output.shape());
        }
    }
}
