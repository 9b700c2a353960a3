package org.nnx.spi;

/**
 * An optimizer whose {@link #step} is exactly {@code W ← W − η·dW} for every parameter, and that keeps no state
 * from one step to the next: plain stochastic gradient descent.
 *
 * <p>Such a step needs nothing but the current batch's gradient, so the layers can take it themselves while
 * they compute that gradient ({@link DescendsInBackward}). nnx does so when every layer with parameters can, no
 * {@code weight_decay} is set and the gradients come from backprop; it then never calls {@link #step}, and the
 * run must train as if it had. An optimizer may implement this only if its step is that update and nothing
 * more: no momentum, no schedule, no clipping, no step counter.
 */
public interface PlainGradientDescent extends Optimizer {}
