package org.nnx.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** JavaBlas against a naive triple loop, for every transpose combination, odd sizes and padded strides. */
class JavaBlasTest {
    private static final int[][] SIZES = {{7, 5, 9}, {13, 11, 3}, {1, 17, 1}, {5, 1, 6}, {31, 29, 37}};
    private final JavaBlas blas = new JavaBlas();

    @Test
    void nameIsJava() {
        assertEquals("java", blas.name());
    }

    @Test
    void dgemmMatchesNaiveLoopForAllTransposes() {
        SplittableRandom random = new SplittableRandom(1);
        for (int[] size : SIZES) {
            for (boolean transA : new boolean[] {false, true}) {
                for (boolean transB : new boolean[] {false, true}) {
                    for (double[] alphaBeta : new double[][] {{1, 0}, {1, 1}, {1.5, -0.5}, {-2, 0.25}}) {
                        for (int padding : new int[] {0, 3}) {
                            checkDouble(
                                    random,
                                    transA,
                                    transB,
                                    size[0],
                                    size[1],
                                    size[2],
                                    alphaBeta[0],
                                    alphaBeta[1],
                                    padding);
                        }
                    }
                }
            }
        }
    }

    @Test
    void sgemmMatchesNaiveLoopForAllTransposes() {
        SplittableRandom random = new SplittableRandom(2);
        for (int[] size : SIZES) {
            for (boolean transA : new boolean[] {false, true}) {
                for (boolean transB : new boolean[] {false, true}) {
                    for (double[] alphaBeta : new double[][] {{1, 0}, {1, 1}, {1.5, -0.5}, {-2, 0.25}}) {
                        for (int padding : new int[] {0, 2}) {
                            checkFloat(
                                    random,
                                    transA,
                                    transB,
                                    size[0],
                                    size[1],
                                    size[2],
                                    (float) alphaBeta[0],
                                    (float) alphaBeta[1],
                                    padding);
                        }
                    }
                }
            }
        }
    }

    @Test
    void betaZeroOverwritesNaN() {
        for (boolean transA : new boolean[] {false, true}) {
            for (boolean transB : new boolean[] {false, true}) {
                int m = 3;
                int n = 5;
                int k = 4;
                double[] a = filled(m * k, 1.0);
                double[] b = filled(k * n, 2.0);
                double[] c = filled(m * n, Double.NaN);
                blas.dgemm(transA, transB, m, n, k, 1.0, a, transA ? m : k, b, transB ? k : n, 0.0, c, n);
                for (double value : c) {
                    assertEquals(8.0, value);
                }
                float[] af = new float[m * k];
                float[] bf = new float[k * n];
                float[] cf = new float[m * n];
                Arrays.fill(af, 1f);
                Arrays.fill(bf, 2f);
                Arrays.fill(cf, Float.NaN);
                blas.sgemm(transA, transB, m, n, k, 1f, af, transA ? m : k, bf, transB ? k : n, 0f, cf, n);
                for (float value : cf) {
                    assertEquals(8f, value);
                }
            }
        }
    }

    @Test
    void betaZeroWithEmptyInnerDimensionStillClearsC() {
        double[] c = filled(6, Double.NaN);
        blas.dgemm(false, false, 2, 3, 0, 1.0, new double[0], 1, new double[0], 3, 0.0, c, 3);
        for (double value : c) {
            assertEquals(0.0, value);
        }
    }

    @Test
    void paddingBetweenRowsOfCIsLeftAlone() {
        // c is 2×3 stored with row stride 4; the fourth column is not part of the matrix.
        double[] c = {9, 9, 9, -1, 9, 9, 9, -1};
        blas.dgemm(false, false, 2, 3, 1, 1.0, new double[] {1, 1}, 1, new double[] {1, 2, 3}, 3, 0.0, c, 4);
        assertEquals(-1.0, c[3]);
        assertEquals(-1.0, c[7]);
        assertEquals(3.0, c[6]);
    }

    @Test
    void rejectsStridesTooSmall() {
        assertThrows(
                IllegalArgumentException.class,
                () -> blas.dgemm(
                        false, false, 2, 2, 3, 1.0, new double[6], 2, new double[6], 2, 0.0, new double[4], 2));
    }

    private void checkDouble(
            SplittableRandom random,
            boolean transA,
            boolean transB,
            int m,
            int n,
            int k,
            double alpha,
            double beta,
            int padding) {
        int aRows = transA ? k : m;
        int aCols = transA ? m : k;
        int bRows = transB ? n : k;
        int bCols = transB ? k : n;
        int lda = aCols + padding;
        int ldb = bCols + padding;
        int ldc = n + padding;
        double[] a = randomArray(random, aRows * lda);
        double[] b = randomArray(random, bRows * ldb);
        double[] c = randomArray(random, m * ldc);
        double[] expected = c.clone();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    double aip = transA ? a[p * lda + i] : a[i * lda + p];
                    double bpj = transB ? b[j * ldb + p] : b[p * ldb + j];
                    sum += aip * bpj;
                }
                expected[i * ldc + j] = alpha * sum + beta * c[i * ldc + j];
            }
        }
        blas.dgemm(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
        String where = describe(transA, transB, m, n, k, alpha, beta, padding);
        for (int i = 0; i < c.length; i++) {
            assertEquals(expected[i], c[i], 1e-12 * (1 + Math.abs(expected[i])) * k, where + " at " + i);
        }
    }

    private void checkFloat(
            SplittableRandom random,
            boolean transA,
            boolean transB,
            int m,
            int n,
            int k,
            float alpha,
            float beta,
            int padding) {
        int aRows = transA ? k : m;
        int aCols = transA ? m : k;
        int bRows = transB ? n : k;
        int bCols = transB ? k : n;
        int lda = aCols + padding;
        int ldb = bCols + padding;
        int ldc = n + padding;
        float[] a = toFloats(randomArray(random, aRows * lda));
        float[] b = toFloats(randomArray(random, bRows * ldb));
        float[] c = toFloats(randomArray(random, m * ldc));
        double[] expected = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            expected[i] = c[i];
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    double aip = transA ? a[p * lda + i] : a[i * lda + p];
                    double bpj = transB ? b[j * ldb + p] : b[p * ldb + j];
                    sum += aip * bpj;
                }
                expected[i * ldc + j] = alpha * sum + beta * (double) c[i * ldc + j];
            }
        }
        blas.sgemm(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
        String where = describe(transA, transB, m, n, k, alpha, beta, padding);
        for (int i = 0; i < c.length; i++) {
            assertFalse(Float.isNaN(c[i]), where);
            assertEquals(expected[i], c[i], 1e-5 * (1 + Math.abs(expected[i])) * k, where + " at " + i);
        }
    }

    private static String describe(
            boolean transA, boolean transB, int m, int n, int k, double alpha, double beta, int padding) {
        return "transA=" + transA + " transB=" + transB + " m=" + m + " n=" + n + " k=" + k + " alpha=" + alpha
                + " beta=" + beta + " padding=" + padding;
    }

    private static double[] randomArray(SplittableRandom random, int size) {
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            values[i] = random.nextDouble(-1, 1);
        }
        return values;
    }

    private static float[] toFloats(double[] values) {
        float[] floats = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            floats[i] = (float) values[i];
        }
        return floats;
    }

    private static double[] filled(int size, double value) {
        double[] values = new double[size];
        Arrays.fill(values, value);
        return values;
    }
}
