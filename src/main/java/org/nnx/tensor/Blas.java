package org.nnx.tensor;

import java.util.Objects;

/**
 * The general matrix product of BLAS level 3 on row-major arrays:
 * {@code c = alpha · op(a) · op(b) + beta · c} with {@code op(a)} of shape m×k, {@code op(b)} k×n and c m×n.
 * {@code lda}, {@code ldb}, {@code ldc} are the row strides of the arrays as stored.
 */
public interface Blas {

    /** The backend's name as recorded in each run's provenance, e.g. {@code java}. */
    String name();

    void sgemm(
            boolean transA,
            boolean transB,
            int m,
            int n,
            int k,
            float alpha,
            float[] a,
            int lda,
            float[] b,
            int ldb,
            float beta,
            float[] c,
            int ldc);

    void dgemm(
            boolean transA,
            boolean transB,
            int m,
            int n,
            int k,
            double alpha,
            double[] a,
            int lda,
            double[] b,
            int ldb,
            double beta,
            double[] c,
            int ldc);

    /** The backend in force for this thread: the process's, unless {@link #useOnThisThread} replaced it. */
    static Blas current() {
        Blas local = BlasHolder.onThisThread.get();
        return local != null ? local : BlasHolder.current;
    }

    /** Replaces the backend for the calling thread only, or with null goes back to the process's. */
    static void useOnThisThread(Blas blas) {
        if (blas == null) {
            BlasHolder.onThisThread.remove();
        } else {
            BlasHolder.onThisThread.set(blas);
        }
    }

    /** Replaces the backend for this process (chosen once at start-up, or by tests). */
    static void use(Blas blas) {
        BlasHolder.current = Objects.requireNonNull(blas);
    }
}
