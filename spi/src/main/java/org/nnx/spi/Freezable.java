package org.nnx.spi;

/**
 * A layer whose training forward is not a pure function of its input and parameters: dropout draws a fresh
 * mask on every call, batch normalization moves its running statistics.
 *
 * <p>Central differences evaluate one training step's objective many times, and need the same function each
 * time, or the differences measure the noise. While frozen, a training forward repeats the random choices of
 * the last unfrozen training forward (or of the layer its state was copied from) and updates no running
 * statistics; evaluation forwards are unaffected. The trainer freezes the layers of the float64 network a
 * {@code gradient check} runs on, and of the replicas that {@code gradient numerical} perturbs.
 */
public interface Freezable extends Layer {

    /** Freezes ({@code true}) or releases ({@code false}) the layer's training forward. */
    void freeze(boolean frozen);

    /**
     * Takes over the state a frozen training forward repeats (dropout's mask) from {@code source}, a layer of
     * the same class built from the same arguments; a no-op for layers that repeat nothing.
     *
     * @throws IllegalArgumentException if {@code source} is not of this layer's class
     */
    void copyFrozenState(Freezable source);
}
