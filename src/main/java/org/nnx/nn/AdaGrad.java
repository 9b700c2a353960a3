package org.nnx.nn;

/**
 * AdaGrad (Duchi et al., 2011), per parameter entry:
 * <pre>    G ← G + g²,   W ← W − η·g / (√G + ε)</pre>
 * with the accumulator {@code G} starting at 0 (as in PyTorch and the book; Keras starts it at 0.1) and ε
 * defaulting to Keras' 1e-7. Float32 parameters step in float, as PyTorch's do.
 */
public final class AdaGrad extends SquaredGradientSteps {
    /** Keras' default ε. */
    public static final double DEFAULT_EPSILON = 1e-7;

    /** @param epsilon ε, keeping the first steps finite, &gt; 0 */
    public AdaGrad(double epsilon) {
        super(1, 1, epsilon);
    }
}
