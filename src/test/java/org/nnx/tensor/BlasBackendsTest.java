package org.nnx.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every backend this machine can load (netlib's pure-Java kernels always; the system's OpenBLAS when it is
 * installed), and both split in halves over two cores ({@link SplitBlas}), against {@link JavaBlas}, itself
 * checked against a naive loop: all transpose combinations,
 * padded strides, alpha and beta, sizes past OpenBLAS's blocking and threading thresholds.
 */
class BlasBackendsTest {
    private static final int[][] SIZES = {
        {7, 5, 9},
        {13, 11, 3},
        {1, 17, 1},
        {5, 1, 6},
        {31, 29, 37},
        {100, 50, 784},
        {67, 131, 257},
        {40, 300, 50},
        {128, 70, 30}
    };
    private static final double[][] ALPHA_BETA = {{1, 0}, {1, 1}, {1.5, -0.5}, {-2, 0.25}, {0, 0.5}};
    private static final JavaBlas REFERENCE = new JavaBlas();
    private static final CoreGroup PAIR = new CoreGroup(2);
    /** Groups that cut a product in three and four parts, more threads than this machine may have. */
    private static final CoreGroup THREE = new CoreGroup(3);

    private static final CoreGroup FOUR = new CoreGroup(4);

    /** The backends to check; loading native first, since netlib chooses its native and Java kernels together. */
    static List<Blas> backends() {
        List<Blas> backends = new ArrayList<>();
        NetlibBlas nativeBlas = BlasSelection.nativeOpenBlas();
        if (nativeBlas != null) {
            backends.add(nativeBlas);
        }
        backends.add(BlasSelection.netlibJava());
        // Split in halves over two cores: by rows, by odd rows, by columns (the last two sizes), or whole.
        if (nativeBlas != null) {
            backends.add(new SplitBlas(nativeBlas, PAIR));
            backends.add(new SplitBlas(nativeBlas, THREE));
            backends.add(new SplitBlas(nativeBlas, FOUR));
        }
        backends.add(new SplitBlas(BlasSelection.netlibJava(), PAIR));
        backends.add(new SplitBlas(BlasSelection.netlibJava(), FOUR));
        return backends;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void sgemmMatchesJavaBlas(Blas blas) {
        SplittableRandom random = new SplittableRandom(3);
        for (GemmCase gemm : GemmCase.all(SIZES, ALPHA_BETA, 0, 3)) {
            double[][] expectedAndActual = gemm.sgemmOnBoth(REFERENCE, blas, random);
            double[] expected = expectedAndActual[0];
            for (int i = 0; i < expected.length; i++) {
                // Sums of k products in another order: float32 rounding grows with k.
                double tolerance = 2e-6 * (1 + Math.abs(expected[i])) * Math.sqrt(gemm.k() + 1) * 4;
                assertEquals(expected[i], expectedAndActual[1][i], tolerance, blas.name() + " " + gemm + " at " + i);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void dgemmMatchesJavaBlas(Blas blas) {
        SplittableRandom random = new SplittableRandom(4);
        for (GemmCase gemm : GemmCase.all(SIZES, ALPHA_BETA, 0, 2)) {
            double[][] expectedAndActual = gemm.dgemmOnBoth(REFERENCE, blas, random);
            double[] expected = expectedAndActual[0];
            for (int i = 0; i < expected.length; i++) {
                double tolerance = 1e-13 * (1 + Math.abs(expected[i])) * (gemm.k() + 1);
                assertEquals(expected[i], expectedAndActual[1][i], tolerance, blas.name() + " " + gemm + " at " + i);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void betaZeroOverwritesNaN(Blas blas) {
        for (boolean transA : new boolean[] {false, true}) {
            for (boolean transB : new boolean[] {false, true}) {
                int m = 3;
                int n = 5;
                int k = 4;
                float[] a = new float[m * k];
                float[] b = new float[k * n];
                float[] c = new float[m * n];
                Arrays.fill(a, 1f);
                Arrays.fill(b, 2f);
                Arrays.fill(c, Float.NaN);
                blas.sgemm(transA, transB, m, n, k, 1f, a, transA ? m : k, b, transB ? k : n, 0f, c, n);
                for (float value : c) {
                    assertEquals(8f, value, blas.name() + " transA=" + transA + " transB=" + transB);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void emptyInnerDimensionScalesC(Blas blas) {
        float[] c = {1, 2, 3, 4, 5, 6};
        blas.sgemm(false, false, 2, 3, 0, 1f, new float[0], 1, new float[0], 3, 0.5f, c, 3);
        assertEquals("[0.5, 1.0, 1.5, 2.0, 2.5, 3.0]", Arrays.toString(c), blas.name());
        double[] d = {Double.NaN, Double.NaN};
        blas.dgemm(true, true, 1, 2, 0, 1.0, new double[0], 1, new double[0], 1, 0.0, d, 2);
        assertEquals("[0.0, 0.0]", Arrays.toString(d), blas.name());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void emptyOutputIsANoOp(Blas blas) {
        float[] c = new float[0];
        blas.sgemm(false, false, 0, 3, 2, 1f, new float[0], 2, new float[6], 3, 0f, c, 3);
        blas.sgemm(false, false, 3, 0, 2, 1f, new float[6], 2, new float[0], 1, 0f, c, 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void shortArraysAreRejectedBeforeTheCall(Blas blas) {
        // A native BLAS would read past the array; the check must catch it in Java.
        assertThrows(
                IllegalArgumentException.class,
                () -> blas.sgemm(false, false, 4, 4, 4, 1f, new float[15], 4, new float[16], 4, 0f, new float[16], 4));
        assertThrows(
                IllegalArgumentException.class,
                () -> blas.sgemm(false, true, 4, 4, 4, 1f, new float[16], 4, new float[16], 4, 0f, new float[15], 4));
        assertThrows(
                IllegalArgumentException.class,
                () -> blas.dgemm(
                        true, false, 4, 4, 4, 1.0, new double[16], 4, new double[16], 5, 0.0, new double[16], 4));
        assertThrows(
                IllegalArgumentException.class,
                () -> blas.sgemm(false, false, 2, 2, 3, 1f, new float[6], 2, new float[6], 2, 0f, new float[4], 2));
    }

    @Test
    void netlibJavaIsNamedAfterItsKernels() {
        assertEquals(true, BlasSelection.netlibJava().name().startsWith("netlib-java ("));
    }
}
