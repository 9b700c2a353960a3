package org.nnx.model.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SobolTest {

    /** The first eight points in five dimensions, as scipy.stats.qmc.Sobol(d=5, scramble=False) gives them. */
    @Test
    void firstPointsAreThePublishedOnes() {
        double[][] expected = {
            {0, 0, 0, 0, 0},
            {0.5, 0.5, 0.5, 0.5, 0.5},
            {0.75, 0.25, 0.25, 0.25, 0.75},
            {0.25, 0.75, 0.75, 0.75, 0.25},
            {0.375, 0.375, 0.625, 0.875, 0.375},
            {0.875, 0.875, 0.125, 0.375, 0.875},
            {0.625, 0.125, 0.875, 0.625, 0.625},
            {0.125, 0.625, 0.375, 0.125, 0.125},
        };
        double[][] points = Sobol.unscrambled().points(8, 5);
        for (int n = 0; n < expected.length; n++) {
            assertArrayEquals(expected[n], points[n], 0, "point " + n);
        }
    }

    /** Points far along use every dimension's higher direction numbers; the reference is scipy's. */
    @Test
    void laterPointsMatchTheReferenceInAllTwentyOneDimensions() {
        double[] point1000 = {
            0.2197265625, 0.0966796875, 0.5185546875, 0.6767578125, 0.2802734375, 0.9072265625, 0.0458984375,
            0.8994140625, 0.5009765625, 0.0693359375, 0.0849609375, 0.2548828125, 0.1611328125, 0.3837890625,
            0.1435546875, 0.3701171875, 0.7197265625, 0.3447265625, 0.9912109375, 0.7255859375, 0.5224609375
        };
        double[] point777 = {
            0.6923828125, 0.9365234375, 0.1630859375, 0.2744140625, 0.6357421875, 0.3564453125, 0.1904296875,
            0.7626953125, 0.3486328125, 0.3232421875, 0.7451171875, 0.6962890625, 0.3837890625, 0.4736328125,
            0.5693359375, 0.5146484375, 0.4033203125, 0.8642578125, 0.3701171875, 0.7529296875, 0.2373046875
        };
        double[][] points = Sobol.unscrambled().points(1024, Sobol.MAX_DIMENSIONS);
        assertArrayEquals(point1000, points[1000], 0);
        assertArrayEquals(point777, points[777], 0);
    }

    /** Scrambling keeps the net property: each of the 2^k first points falls in its own interval of width 2^-k. */
    @Test
    void scrambledPointsStratifyEachDimension() {
        double[][] points = Sobol.scrambled(7).points(64, 4);
        for (int d = 0; d < 4; d++) {
            boolean[] seen = new boolean[64];
            for (double[] point : points) {
                assertTrue(point[d] >= 0 && point[d] < 1);
                seen[(int) (point[d] * 64)] = true;
            }
            for (int cell = 0; cell < 64; cell++) {
                assertTrue(seen[cell], "dimension " + d + " leaves interval " + cell + " empty");
            }
        }
    }

    @Test
    void scramblingIsSeeded() {
        assertTrue(Arrays.deepEquals(
                Sobol.scrambled(3).points(16, 3), Sobol.scrambled(3).points(16, 3)));
        assertNotEquals(
                Sobol.scrambled(3).points(16, 3)[0][0], Sobol.scrambled(4).points(16, 3)[0][0]);
        assertNotEquals(0.0, Sobol.scrambled(3).points(1, 1)[0][0]);
    }

    @Test
    void randomPointsAreSeededAndInTheCube() {
        double[][] a = new RandomPoints(11).points(100, 3);
        assertTrue(Arrays.deepEquals(a, new RandomPoints(11).points(100, 3)));
        assertEquals(
                100,
                Arrays.stream(a)
                        .flatMapToDouble(Arrays::stream)
                        .filter(u -> u < 1.0 / 3)
                        .count(),
                40);
        assertTrue(Arrays.stream(a).flatMapToDouble(Arrays::stream).allMatch(u -> u >= 0 && u < 1));
    }
}
