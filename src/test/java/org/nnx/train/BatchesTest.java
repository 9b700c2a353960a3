package org.nnx.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnx.builtins.ByteImageSplit;
import org.nnx.model.Sampling;
import org.nnx.tensor.CoreGroup;

/**
 * Batches prefetched on a core pair are the batches drawn and filled one at a time: same samples, same order,
 * same targets, across epoch boundaries (where shuffling rewrites the indices) and a smaller last batch.
 */
class BatchesTest {
    private static final int FEATURES = 13;
    private static final int CLASSES = 10;
    private static final int SAMPLES = 1003;

    private static ByteImageSplit split() {
        byte[] pixels = new byte[SAMPLES * FEATURES];
        new SplittableRandom(3).nextBytes(pixels);
        byte[] labels = new byte[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            labels[i] = (byte) (i % CLASSES);
        }
        return new ByteImageSplit(pixels, labels, FEATURES);
    }

    /** Each batch as features, then targets, then its size, drawn {@code steps} times. */
    private static List<float[]> draw(Sampling sampling, int steps, CoreGroup pair) {
        ByteImageSplit split = split();
        Batches batches = new Batches(
                new BatchSampler(sampling, SAMPLES, 100, new SplittableRandom(11)), split, FEATURES, CLASSES);
        List<float[]> drawn = new ArrayList<>();
        CoreGroup.useOnThisThread(pair);
        try {
            for (int step = 1; step <= steps; step++) {
                batches.next();
                if (step < steps) {
                    batches.prefetchNext();
                }
                drawn.add(batches.features().floats().clone());
                drawn.add(batches.targets().floats().clone());
                drawn.add(new float[] {batches.count()});
                batches.awaitPrefetch();
            }
        } finally {
            CoreGroup.useOnThisThread(null);
        }
        return drawn;
    }

    @Test
    void prefetchedShuffledBatchesAreTheBatchesDrawnOneAtATime() {
        assertSameBatches(Sampling.SHUFFLE, 35); // three and a half epochs of 10 full batches and one of 3
    }

    @Test
    void prefetchedRandomBatchesAreTheBatchesDrawnOneAtATime() {
        assertSameBatches(Sampling.RANDOM, 25);
    }

    private static void assertSameBatches(Sampling sampling, int steps) {
        List<float[]> alone = draw(sampling, steps, null);
        try (CoreGroup pair = new CoreGroup(2)) {
            List<float[]> paired = draw(sampling, steps, pair);
            assertEquals(alone.size(), paired.size());
            for (int i = 0; i < alone.size(); i++) {
                assertArrayEquals(alone.get(i), paired.get(i), "batch " + (i / 3 + 1) + ", part " + i % 3);
            }
        }
        if (sampling == Sampling.SHUFFLE) {
            assertArrayEquals(new float[] {3}, alone.get(3 * 10 + 2), "the last batch of an epoch is smaller");
        }
    }
}
