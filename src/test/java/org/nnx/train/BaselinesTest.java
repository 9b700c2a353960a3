package org.nnx.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnx.builtins.data.FloatSplit;
import org.nnx.builtins.data.TabularDataset;

/** Chance, majority class and nearest neighbour, on data small enough to work out by hand. */
class BaselinesTest {
    /**
     * Training: (0, 0) a, (1, 0) a, (10, 10) b, (0, 5) c: a is the majority. Test, with each one's nearest
     * training sample: (0.4, 0.1) a → (0, 0) a, right; (9, 9) b → (10, 10) b, right; (0, 4) c → (0, 5) c, right;
     * (1, 1) b → (1, 0) a, wrong; (6, 6) b → (10, 10) b at 32 (not (0, 5) at 37), right.
     */
    private static final TabularDataset TINY = new TabularDataset(
            new FloatSplit(new float[] {0, 0, 1, 0, 10, 10, 0, 5}, new int[] {0, 0, 1, 2}, 2),
            new FloatSplit(new float[] {0.4f, 0.1f, 9, 9, 0, 4, 1, 1, 6, 6}, new int[] {0, 1, 2, 1, 1}, 2),
            2,
            List.of("a", "b", "c"),
            "tiny");

    @Test
    void theBaselinesOfATinyDatasetAreThoseWorkedOutByHand() {
        Baselines baselines = Baselines.of(TINY);
        assertEquals(1.0 / 3, baselines.chance(), 0.0);
        assertEquals("a", baselines.majorityClass());
        assertEquals(0.2, baselines.majority(), 0.0, "one test sample of five is an a");
        assertEquals(0.8, baselines.nearestNeighbour(), 0.0, "all but (1, 1)");
        assertEquals(
                List.of(0, 2, 3, 1, 2),
                java.util.Arrays.stream(NearestNeighbour.nearest(TINY.train(), TINY.test(), 2))
                        .boxed()
                        .toList());
    }

    @Test
    void aTieGoesToTheFirstTrainingSampleAndTheMajorityToTheLowestClass() {
        // (0, 1) is as far from (0, 0) as from (0, 2); classes a and b have one training sample each.
        TabularDataset tie = new TabularDataset(
                new FloatSplit(new float[] {0, 2, 0, 0}, new int[] {1, 0}, 2),
                new FloatSplit(new float[] {0, 1}, new int[] {1}, 2),
                2,
                List.of("a", "b"),
                "tie");
        Baselines baselines = Baselines.of(tie);
        assertEquals(1.0, baselines.nearestNeighbour(), 0.0, "the first, (0, 2) labelled b");
        assertEquals("a", baselines.majorityClass());
        assertEquals(0.0, baselines.majority(), 0.0);
    }

    @Test
    void blocksFindTheNearestNeighbourOfEverySample() {
        // More samples than a block of either split holds: blocks meet at odd places.
        SplittableRandom random = new SplittableRandom(7);
        int features = 3;
        int trainSize = 2 * NearestNeighbour.TRAIN_BLOCK + 17;
        int testSize = NearestNeighbour.QUERIES + 31;
        float[] train = new float[trainSize * features];
        float[] test = new float[testSize * features];
        for (int i = 0; i < train.length; i++) {
            train[i] = (float) random.nextDouble();
        }
        for (int i = 0; i < test.length; i++) {
            test[i] = (float) random.nextDouble();
        }
        FloatSplit trainSplit = new FloatSplit(train, new int[trainSize], features);
        FloatSplit testSplit = new FloatSplit(test, new int[testSize], features);
        int[] nearest = NearestNeighbour.nearest(trainSplit, testSplit, features);
        for (int q = 0; q < testSize; q++) {
            double closest = Double.POSITIVE_INFINITY;
            for (int r = 0; r < trainSize; r++) {
                closest = Math.min(closest, distance(test, q, train, r, features));
            }
            // float32 products: the one found is the closest or within rounding of it.
            assertEquals(closest, distance(test, q, train, nearest[q], features), 1e-5, "test sample " + q);
        }
        assertTrue(nearest[testSize - 1] >= 0);
    }

    @Test
    void aLargeTestSplitIsJudgedByEvenlySpreadSamples() {
        assertArrayEquals(new int[] {0, 1, 2}, NearestNeighbour.queries(3));
        int[] queries = NearestNeighbour.queries(10_000);
        assertEquals(NearestNeighbour.QUERIES, queries.length);
        assertEquals(0, queries[0]);
        assertEquals(9, queries[1]);
        assertEquals(9990, queries[queries.length - 1]);
    }

    private static double distance(float[] a, int i, float[] b, int j, int features) {
        double sum = 0;
        for (int f = 0; f < features; f++) {
            double d = (double) a[i * features + f] - b[j * features + f];
            sum += d * d;
        }
        return sum;
    }

    @Test
    void theDigitsNearestNeighbourIsFarAboveChance() {
        Baselines baselines = Baselines.of(TestRuns.digits(500));
        assertEquals(0.1, baselines.chance(), 0.0);
        assertTrue(baselines.majority() > 0.08 && baselines.majority() < 0.14, "about a tenth: " + baselines);
        assertTrue(baselines.nearestNeighbour() > 0.75, "k = 1 on 500 digits: " + baselines);
    }
}
