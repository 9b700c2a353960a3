package org.nnx.model.search;

import java.util.SplittableRandom;

/**
 * Sobol' points (a low-discrepancy sequence: every prefix covers the cube more evenly than random points do),
 * from the direction numbers of Joe and Kuo's {@code new-joe-kuo-6.21201} for the first 21 dimensions, in Gray
 * code order as Bratley and Fox generate them. Scrambled, each dimension's direction numbers are multiplied by
 * a random lower unit-triangular bit matrix and the points shifted by a random digital shift (linear matrix
 * scrambling, as scipy's {@code qmc.Sobol} does), drawn from the seed: the points stay a (t, s)-sequence, the
 * first is no longer the origin, and a seed gives other points of the same quality.
 */
public final class Sobol implements PointSequence {
    /** Dimensions this table has direction numbers for. */
    public static final int MAX_DIMENSIONS = 21;

    private static final int BITS = 32;

    /** For dimensions 2..21: the degree s of the primitive polynomial, its coefficients a, and m_1..m_s. */
    private static final int[][] JOE_KUO = {
        {1, 0, 1},
        {2, 1, 1, 3},
        {3, 1, 1, 3, 1},
        {3, 2, 1, 1, 1},
        {4, 1, 1, 1, 3, 3},
        {4, 4, 1, 3, 5, 13},
        {5, 2, 1, 1, 5, 5, 17},
        {5, 4, 1, 1, 5, 5, 5},
        {5, 7, 1, 1, 7, 11, 19},
        {5, 11, 1, 1, 5, 1, 1},
        {5, 13, 1, 1, 1, 3, 11},
        {5, 14, 1, 3, 5, 5, 31},
        {6, 1, 1, 3, 3, 9, 7, 49},
        {6, 13, 1, 1, 1, 15, 21, 21},
        {6, 16, 1, 3, 1, 13, 27, 49},
        {6, 19, 1, 1, 1, 15, 7, 5},
        {6, 22, 1, 3, 1, 15, 13, 25},
        {6, 25, 1, 1, 5, 5, 19, 61},
        {7, 1, 1, 3, 7, 11, 23, 15, 103},
        {7, 4, 1, 3, 7, 13, 13, 15, 69},
    };

    private final boolean scrambled;
    private final long seed;

    private Sobol(boolean scrambled, long seed) {
        this.scrambled = scrambled;
        this.seed = seed;
    }

    /** The points as published: the first is the origin. */
    public static Sobol unscrambled() {
        return new Sobol(false, 0);
    }

    /** Scrambled points drawn from {@code seed}. */
    public static Sobol scrambled(long seed) {
        return new Sobol(true, seed);
    }

    @Override
    public double[][] points(int count, int dimensions) {
        if (dimensions > MAX_DIMENSIONS) {
            throw new IllegalArgumentException("Sobol points have at most " + MAX_DIMENSIONS + " dimensions here");
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[][] directions = new int[dimensions][];
        int[] shift = new int[dimensions];
        for (int d = 0; d < dimensions; d++) {
            directions[d] = directions(d);
            if (scrambled) {
                scramble(directions[d], random);
                shift[d] = random.nextInt();
            }
        }
        double[][] points = new double[count][dimensions];
        int[] x = shift.clone();
        for (int n = 0; n < count; n++) {
            for (int d = 0; d < dimensions; d++) {
                points[n][d] = Integer.toUnsignedLong(x[d]) / 0x1p32;
            }
            // Gray code order: the next point differs from this one by the direction of n's lowest zero bit.
            int bit = Integer.numberOfTrailingZeros(~n);
            for (int d = 0; d < dimensions; d++) {
                x[d] ^= directions[d][bit];
            }
        }
        return points;
    }

    /** The direction numbers v_1..v_32 of dimension {@code d} (0-based), each a 32-bit binary fraction. */
    static int[] directions(int d) {
        int[] v = new int[BITS];
        if (d == 0) {
            for (int k = 0; k < BITS; k++) {
                v[k] = 1 << (BITS - 1 - k);
            }
            return v;
        }
        int[] row = JOE_KUO[d - 1];
        int s = row[0];
        int a = row[1];
        for (int k = 0; k < s; k++) {
            v[k] = row[2 + k] << (BITS - 1 - k);
        }
        for (int k = s; k < BITS; k++) {
            int value = v[k - s] ^ (v[k - s] >>> s);
            for (int j = 1; j < s; j++) {
                if (((a >>> (s - 1 - j)) & 1) != 0) {
                    value ^= v[k - j];
                }
            }
            v[k] = value;
        }
        return v;
    }

    /**
     * Multiplies each direction number, as a column of bits (the most significant first), by a random lower
     * unit-triangular matrix: output bit i is the parity of the input bits 1..i that row i of the matrix keeps.
     */
    private static void scramble(int[] directions, SplittableRandom random) {
        int[] rows = new int[BITS];
        for (int i = 0; i < BITS; i++) {
            int own = 1 << (BITS - 1 - i);
            // Bits of higher significance than bit i, chosen at random, and bit i itself.
            int above = i == 0 ? 0 : random.nextInt() & (-1 << (BITS - i));
            rows[i] = above | own;
        }
        for (int k = 0; k < directions.length; k++) {
            int scrambled = 0;
            for (int i = 0; i < BITS; i++) {
                if ((Integer.bitCount(rows[i] & directions[k]) & 1) != 0) {
                    scrambled |= 1 << (BITS - 1 - i);
                }
            }
            directions[k] = scrambled;
        }
    }
}
