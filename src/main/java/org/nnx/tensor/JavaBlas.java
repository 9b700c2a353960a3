package org.nnx.tensor;

import java.util.Arrays;

/**
 * The pure-Java BLAS backend: single-threaded {@code sgemm} and {@code dgemm} on row-major arrays, for all
 * four transpose combinations.
 *
 * <p>The kernel runs in i-k-j order, so that its innermost loop walks one row of {@code op(b)} and one row of
 * {@code c} through contiguous memory, a loop the JIT compiles to SIMD instructions. Four steps of {@code k}
 * are taken at once so that each row of {@code c} is loaded and stored a quarter as often. A transposed
 * {@code a} costs nothing extra, since each of its elements is read once per row of {@code c}, outside the
 * innermost loop; a transposed {@code b} is first copied into a per-thread scratch buffer in its plain
 * orientation, which costs {@code k·n} moves against {@code m·n·k} multiply-adds.
 *
 * <p>It uses no threads of its own: nnx may train several runs at once, one thread each.
 */
public final class JavaBlas implements Blas {

    /** Scratch for a transposed {@code b}, one per thread because runs may train concurrently. */
    private static final ThreadLocal<float[]> FLOAT_SCRATCH = ThreadLocal.withInitial(() -> new float[0]);

    private static final ThreadLocal<double[]> DOUBLE_SCRATCH = ThreadLocal.withInitial(() -> new double[0]);

    /** Creates the backend; it holds no state beyond per-thread scratch buffers. */
    public JavaBlas() {}

    @Override
    public String name() {
        return "java";
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
        scale(c, m, n, ldc, beta);
        if (m == 0 || n == 0 || k == 0 || alpha == 0f) {
            return;
        }
        float[] plainB = b;
        int plainLdb = ldb;
        if (transB) {
            plainB = floatScratch(k * n);
            transpose(b, ldb, n, k, plainB);
            plainLdb = n;
        }
        // Element (i, p) of op(a) sits at a[i * aRowStride + p * aColStride].
        int aRowStride = transA ? 1 : lda;
        int aColStride = transA ? lda : 1;
        accumulate(m, n, k, alpha, a, aRowStride, aColStride, plainB, plainLdb, c, ldc);
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
        scale(c, m, n, ldc, beta);
        if (m == 0 || n == 0 || k == 0 || alpha == 0.0) {
            return;
        }
        double[] plainB = b;
        int plainLdb = ldb;
        if (transB) {
            plainB = doubleScratch(k * n);
            transpose(b, ldb, n, k, plainB);
            plainLdb = n;
        }
        int aRowStride = transA ? 1 : lda;
        int aColStride = transA ? lda : 1;
        accumulate(m, n, k, alpha, a, aRowStride, aColStride, plainB, plainLdb, c, ldc);
    }

    // ---- float32 ----

    /** {@code c *= beta}; beta 0 overwrites, so NaN or infinity already in c does not survive. */
    private static void scale(float[] c, int m, int n, int ldc, float beta) {
        if (beta == 1f) {
            return;
        }
        for (int i = 0; i < m; i++) {
            int row = i * ldc;
            if (beta == 0f) {
                Arrays.fill(c, row, row + n, 0f);
            } else {
                for (int j = 0; j < n; j++) {
                    c[row + j] *= beta;
                }
            }
        }
    }

    /** {@code c += alpha · op(a) · b} for a plain (untransposed) b. */
    private static void accumulate(
            int m,
            int n,
            int k,
            float alpha,
            float[] a,
            int aRowStride,
            int aColStride,
            float[] b,
            int ldb,
            float[] c,
            int ldc) {
        for (int i = 0; i < m; i++) {
            int cRow = i * ldc;
            int aRow = i * aRowStride;
            int p = 0;
            for (; p + 3 < k; p += 4) {
                float a0 = alpha * a[aRow + p * aColStride];
                float a1 = alpha * a[aRow + (p + 1) * aColStride];
                float a2 = alpha * a[aRow + (p + 2) * aColStride];
                float a3 = alpha * a[aRow + (p + 3) * aColStride];
                int b0 = p * ldb;
                int b1 = b0 + ldb;
                int b2 = b1 + ldb;
                int b3 = b2 + ldb;
                for (int j = 0; j < n; j++) {
                    c[cRow + j] += a0 * b[b0 + j] + a1 * b[b1 + j] + a2 * b[b2 + j] + a3 * b[b3 + j];
                }
            }
            for (; p < k; p++) {
                float a0 = alpha * a[aRow + p * aColStride];
                int b0 = p * ldb;
                for (int j = 0; j < n; j++) {
                    c[cRow + j] += a0 * b[b0 + j];
                }
            }
        }
    }

    /** Copies the {@code rows × cols} matrix {@code source} (row stride {@code ld}) transposed into {@code target}. */
    private static void transpose(float[] source, int ld, int rows, int cols, float[] target) {
        for (int r = 0; r < rows; r++) {
            int sourceRow = r * ld;
            for (int col = 0; col < cols; col++) {
                target[col * rows + r] = source[sourceRow + col];
            }
        }
    }

    private static float[] floatScratch(int size) {
        float[] scratch = FLOAT_SCRATCH.get();
        if (scratch.length < size) {
            scratch = new float[size];
            FLOAT_SCRATCH.set(scratch);
        }
        return scratch;
    }

    // ---- float64: the same algorithm on double[] ----

    private static void scale(double[] c, int m, int n, int ldc, double beta) {
        if (beta == 1.0) {
            return;
        }
        for (int i = 0; i < m; i++) {
            int row = i * ldc;
            if (beta == 0.0) {
                Arrays.fill(c, row, row + n, 0.0);
            } else {
                for (int j = 0; j < n; j++) {
                    c[row + j] *= beta;
                }
            }
        }
    }

    private static void accumulate(
            int m,
            int n,
            int k,
            double alpha,
            double[] a,
            int aRowStride,
            int aColStride,
            double[] b,
            int ldb,
            double[] c,
            int ldc) {
        for (int i = 0; i < m; i++) {
            int cRow = i * ldc;
            int aRow = i * aRowStride;
            int p = 0;
            for (; p + 3 < k; p += 4) {
                double a0 = alpha * a[aRow + p * aColStride];
                double a1 = alpha * a[aRow + (p + 1) * aColStride];
                double a2 = alpha * a[aRow + (p + 2) * aColStride];
                double a3 = alpha * a[aRow + (p + 3) * aColStride];
                int b0 = p * ldb;
                int b1 = b0 + ldb;
                int b2 = b1 + ldb;
                int b3 = b2 + ldb;
                for (int j = 0; j < n; j++) {
                    c[cRow + j] += a0 * b[b0 + j] + a1 * b[b1 + j] + a2 * b[b2 + j] + a3 * b[b3 + j];
                }
            }
            for (; p < k; p++) {
                double a0 = alpha * a[aRow + p * aColStride];
                int b0 = p * ldb;
                for (int j = 0; j < n; j++) {
                    c[cRow + j] += a0 * b[b0 + j];
                }
            }
        }
    }

    private static void transpose(double[] source, int ld, int rows, int cols, double[] target) {
        for (int r = 0; r < rows; r++) {
            int sourceRow = r * ld;
            for (int col = 0; col < cols; col++) {
                target[col * rows + r] = source[sourceRow + col];
            }
        }
    }

    private static double[] doubleScratch(int size) {
        double[] scratch = DOUBLE_SCRATCH.get();
        if (scratch.length < size) {
            scratch = new double[size];
            DOUBLE_SCRATCH.set(scratch);
        }
        return scratch;
    }
}
