package org.nnx.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class CorePairTest {

    @Test
    void everyHalfRunsExactlyOnceAndIsVisibleAfterwards() {
        try (CorePair pair = new CorePair()) {
            AtomicIntegerArray runs = new AtomicIntegerArray(2);
            int[] written = new int[2];
            for (int round = 1; round <= 20_000; round++) {
                int expected = round;
                pair.run(half -> {
                    runs.incrementAndGet(half);
                    written[half] = expected; // a plain write: run's return must publish it
                });
                assertArrayEquals(new int[] {round, round}, written, "round " + round);
            }
            assertEquals(20_000, runs.get(0));
            assertEquals(20_000, runs.get(1));
        }
    }

    @Test
    void aHalfRunsOnEitherThreadAfterTheHelperParked() throws InterruptedException {
        try (CorePair pair = new CorePair()) {
            String[] threads = new String[2];
            pair.run(half -> threads[half] = Thread.currentThread().getName());
            // Long enough for the helper to give up spinning and park: the next run must still complete.
            Thread.sleep(CorePair.SPIN_NANOS / 1_000_000 + 50);
            pair.run(half -> threads[half] = Thread.currentThread().getName());
            assertEquals(Thread.currentThread().getName(), threads[0]);
            assertTrue(threads[1].equals("nnx-second-core") || threads[1].equals(Thread.currentThread().getName()),
                    threads[1]);
        }
    }

    @Test
    void aFailureOnTheHelperReachesTheCaller() {
        try (CorePair pair = new CorePair()) {
            IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> pair.run(half -> {
                if (half == 1) {
                    throw new IllegalArgumentException("second half failed");
                }
            }));
            assertEquals("second half failed", thrown.getMessage());
            // And the pair still works.
            int[] done = new int[2];
            pair.run(half -> done[half] = 1);
            assertArrayEquals(new int[] {1, 1}, done);
        }
    }

    @Test
    void aFailureOnTheCallerStillWaitsForTheHelper() {
        try (CorePair pair = new CorePair()) {
            int[] done = new int[1];
            IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> pair.run(half -> {
                if (half == 0) {
                    throw new IllegalStateException("first half failed");
                }
                done[0] = 1;
            }));
            assertEquals("first half failed", thrown.getMessage());
            assertEquals(1, done[0]);
        }
    }

    @Test
    void aNestedRunComputesBothHalvesOfTheInnerTask() {
        try (CorePair pair = new CorePair()) {
            AtomicIntegerArray inner = new AtomicIntegerArray(2);
            pair.run(outer -> {
                if (outer == 0) {
                    pair.run(inner::incrementAndGet);
                }
            });
            assertEquals(1, inner.get(0));
            assertEquals(1, inner.get(1));
        }
    }

    @Test
    void aClosedPairRefusesWork() {
        CorePair pair = new CorePair();
        pair.close();
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> pair.run(half -> {
        }));
        assertEquals("the core pair is closed", thrown.getMessage());
    }

    @Test
    void splitLoopCoversEveryElementOnceWithOrWithoutAPair() {
        int[] counts = new int[100_003];
        SplitLoop loop = new SplitLoop() {
            @Override
            protected void range(int from, int to) {
                for (int i = from; i < to; i++) {
                    counts[i]++;
                }
            }
        };
        assertNull(CorePair.current());
        loop.loop(counts.length);
        try (CorePair pair = new CorePair()) {
            CorePair.useOnThisThread(pair);
            assertSame(pair, CorePair.current());
            for (int n : new int[] {0, 1, SplitLoop.CHEAP_ELEMENTS - 1, SplitLoop.CHEAP_ELEMENTS, 100_003}) {
                loop.loop(n);
            }
        } finally {
            CorePair.useOnThisThread(null);
        }
        for (int i = 0; i < counts.length; i++) {
            int expected = 2 + (i < 1 ? 1 : 0) + (i < SplitLoop.CHEAP_ELEMENTS - 1 ? 1 : 0)
                    + (i < SplitLoop.CHEAP_ELEMENTS ? 1 : 0);
            if (counts[i] != expected) {
                assertEquals(expected, counts[i], "element " + i);
            }
        }
    }
}
