package org.nnx.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.nnx.tensor.CoreGroup.Chunks;

class CoreGroupTest {

    @Test
    void everyHalfRunsExactlyOnceAndIsVisibleAfterwards() {
        try (CoreGroup pair = new CoreGroup(2)) {
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
        try (CoreGroup pair = new CoreGroup(2)) {
            String[] threads = new String[2];
            pair.run(half -> threads[half] = Thread.currentThread().getName());
            // Long enough for the helper to give up spinning and park: the next run must still complete.
            Thread.sleep(CoreGroup.SPIN_NANOS / 1_000_000 + 50);
            pair.run(half -> threads[half] = Thread.currentThread().getName());
            assertEquals(Thread.currentThread().getName(), threads[0]);
            assertTrue(
                    threads[1].equals("nnx-core-2")
                            || threads[1].equals(Thread.currentThread().getName()),
                    threads[1]);
        }
    }

    @Test
    void aFailureOnTheHelperReachesTheCaller() {
        try (CoreGroup pair = new CoreGroup(2)) {
            IllegalArgumentException thrown = assertThrows(
                    IllegalArgumentException.class,
                    () -> pair.run(half -> {
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
        try (CoreGroup pair = new CoreGroup(2)) {
            int[] done = new int[1];
            IllegalStateException thrown = assertThrows(
                    IllegalStateException.class,
                    () -> pair.run(half -> {
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
        try (CoreGroup pair = new CoreGroup(2)) {
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
        CoreGroup pair = new CoreGroup(2);
        pair.close();
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> pair.run(half -> {}));
        assertEquals("the core group is closed", thrown.getMessage());
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
        assertNull(CoreGroup.current());
        loop.loop(counts.length);
        try (CoreGroup pair = new CoreGroup(2)) {
            CoreGroup.useOnThisThread(pair);
            assertSame(pair, CoreGroup.current());
            for (int n : new int[] {0, 1, SplitLoop.CHEAP_ELEMENTS - 1, SplitLoop.CHEAP_ELEMENTS, 100_003}) {
                loop.loop(n);
            }
        } finally {
            CoreGroup.useOnThisThread(null);
        }
        for (int i = 0; i < counts.length; i++) {
            int expected = 2
                    + (i < 1 ? 1 : 0)
                    + (i < SplitLoop.CHEAP_ELEMENTS - 1 ? 1 : 0)
                    + (i < SplitLoop.CHEAP_ELEMENTS ? 1 : 0);
            if (counts[i] != expected) {
                assertEquals(expected, counts[i], "element " + i);
            }
        }
    }

    @Test
    void everyBackgroundChunkRunsExactlyOnceWhileHalvesKeepComingAndIsVisibleAfterFinish() {
        int chunks = 25;
        try (CoreGroup pair = new CoreGroup(2)) {
            int[] runs = new int[chunks];
            AtomicIntegerArray halves = new AtomicIntegerArray(2);
            for (int round = 1; round <= 5_000; round++) {
                pair.startBackground(
                        chunk -> {
                            runs[chunk]++; // plain writes: finishBackground must publish them
                        },
                        chunks);
                assertTrue(pair.backgroundOut());
                // Split work while the background is out: the helper serves it between chunks.
                pair.run(halves::incrementAndGet);
                pair.finishBackground();
                assertFalse(pair.backgroundOut());
                for (int chunk = 0; chunk < chunks; chunk++) {
                    if (runs[chunk] != round) {
                        assertEquals(round, runs[chunk], "chunk " + chunk + " in round " + round);
                    }
                }
            }
            assertEquals(5_000, halves.get(0));
            assertEquals(5_000, halves.get(1));
            // Which thread ran which chunk depends on timing; that the helper takes chunks at all is shown
            // deterministically by theOwnerRunsBothHalvesWhileTheHelperIsInTheMiddleOfAChunk.
        }
    }

    @Test
    void aSplitLoopRunsWholeOnTheOwnerWhileBackgroundChunksAreLeft() {
        try (CoreGroup pair = new CoreGroup(2)) {
            CoreGroup.useOnThisThread(pair);
            Set<String> threads = ConcurrentHashMap.newKeySet();
            SplitLoop loop = new SplitLoop(1) {
                @Override
                protected void range(int from, int to) {
                    threads.add(Thread.currentThread().getName());
                }
            };
            // The helper takes chunk 0 and holds it; chunk 1 stays untaken until the owner finishes.
            AtomicBoolean release = holdFirstChunkOnHelper(pair, 2);
            assertTrue(pair.backgroundPending());
            for (int i = 0; i < 1_000; i++) {
                loop.loop(1_000);
            }
            assertEquals(Set.of(Thread.currentThread().getName()), threads);
            release.set(true);
            pair.finishBackground();
            assertFalse(pair.backgroundPending());
        } finally {
            CoreGroup.useOnThisThread(null);
        }
    }

    @Test
    void aBackgroundFailureOnEitherThreadIsThrownByFinish() {
        try (CoreGroup pair = new CoreGroup(2)) {
            for (int round = 0; round < 200; round++) {
                int failing = round % 10;
                pair.startBackground(
                        chunk -> {
                            if (chunk == failing) {
                                throw new IllegalArgumentException("chunk " + chunk + " failed");
                            }
                        },
                        10);
                IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, pair::finishBackground);
                assertEquals("chunk " + failing + " failed", thrown.getMessage());
                assertFalse(pair.backgroundOut());
            }
            // And the pair still works.
            int[] done = new int[3];
            pair.startBackground(chunk -> done[chunk] = 1, 3);
            pair.finishBackground();
            assertArrayEquals(new int[] {1, 1, 1}, done);
        }
    }

    @Test
    void backgroundWorkIsOneAtATimeAndFinishWithoutItDoesNothing() {
        try (CoreGroup pair = new CoreGroup(2)) {
            pair.finishBackground();
            pair.startBackground(chunk -> {}, 1);
            IllegalStateException thrown =
                    assertThrows(IllegalStateException.class, () -> pair.startBackground(chunk -> {}, 1));
            assertEquals("background work is already out", thrown.getMessage());
            pair.finishBackground();
        }
    }

    @Test
    void backgroundWorkCompletesAfterTheHelperParked() throws InterruptedException {
        try (CoreGroup pair = new CoreGroup(2)) {
            Thread.sleep(CoreGroup.SPIN_NANOS / 1_000_000 + 50);
            int[] done = new int[4];
            pair.startBackground(chunk -> done[chunk] = chunk + 1, 4);
            pair.finishBackground();
            assertArrayEquals(new int[] {1, 2, 3, 4}, done);
        }
    }

    @Test
    void theOwnerRunsBothHalvesWhileTheHelperIsInTheMiddleOfAChunk() {
        try (CoreGroup pair = new CoreGroup(2)) {
            AtomicBoolean release = holdFirstChunkOnHelper(pair, 1);
            // The helper took the only chunk and holds it: a split cannot wait for it.
            String[] threads = new String[2];
            pair.run(half -> threads[half] = Thread.currentThread().getName());
            assertArrayEquals(
                    new String[] {
                        Thread.currentThread().getName(), Thread.currentThread().getName()
                    },
                    threads);
            release.set(true);
            assertTimeoutPreemptively(Duration.ofSeconds(10), pair::finishBackground);
        }
    }

    @Test
    void backgroundWorkCannotBeStartedOrFinishedFromInsideWorkOfThePair() {
        try (CoreGroup pair = new CoreGroup(2)) {
            List<String> refused = new CopyOnWriteArrayList<>();
            Chunks nested = chunk -> {
                for (Runnable call :
                        List.<Runnable>of(pair::finishBackground, () -> pair.startBackground(c -> {}, 1))) {
                    try {
                        call.run();
                    } catch (IllegalStateException e) {
                        refused.add(e.getMessage());
                    }
                }
            };
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                pair.startBackground(nested, 4);
                pair.finishBackground();
                pair.run(half -> nested.runChunk(0));
            });
            assertEquals(4 * 2 + 2 * 2, refused.size(), refused.toString());
            assertTrue(
                    refused.stream()
                            .allMatch(message -> message.matches(
                                    "cannot (start|finish) background work from inside work of the group")),
                    refused.toString());
        }
    }

    /**
     * Starts {@code chunks} chunks of background work whose chunk 0 the helper takes and holds until the returned
     * flag is set; returns once the helper holds it.
     */
    private static AtomicBoolean holdFirstChunkOnHelper(CoreGroup pair, int chunks) {
        AtomicBoolean held = new AtomicBoolean();
        AtomicBoolean release = new AtomicBoolean();
        pair.startBackground(
                chunk -> {
                    if (chunk == 0) {
                        held.set(true);
                        while (!release.get()) {
                            Thread.onSpinWait();
                        }
                    }
                },
                chunks);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            while (!held.get()) {
                Thread.onSpinWait();
            }
        });
        return release;
    }
}
