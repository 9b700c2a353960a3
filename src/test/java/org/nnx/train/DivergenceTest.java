package org.nnx.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DivergenceTest {

    @Test
    void theExperimentsRuleIsAThousandTimesTheFirstLossAndAtLeastTenThousand() {
        assertEquals(new Divergence(1000, 1e4), Divergence.EXPERIMENTS);
        Divergence rule = Divergence.EXPERIMENTS;
        // A first loss of 2.3: the floor decides.
        assertFalse(rule.exceeded(1e4, 2.3));
        assertTrue(rule.exceeded(Math.nextUp(1e4), 2.3));
        // A first loss of 50: 1000 times it decides.
        assertFalse(rule.exceeded(5e4, 50));
        assertTrue(rule.exceeded(Math.nextUp(5e4), 50));
        assertFalse(rule.exceeded(0, 50));
    }

    @Test
    void theObjectivesRuleIsTenToTheTenTimesTheStartAndAtLeastTenToTheTen() {
        assertEquals(new Divergence(1e10, 1e10), Divergence.OBJECTIVES);
        Divergence rule = Divergence.OBJECTIVES;
        assertFalse(rule.exceeded(1e10, 0.5));
        assertTrue(rule.exceeded(Math.nextUp(1e10), 0.5));
        assertFalse(rule.exceeded(3e10, 3));
        assertTrue(rule.exceeded(Math.nextUp(3e10), 3));
    }

    @Test
    void magnitudesCountWhateverTheirSign() {
        Divergence rule = new Divergence(10, 100);
        assertFalse(rule.exceeded(-200, -20));
        assertTrue(rule.exceeded(-201, -20));
        assertTrue(rule.exceeded(201, -20));
        assertFalse(rule.exceeded(-100, 0));
        assertTrue(rule.exceeded(-101, 0));
    }

    @Test
    void aValueThatIsNotFiniteHasDivergedWhateverItsStart() {
        for (double start : new double[] {0, 1, 1e300, Double.NaN}) {
            assertTrue(Divergence.EXPERIMENTS.exceeded(Double.NaN, start));
            assertTrue(Divergence.EXPERIMENTS.exceeded(Double.POSITIVE_INFINITY, start));
            assertTrue(Divergence.EXPERIMENTS.exceeded(Double.NEGATIVE_INFINITY, start));
        }
        // A NaN start bounds nothing: only a value that is not finite counts then.
        assertFalse(Divergence.EXPERIMENTS.exceeded(1e300, Double.NaN));
    }

    @Test
    void theObjectivesBoundIsTheOneTheyAlwaysHad() {
        // 1e10 · max(1, |start|), the form the objectives' runner used before the rule was shared.
        for (double start : new double[] {0, 1e-300, 0.3, 1, 1.0000001, 7.25, 123456.789, -4.5, 1e290}) {
            double bound = 1e10 * Math.max(1, Math.abs(start));
            assertFalse(Divergence.OBJECTIVES.exceeded(bound, start), "at the bound for " + start);
            assertTrue(Divergence.OBJECTIVES.exceeded(Math.nextUp(bound), start), "past the bound for " + start);
        }
    }

    @Test
    void rejectsRulesThatBoundNothing() {
        assertEquals(
                "divergence needs a finite factor > 0 and floor ≥ 0: 0.0, 1.0",
                assertThrows(IllegalArgumentException.class, () -> new Divergence(0, 1))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Divergence(1, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new Divergence(Double.POSITIVE_INFINITY, 1));
        assertThrows(IllegalArgumentException.class, () -> new Divergence(1, -1));
    }
}
