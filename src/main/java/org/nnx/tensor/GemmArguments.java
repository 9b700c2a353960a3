package org.nnx.tensor;

/**
 * Checks of the arguments of a row-major gemm shared by every backend, so that a mistake fails with a
 * readable message in Java instead of reading past an array inside native code.
 */
final class GemmArguments {
    private GemmArguments() {}

    /** Rejects negative sizes and strides no array could satisfy. */
    static void checkShape(boolean transA, boolean transB, int m, int n, int k, int lda, int ldb, int ldc) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("negative gemm size m=" + m + " n=" + n + " k=" + k);
        }
        int aCols = transA ? m : k;
        int bCols = transB ? k : n;
        if (lda < Math.max(1, aCols) || ldb < Math.max(1, bCols) || ldc < Math.max(1, n)) {
            throw new IllegalArgumentException("gemm strides lda=" + lda + " ldb=" + ldb + " ldc=" + ldc
                    + " too small for m=" + m + " n=" + n + " k=" + k);
        }
    }

    /**
     * Rejects arrays too short for the matrices they are said to hold: {@code op(a)} m×k, {@code op(b)} k×n and
     * c m×n, stored row-major with the given strides.
     */
    static void checkLengths(
            boolean transA,
            boolean transB,
            int m,
            int n,
            int k,
            int aLength,
            int lda,
            int bLength,
            int ldb,
            int cLength,
            int ldc) {
        check("a", transA ? k : m, transA ? m : k, lda, aLength);
        check("b", transB ? n : k, transB ? k : n, ldb, bLength);
        check("c", m, n, ldc, cLength);
    }

    private static void check(String name, int rows, int cols, int ld, int length) {
        if (rows == 0 || cols == 0) {
            return;
        }
        long needed = (long) (rows - 1) * ld + cols;
        if (needed > length) {
            throw new IllegalArgumentException("gemm array " + name + " holds " + length + " values, a " + rows + "×"
                    + cols + " matrix with row stride " + ld + " needs " + needed);
        }
    }
}
