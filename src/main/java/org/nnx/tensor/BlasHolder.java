package org.nnx.tensor;

/**
 * Holds the process-wide BLAS backend (the pure-Java one unless start-up chose another), and the one a
 * thread uses instead while it trains a run on two cores.
 */
final class BlasHolder {
    static volatile Blas current = new JavaBlas();
    static final ThreadLocal<Blas> onThisThread = new ThreadLocal<>();

    private BlasHolder() {}
}
