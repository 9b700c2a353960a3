package org.nnx.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnx.builtins.ByteImageSplit;
import org.nnx.spi.Split;
import org.nnx.tensor.CoreGroup;
import org.nnx.tensor.Tensor;

/** A batch filled in the background on a core pair holds what a fill on one thread writes. */
class BatchFillTest {
    private static final int FEATURES = 29;
    private static final int SAMPLES = 500;

    private static ByteImageSplit split() {
        byte[] pixels = new byte[SAMPLES * FEATURES];
        new SplittableRandom(7).nextBytes(pixels);
        byte[] labels = new byte[SAMPLES];
        return new ByteImageSplit(pixels, labels, FEATURES);
    }

    private static int[] shuffled() {
        int[] order = new int[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            order[i] = (i * 211) % SAMPLES;
        }
        return order;
    }

    @Test
    void aBackgroundFillWritesWhatAFillOnOneThreadWrites() {
        ByteImageSplit split = split();
        int[] order = shuffled();
        BatchFill fill = new BatchFill(split);
        // Batch sizes around the chunk size, and one large enough for many chunks.
        for (int count : new int[] {1, 3, 4, 5, 37, 128}) {
            Tensor expected = Tensor.zeros(count, FEATURES);
            split.features(order, 11, count, expected);
            try (CoreGroup pair = new CoreGroup(2)) {
                CoreGroup.useOnThisThread(pair);
                assertTrue(fill.fillsInBackground());
                for (int round = 0; round < 50; round++) {
                    Tensor actual = Tensor.zeros(count, FEATURES);
                    actual.fill(-1);
                    fill.startInBackground(order, 11, count, actual);
                    fill.finishBackground();
                    assertArrayEquals(expected.floats(), actual.floats(), count + " rows, round " + round);
                }
            } finally {
                CoreGroup.useOnThisThread(null);
            }
        }
    }

    @Test
    void withoutAPairOrForAOneThreadSplitTheFillHappensAtOnce() {
        ByteImageSplit bytes = split();
        int[] order = shuffled();
        Tensor expected = Tensor.zeros(20, FEATURES);
        bytes.features(order, 0, 20, expected);

        BatchFill alone = new BatchFill(bytes);
        assertFalse(alone.fillsInBackground());
        Tensor filled = Tensor.zeros(20, FEATURES);
        alone.startInBackground(order, 0, 20, filled);
        assertArrayEquals(expected.floats(), filled.floats());
        alone.finishBackground();

        Split oneThread = new Split() {
            @Override
            public int size() {
                return bytes.size();
            }

            @Override
            public int label(int index) {
                return bytes.label(index);
            }

            @Override
            public void features(int[] indices, int from, int count, Tensor into) {
                bytes.features(indices, from, count, into);
            }
        };
        try (CoreGroup pair = new CoreGroup(2)) {
            CoreGroup.useOnThisThread(pair);
            BatchFill fill = new BatchFill(oneThread);
            assertFalse(fill.fillsInBackground());
            Tensor now = Tensor.zeros(20, FEATURES);
            fill.startInBackground(order, 0, 20, now);
            assertFalse(pair.backgroundOut());
            assertArrayEquals(expected.floats(), now.floats());
        } finally {
            CoreGroup.useOnThisThread(null);
        }
    }

    @Test
    void aSampleOutsideTheSplitFailsTheFinishNotTheHelper() {
        ByteImageSplit limited = split().limit(100);
        int[] order = shuffled();
        try (CoreGroup pair = new CoreGroup(2)) {
            CoreGroup.useOnThisThread(pair);
            BatchFill fill = new BatchFill(limited);
            fill.startInBackground(order, 0, 64, Tensor.zeros(64, FEATURES));
            IndexOutOfBoundsException thrown = assertThrows(IndexOutOfBoundsException.class, fill::finishBackground);
            assertTrue(thrown.getMessage().endsWith(" of 100"), thrown.getMessage());
            assertFalse(pair.backgroundOut());
            // The fill is usable again.
            fill.finishBackground();
            assertEquals(0, limited.label(0));
        } finally {
            CoreGroup.useOnThisThread(null);
        }
    }

    @Test
    void aSecondFillWhileOneIsOutIsRefusedAndLeavesTheFirstIntact() {
        ByteImageSplit split = split();
        int[] order = shuffled();
        Tensor expected = Tensor.zeros(64, FEATURES);
        split.features(order, 0, 64, expected);
        try (CoreGroup pair = new CoreGroup(2)) {
            CoreGroup.useOnThisThread(pair);
            BatchFill fill = new BatchFill(split);
            Tensor first = Tensor.zeros(64, FEATURES);
            fill.startInBackground(order, 0, 64, first);
            IllegalStateException again = assertThrows(
                    IllegalStateException.class,
                    () -> fill.startInBackground(order, 100, 64, Tensor.zeros(64, FEATURES)));
            assertEquals("a background fill is already out", again.getMessage());
            IllegalStateException now = assertThrows(
                    IllegalStateException.class, () -> fill.fill(order, 100, 64, Tensor.zeros(64, FEATURES)));
            assertEquals("a background fill is out: finish it first", now.getMessage());
            fill.finishBackground();
            assertArrayEquals(expected.floats(), first.floats());
        } finally {
            CoreGroup.useOnThisThread(null);
        }
    }
}
