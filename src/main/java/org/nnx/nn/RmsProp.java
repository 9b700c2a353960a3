package org.nnx.nn;

/**
 * RMSprop (Hinton's lecture notes), per parameter entry:
 * <pre>    s ← ρ·s + (1 − ρ)·g²,   W ← W − η·g / (√s + ε)</pre>
 * with {@code s} starting at 0, ρ the {@code decay} (default 0.99, the book's and PyTorch's) and ε defaulting
 * to Keras' 1e-7. No momentum, no centring. Float32 parameters step in float, as PyTorch's do.
 */
public final class RmsProp extends SquaredGradientSteps {
    public static final double DEFAULT_DECAY = 0.99;
    /** Keras' default ε. */
    public static final double DEFAULT_EPSILON = 1e-7;

    /**
     * @param decay   ρ, the fraction of the mean square kept from step to step, in [0, 1)
     * @param epsilon ε, &gt; 0
     */
    public RmsProp(double decay, double epsilon) {
        super(OptimizerState.fraction("decay", decay), 1 - decay, epsilon);
    }
}
