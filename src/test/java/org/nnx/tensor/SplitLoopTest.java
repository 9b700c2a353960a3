package org.nnx.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class SplitLoopTest {

    /** Records every {@code range} call as {from, to}, with the thread that made it. */
    private static final class Recording extends SplitLoop {
        final List<int[]> calls = new CopyOnWriteArrayList<>();
        final ConcurrentHashMap<Integer, String> threadOfStart = new ConcurrentHashMap<>();

        @Override
        protected void range(int from, int to) {
            calls.add(new int[] {from, to});
            threadOfStart.put(from, Thread.currentThread().getName());
        }

        List<String> callsAsText() {
            return asText(calls);
        }
    }

    private static List<String> asText(List<int[]> calls) {
        List<String> text = new ArrayList<>();
        for (int[] call : calls) {
            text.add(call[0] + ".." + call[1]);
        }
        return text;
    }

    @Test
    void withoutAPairTheLoopRunsInAscendingBlocksOfAtMostBlockIndices() {
        Recording loop = new Recording();
        loop.loop(2 * SplitLoop.BLOCK + 100);
        assertEquals(List.of("0..4096", "4096..8192", "8192..8292"), loop.callsAsText());

        Recording exact = new Recording();
        exact.loop(SplitLoop.BLOCK);
        assertEquals(List.of("0..4096"), exact.callsAsText());

        Recording empty = new Recording();
        empty.loop(0);
        assertEquals(List.of(), empty.callsAsText());
    }

    @Test
    void onAPairEachHalfRunsInAscendingBlocksThatNeverCrossTheCut() {
        int n = 100_003;
        int cut = n / 2 / 16 * 16; // 50 000
        Recording loop = new Recording();
        try (CoreGroup pair = new CoreGroup(2)) {
            CoreGroup.useOnThisThread(pair);
            loop.loop(n);
        } finally {
            CoreGroup.useOnThisThread(null);
        }
        List<String> expected = new ArrayList<>();
        for (int[] half : new int[][] {{0, cut}, {cut, n}}) {
            for (int start = half[0]; start < half[1]; start += SplitLoop.BLOCK) {
                expected.add(start + ".." + Math.min(start + SplitLoop.BLOCK, half[1]));
            }
        }
        // The halves run at once on two threads, so only the order within each half is fixed.
        List<int[]> byStart = new ArrayList<>(loop.calls);
        byStart.sort(Comparator.comparingInt(call -> call[0]));
        assertEquals(expected, asText(byStart));
        assertEquals(26, byStart.size()); // 12 whole blocks and 848 indices below the cut, 12 and 851 above it
        for (int i = 0; i < loop.calls.size(); i++) {
            for (int j = i + 1; j < loop.calls.size(); j++) {
                int a = loop.calls.get(i)[0];
                int b = loop.calls.get(j)[0];
                boolean sameHalf = (a < cut) == (b < cut);
                if (sameHalf) {
                    assertTrue(a < b, "block at " + a + " ran after the block at " + b + " of its half");
                    assertEquals(
                            loop.threadOfStart.get(a),
                            loop.threadOfStart.get(b),
                            "blocks " + a + " and " + b + " of one half on different threads");
                }
            }
        }
    }
}
