package org.nnx.builtins;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nnx.tensor.Tensor;

class ByteImageSplitTest {
    private static final int FEATURES = 3;
    private static final byte[] PIXELS = {0, 51, (byte) 255, 102, 1, 2, (byte) 128, 3, 4, 5, 6, 7};
    private static final byte[] LABELS = {0, 1, 2, 3};

    @Test
    void fillsScaledRowsInBatchOrder() {
        ByteImageSplit split = new ByteImageSplit(PIXELS, LABELS, FEATURES);
        Tensor batch = Tensor.zeros(3, FEATURES);
        split.features(new int[] {9, 2, 0, 3}, 1, 3, batch);
        float scale = 1f / 255f;
        assertArrayEquals(
                new float[] {
                    128 * scale, 3 * scale, 4 * scale, 0f, 51 * scale, 255 * scale, 5 * scale, 6 * scale, 7 * scale
                },
                batch.floats());
    }

    @Test
    void fillsRowsFromAnOffsetAndLeavesTheOthers() {
        ByteImageSplit split = new ByteImageSplit(PIXELS, LABELS, FEATURES);
        assertTrue(split.concurrentFeatures());
        Tensor whole = Tensor.zeros(4, FEATURES);
        split.features(new int[] {3, 1, 0, 2}, 0, 4, whole);
        Tensor halves = Tensor.zeros(4, FEATURES);
        halves.fill(-1);
        split.features(new int[] {3, 1, 0, 2}, 2, 2, halves, 2);
        assertEquals(-1f, halves.floats()[0]);
        assertEquals(-1f, halves.floats()[2 * FEATURES - 1]);
        split.features(new int[] {3, 1, 0, 2}, 0, 2, halves, 0);
        assertArrayEquals(whole.floats(), halves.floats());
    }

    @Test
    void aLimitedViewRefusesHiddenSamples() {
        ByteImageSplit split = new ByteImageSplit(PIXELS, LABELS, FEATURES).limit(2);
        IndexOutOfBoundsException thrown = assertThrows(
                IndexOutOfBoundsException.class, () -> split.features(new int[] {2}, 0, 1, Tensor.zeros(1, FEATURES)));
        assertEquals("sample 2 of 2", thrown.getMessage());
    }
}
