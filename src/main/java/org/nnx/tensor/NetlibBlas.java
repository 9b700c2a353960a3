package org.nnx.tensor;

import dev.ludovic.netlib.blas.BLAS;
import java.util.Objects;

/**
 * A {@link Blas} backend over one of dev.ludovic.netlib's BLAS implementations: the system's OpenBLAS
 * reached through JNI, or netlib's pure-Java kernels. {@link BlasSelection} makes them; this class only
 * translates nnx's row-major calls into Fortran's column-major ones.
 *
 * <p>A row-major m×n matrix with row stride {@code ld} is, read column-major, its n×m transpose with leading
 * dimension {@code ld}. So the row-major {@code C = op(A)·op(B)} is computed as the column-major
 * {@code Cᵀ = op(B)ᵀ·op(A)ᵀ}: the operands swap places, m and n swap, and each keeps its own transpose
 * flag. No data is copied.
 */
public final class NetlibBlas implements Blas {
    private final BLAS blas;
    private final String name;

    /**
     * @param blas the implementation to call
     * @param name how provenance names it, e.g. {@code openblas 0.3.21 (native, 1 thread)}
     */
    public NetlibBlas(BLAS blas, String name) {
        this.blas = Objects.requireNonNull(blas, "blas");
        this.name = Objects.requireNonNull(name, "name");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void sgemm(
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
            int ldc) {
        GemmArguments.checkShape(transA, transB, m, n, k, lda, ldb, ldc);
        GemmArguments.checkLengths(transA, transB, m, n, k, a.length, lda, b.length, ldb, c.length, ldc);
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            // netlib's index checks reject the empty arrays an empty product comes with; BLAS would only scale c.
            scale(c, m, n, ldc, beta);
            return;
        }
        blas.sgemm(flag(transB), flag(transA), n, m, k, alpha, b, 0, ldb, a, 0, lda, beta, c, 0, ldc);
    }

    /**
     * {@link #sgemm} on matrices that start at an offset into their arrays, for {@link SplitBlas}'s halves. The
     * caller has checked the whole product; m, n and k are positive.
     */
    void sgemmAt(
            boolean transA,
            boolean transB,
            int m,
            int n,
            int k,
            float alpha,
            float[] a,
            int aOffset,
            int lda,
            float[] b,
            int bOffset,
            int ldb,
            float beta,
            float[] c,
            int cOffset,
            int ldc) {
        blas.sgemm(flag(transB), flag(transA), n, m, k, alpha, b, bOffset, ldb, a, aOffset, lda, beta, c, cOffset, ldc);
    }

    @Override
    public void dgemm(
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
            int ldc) {
        GemmArguments.checkShape(transA, transB, m, n, k, lda, ldb, ldc);
        GemmArguments.checkLengths(transA, transB, m, n, k, a.length, lda, b.length, ldb, c.length, ldc);
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            scale(c, m, n, ldc, beta);
            return;
        }
        blas.dgemm(flag(transB), flag(transA), n, m, k, alpha, b, 0, ldb, a, 0, lda, beta, c, 0, ldc);
    }

    /** {@code c *= beta} on the m×n matrix; beta 0 overwrites, as BLAS does, so NaN in c does not survive. */
    private static void scale(float[] c, int m, int n, int ldc, float beta) {
        for (int i = 0; i < m; i++) {
            for (int j = i * ldc; j < i * ldc + n; j++) {
                c[j] = beta == 0f ? 0f : c[j] * beta;
            }
        }
    }

    private static void scale(double[] c, int m, int n, int ldc, double beta) {
        for (int i = 0; i < m; i++) {
            for (int j = i * ldc; j < i * ldc + n; j++) {
                c[j] = beta == 0.0 ? 0.0 : c[j] * beta;
            }
        }
    }

    /** Fortran's transpose flag; constants, so that a call allocates nothing. */
    private static String flag(boolean transpose) {
        return transpose ? "T" : "N";
    }

    @Override
    public String toString() {
        return name;
    }
}
