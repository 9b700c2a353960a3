package org.nnx.tensor;

import java.util.Objects;
import java.util.Optional;

/**
 * A one-thread native BLAS whose larger float products are cut in parts, one computed on each thread of a
 * {@link CoreGroup}: by rows of the result when it has 64 rows or more, or more rows than columns, else by
 * columns (the models' wide results compute faster in row parts). A product is cut in as many parts as the
 * group has threads, but none with fewer than half of {@link #MIN_SPLIT_WORK} multiply-adds; on two threads
 * the cut is the one in the middle. Each element of the result is computed by one call on one thread, so the
 * numbers do not depend on timing, and a run gives the same bits every time it trains on a group of that size.
 *
 * <p>Why the cut is fixed, and never moved toward the faster core when one core of a virtual machine runs slower
 * than the other for a while: OpenBLAS's bits depend on where a product is cut, for most cuts of the models'
 * products, so a cut chosen by timing would make reruns differ.
 *
 * <p>Why not OpenBLAS's own threads: they are fixed when the library loads, so they would also be there when a
 * sweep's runs train side by side, where two thread pools fight, and for products of this size their hand-over
 * costs more than this pair's. docs/performance.md has the figures.
 */
public final class SplitBlas implements Blas {
    /**
     * Products with fewer multiply-adds than this run whole on the calling thread: below it, handing a half to
     * the helper costs a large part of what the second core would save.
     */
    static final long MIN_SPLIT_WORK = 200_000;

    private final NetlibBlas whole;
    private final CoreGroup cores;
    private final String name;
    private final FloatHalves halves = new FloatHalves();

    public SplitBlas(NetlibBlas whole, CoreGroup cores) {
        this.whole = Objects.requireNonNull(whole, "whole");
        this.cores = Objects.requireNonNull(cores, "cores");
        this.name = whole.name() + ", products split over " + cores.size() + " cores";
    }

    /**
     * The backend in force split over {@code cores}, when it is a one-thread native BLAS; otherwise none (the
     * pure-Java backend takes no offsets, and a multi-threaded BLAS has the cores already).
     */
    public static Optional<Blas> over(Blas current, CoreGroup cores) {
        if (current instanceof NetlibBlas netlib
                && BlasSelection.threadsPerProduct(netlib) == 1
                && netlib.name().contains("(native")) {
            return Optional.of(new SplitBlas(netlib, cores));
        }
        return Optional.empty();
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
        if ((long) m * n * k < MIN_SPLIT_WORK) {
            whole.sgemm(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
            return;
        }
        GemmArguments.checkShape(transA, transB, m, n, k, lda, ldb, ldc);
        GemmArguments.checkLengths(transA, transB, m, n, k, a.length, lda, b.length, ldb, c.length, ldc);
        halves.set(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
        int parts = (int) Math.min(cores.size(), (long) m * n * k / (MIN_SPLIT_WORK / 2));
        halves.parts = parts;
        try {
            cores.run(halves, parts);
        } finally {
            halves.clear();
        }
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
        // Double precision only serves gradient checks, which are not worth a second core.
        whole.dgemm(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    }

    @Override
    public String toString() {
        return name;
    }

    /** One product's arguments, reused from call to call so that a split allocates nothing. */
    private final class FloatHalves implements CoreGroup.Task {
        private boolean transA;
        private boolean transB;
        private int m;
        private int n;
        private int k;
        private float alpha;
        private float[] a;
        private int lda;
        private float[] b;
        private int ldb;
        private float beta;
        private float[] c;
        private int ldc;
        private int parts;

        void set(
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
            this.transA = transA;
            this.transB = transB;
            this.m = m;
            this.n = n;
            this.k = k;
            this.alpha = alpha;
            this.a = a;
            this.lda = lda;
            this.b = b;
            this.ldb = ldb;
            this.beta = beta;
            this.c = c;
            this.ldc = ldc;
        }

        void clear() {
            a = null;
            b = null;
            c = null;
        }

        @Override
        public void run(int part) {
            if (m >= 64 || m >= n) {
                int from = cut(part, parts, m);
                int rows = cut(part + 1, parts, m) - from;
                if (rows == 0) {
                    return;
                }
                // Rows of op(a) are rows of a, or columns of a when it is transposed.
                int aOffset = transA ? from : from * lda;
                whole.sgemmAt(transA, transB, rows, n, k, alpha, a, aOffset, lda, b, 0, ldb, beta, c, from * ldc, ldc);
            } else {
                int from = cut(part, parts, n);
                int cols = cut(part + 1, parts, n) - from;
                if (cols == 0) {
                    return;
                }
                // Columns of op(b) are columns of b, or rows of b when it is transposed.
                int bOffset = transB ? from * ldb : from;
                whole.sgemmAt(transA, transB, m, cols, k, alpha, a, 0, lda, b, bOffset, ldb, beta, c, from, ldc);
            }
        }
    }

    /**
     * Where part {@code part} of {@code parts} of {@code size} rows or columns begins: at the nearest multiple of
     * 8 (the width of the kernels' register blocks) when every part has 8 or more, else at the plain fraction.
     * On two parts, half of {@code size} rounded to a multiple of 8 unless that leaves a part empty.
     */
    static int cut(int part, int parts, int size) {
        if (part <= 0) {
            return 0;
        }
        if (part >= parts) {
            return size;
        }
        long fraction = (long) size * part / parts;
        if (parts == 2) {
            int half = (size / 2 + 4) / 8 * 8;
            return half == 0 || half >= size ? size / 2 : half;
        }
        // With parts of 8 or more, rounding each cut by at most 4 keeps them increasing and below size.
        return (int) (size / parts >= 8 ? (fraction + 4) / 8 * 8 : fraction);
    }
}
