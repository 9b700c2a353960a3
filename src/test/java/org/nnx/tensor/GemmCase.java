package org.nnx.tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One product of the gemm tests: its transposes, sizes, alpha and beta, and the padding every row stride has past
 * the matrix it holds. Its operands are drawn from a random source in a fixed order, so a list of cases checked
 * one after another sees the same numbers on every run.
 */
record GemmCase(boolean transA, boolean transB, int m, int n, int k, double alpha, double beta, int padding) {

    /** Every combination, sizes {@code {m, n, k}} outermost, then transA, transB, alpha and beta, padding. */
    static List<GemmCase> all(int[][] sizes, double[][] alphaBetas, int... paddings) {
        List<GemmCase> cases = new ArrayList<>();
        for (int[] size : sizes) {
            for (boolean transA : new boolean[] {false, true}) {
                for (boolean transB : new boolean[] {false, true}) {
                    for (double[] alphaBeta : alphaBetas) {
                        for (int padding : paddings) {
                            cases.add(new GemmCase(
                                    transA, transB, size[0], size[1], size[2], alphaBeta[0], alphaBeta[1], padding));
                        }
                    }
                }
            }
        }
        return cases;
    }

    int lda() {
        return (transA ? m : k) + padding;
    }

    int ldb() {
        return (transB ? k : n) + padding;
    }

    int ldc() {
        return n + padding;
    }

    /** a, b and c in that order, each filled with values drawn uniformly from [-1, 1). */
    double[][] randomDoubles(SplittableRandom random) {
        return new double[][] {
            uniform(random, (transA ? k : m) * lda()),
            uniform(random, (transB ? n : k) * ldb()),
            uniform(random, m * ldc())
        };
    }

    /** {@link #randomDoubles}, the same draws, rounded to float. */
    float[][] randomFloats(SplittableRandom random) {
        double[][] operands = randomDoubles(random);
        float[][] floats = new float[operands.length][];
        for (int o = 0; o < operands.length; o++) {
            floats[o] = new float[operands[o].length];
            for (int i = 0; i < operands[o].length; i++) {
                floats[o][i] = (float) operands[o][i];
            }
        }
        return floats;
    }

    /** Draws the operands and computes the product on both backends: c as each left it, {reference's, blas's}. */
    double[][] sgemmOnBoth(Blas reference, Blas blas, SplittableRandom random) {
        float[][] operands = randomFloats(random);
        float[] expected = operands[2].clone();
        sgemm(reference, operands[0], operands[1], expected);
        sgemm(blas, operands[0], operands[1], operands[2]);
        return new double[][] {widened(expected), widened(operands[2])};
    }

    /** {@link #sgemmOnBoth} in float64. */
    double[][] dgemmOnBoth(Blas reference, Blas blas, SplittableRandom random) {
        double[][] operands = randomDoubles(random);
        double[] expected = operands[2].clone();
        dgemm(reference, operands[0], operands[1], expected);
        dgemm(blas, operands[0], operands[1], operands[2]);
        return new double[][] {expected, operands[2]};
    }

    static double[] widened(float[] values) {
        double[] doubles = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            doubles[i] = values[i];
        }
        return doubles;
    }

    void sgemm(Blas blas, float[] a, float[] b, float[] c) {
        blas.sgemm(transA, transB, m, n, k, (float) alpha, a, lda(), b, ldb(), (float) beta, c, ldc());
    }

    void dgemm(Blas blas, double[] a, double[] b, double[] c) {
        blas.dgemm(transA, transB, m, n, k, alpha, a, lda(), b, ldb(), beta, c, ldc());
    }

    @Override
    public String toString() {
        return "transA=" + transA + " transB=" + transB + " m=" + m + " n=" + n + " k=" + k + " alpha=" + alpha
                + " beta=" + beta + " padding=" + padding;
    }

    private static double[] uniform(SplittableRandom random, int size) {
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            values[i] = random.nextDouble(-1, 1);
        }
        return values;
    }
}
