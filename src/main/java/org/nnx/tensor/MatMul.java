package org.nnx.tensor;

/**
 * Matrix products of tensors: {@code c = op(a) · op(b) + beta · c}, where {@code op} transposes when asked.
 * All three tensors must share one precision. The products run on the {@link Blas} backend in force.
 */
public final class MatMul {
    private MatMul() {}

    /**
     * {@code c = op(a) · op(b) + beta · c}.
     *
     * @param transA use aᵀ instead of a
     * @param transB use bᵀ instead of b
     * @param beta   0 to overwrite c, 1 to accumulate into it
     */
    public static void gemm(Tensor a, boolean transA, Tensor b, boolean transB, Tensor c, double beta) {
        gemm(a, transA, b, transB, c, 1.0, beta);
    }

    /**
     * {@code c = alpha · op(a) · op(b) + beta · c}.
     *
     * @param alpha scales the product
     */
    public static void gemm(Tensor a, boolean transA, Tensor b, boolean transB, Tensor c, double alpha, double beta) {
        int m = transA ? a.cols() : a.rows();
        int k = transA ? a.rows() : a.cols();
        int kb = transB ? b.cols() : b.rows();
        int n = transB ? b.rows() : b.cols();
        if (k != kb || c.rows() != m || c.cols() != n) {
            throw new IllegalArgumentException("cannot multiply " + a.shape() + (transA ? "ᵀ" : "") + " by " + b.shape()
                    + (transB ? "ᵀ" : "") + " into " + c.shape());
        }
        if (a.precision() != c.precision() || b.precision() != c.precision()) {
            throw new IllegalArgumentException("mixed precisions in a matrix product");
        }
        Blas blas = Blas.current();
        if (c.isFloat()) {
            blas.sgemm(
                    transA,
                    transB,
                    m,
                    n,
                    k,
                    (float) alpha,
                    a.floats(),
                    a.cols(),
                    b.floats(),
                    b.cols(),
                    (float) beta,
                    c.floats(),
                    c.cols());
        } else {
            blas.dgemm(
                    transA,
                    transB,
                    m,
                    n,
                    k,
                    alpha,
                    a.doubles(),
                    a.cols(),
                    b.doubles(),
                    b.cols(),
                    beta,
                    c.doubles(),
                    c.cols());
        }
    }
}
