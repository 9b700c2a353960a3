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
    private static final double[][] ALPHA_BETA = {{1, 0}, {1, 1}, {1.5, -0.5}, {-2, 0.25}};
    private final JavaBlas blas = new JavaBlas();

    @Test
    void nameIsJava() {
        assertEquals("java", blas.name());
    }

    @Test
    void dgemmMatchesNaiveLoopForAllTransposes() {
        SplittableRandom random = new SplittableRandom(1);
        for (GemmCase gemm : GemmCase.all(SIZES, ALPHA_BETA, 0, 3)) {
            double[][] operands = gemm.randomDoubles(random);
            double[] c = operands[2];
            double[] expected = naive(gemm, operands[0], operands[1], c);
            gemm.dgemm(blas, operands[0], operands[1], c);
            for (int i = 0; i < c.length; i++) {
                assertEquals(expected[i], c[i], 1e-12 * (1 + Math.abs(expected[i])) * gemm.k(), gemm + " at " + i);
            }
        }
    }

    @Test
    void sgemmMatchesNaiveLoopForAllTransposes() {
        SplittableRandom random = new SplittableRandom(2);
        for (GemmCase gemm : GemmCase.all(SIZES, ALPHA_BETA, 0, 2)) {
            float[][] operands = gemm.randomFloats(random);
            float[] c = operands[2];
            double[] expected =
                    naive(gemm, GemmCase.widened(operands[0]), GemmCase.widened(operands[1]), GemmCase.widened(c));
            gemm.sgemm(blas, operands[0], operands[1], c);
            for (int i = 0; i < c.length; i++) {
                assertFalse(Float.isNaN(c[i]), gemm.toString());
                assertEquals(expected[i], c[i], 1e-5 * (1 + Math.abs(expected[i])) * gemm.k(), gemm + " at " + i);
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

    /** {@code alpha · op(a) · op(b) + beta · c} by the definition, in double; c itself is left alone. */
    private static double[] naive(GemmCase gemm, double[] a, double[] b, double[] c) {
        int lda = gemm.lda();
        int ldb = gemm.ldb();
        int ldc = gemm.ldc();
        double[] expected = c.clone();
        for (int i = 0; i < gemm.m(); i++) {
            for (int j = 0; j < gemm.n(); j++) {
                double sum = 0;
                for (int p = 0; p < gemm.k(); p++) {
                    double aip = gemm.transA() ? a[p * lda + i] : a[i * lda + p];
                    double bpj = gemm.transB() ? b[j * ldb + p] : b[p * ldb + j];
                    sum += aip * bpj;
                }
                expected[i * ldc + j] = gemm.alpha() * sum + gemm.beta() * c[i * ldc + j];
            }
        }
        return expected;
    }

    private static double[] filled(int size, double value) {
        double[] values = new double[size];
        Arrays.fill(values, value);
        return values;
    }
}
