package org.nnx.model.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DistributionTest {
    private static final double[] U =
            IntStream.range(0, 1000).mapToDouble(i -> (i + 0.5) / 1000).toArray();

    @Test
    void uniformCoversItsRangeEvenly() {
        Distribution uniform = new Distribution.Uniform(2, 6);
        assertEquals(2, uniform.at(0), 0);
        assertEquals(4, uniform.at(0.5), 0);
        long below3 =
                IntStream.range(0, U.length).filter(i -> uniform.at(U[i]) < 3).count();
        assertEquals(250, below3);
        assertTrue(IntStream.range(0, U.length).allMatch(i -> uniform.at(U[i]) >= 2 && uniform.at(U[i]) < 6));
    }

    @Test
    void logUniformSpacesDecadesEvenly() {
        Distribution log = new Distribution.LogUniform(1e-4, 1);
        assertEquals(1e-4, log.at(0), 1e-18);
        assertEquals(1e-2, log.at(0.5), 1e-15);
        assertEquals(1e-3, log.at(0.25), 1e-16);
        // A decade a quarter of the draws.
        long firstDecade =
                IntStream.range(0, U.length).filter(i -> log.at(U[i]) < 1e-3).count();
        assertEquals(250, firstDecade);
        assertThrows(IllegalArgumentException.class, () -> new Distribution.LogUniform(0, 1));
    }

    @Test
    void intUniformGivesEveryWholeNumberBothEndsIncluded() {
        Distribution ints = new Distribution.IntUniform(3, 6);
        int[] counts = new int[7];
        for (double u : U) {
            double value = ints.at(u);
            assertEquals(Math.rint(value), value, 0);
            counts[(int) value]++;
        }
        assertEquals(0, counts[2]);
        for (int v = 3; v <= 6; v++) {
            assertEquals(250, counts[v], "value " + v);
        }
        assertEquals(6, ints.at(Math.nextDown(1.0)), 0);
    }

    @Test
    void choicePicksEachOptionEqually() {
        Distribution choice = new Distribution.Choice(3);
        assertEquals(0, choice.at(0), 0);
        assertEquals(1, choice.at(0.5), 0);
        assertEquals(2, choice.at(Math.nextDown(1.0)), 0);
        long first =
                IntStream.range(0, U.length).filter(i -> choice.at(U[i]) == 0).count();
        assertEquals(333, first);
    }

    @Test
    void seededDrawsRepeat() {
        Distribution log = new Distribution.LogUniform(1e-3, 1);
        double[][] a = new RandomPoints(5).points(4, 1);
        double[][] b = new RandomPoints(5).points(4, 1);
        for (int i = 0; i < 4; i++) {
            assertEquals(log.at(a[i][0]), log.at(b[i][0]), 0);
        }
    }
}
