package org.nnx.tensor;

/** Holds the process-wide BLAS backend; the pure-Java one unless start-up chose another. */
final class BlasHolder {
    static volatile Blas current = new JavaBlas();

    private BlasHolder() {
    }
}
