package org.nnx.nn;

import org.nnx.tensor.Blas;
import org.nnx.tensor.Tensor;

/**
 * The BLAS product on the leading part of tensors used as work arrays: {@code c = op(a)·op(b) + beta·c} with
 * {@code op(a)} m×k, {@code op(b)} k×n and c m×n, each stored row-major and densely from the array's start.
 * A layer that processes a batch in chunks of varying size reuses one work array for all of them.
 */
final class ArrayGemm {
    private ArrayGemm() {}

    static void gemm(boolean transA, boolean transB, int m, int n, int k, Tensor a, Tensor b, double beta, Tensor c) {
        int lda = transA ? m : k;
        int ldb = transB ? k : n;
        if (c.isFloat()) {
            Blas.current()
                    .sgemm(transA, transB, m, n, k, 1f, a.floats(), lda, b.floats(), ldb, (float) beta, c.floats(), n);
        } else {
            Blas.current()
                    .dgemm(transA, transB, m, n, k, 1.0, a.doubles(), lda, b.doubles(), ldb, beta, c.doubles(), n);
        }
    }
}
