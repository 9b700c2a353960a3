package org.nnx.train;

/**
 * How one parameter tensor is learning at an evaluation.
 *
 * @param tensor       the tensor's name, {@code <layer position>:<layer name>.<parameter>}, e.g. {@code 1:dense.W}
 * @param gradientNorm the L2 norm of the gradient of the last mini-batch's step (with the {@code weight_decay}
 *                     term, as the step used it)
 * @param weightChange ‖W − W′‖ / ‖W′‖, W′ the tensor at the evaluation before (at the first, its initial
 *                     values); NaN when W′ is all zeros
 */
public record TensorDiagnostics(String tensor, double gradientNorm, double weightChange) {}
