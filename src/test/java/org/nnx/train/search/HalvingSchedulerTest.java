package org.nnx.train.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.nnx.model.search.Budget;
import org.nnx.model.search.Halving;

class HalvingSchedulerTest {
    /** A synthetic objective whose ranking is known: trial i scores SCORES[i] at every rung. */
    private static final double[] SCORES = {5, 3, 8, 1, 9, 2, 7, 4, 6};

    private static final Halving HALVING = new Halving(1, 3, "val_accuracy", 9);

    /** Each trial's epochs: how far it trained. */
    private static long[] search(Halving halving, Budget budget, int threads, long jitterSeed) throws Exception {
        HalvingScheduler scheduler = new HalvingScheduler(halving, SCORES.length, budget, Instant::now);
        long[] trained = new long[SCORES.length];
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < SCORES.length; t++) {
                int trial = t;
                Random jitter = new Random(jitterSeed * 31 + trial);
                futures.add(pool.submit(() -> {
                    try {
                        if (!scheduler.start(trial).goOn()) {
                            return null;
                        }
                        trained[trial] = scheduler.firstLength();
                        for (int rung = 0; rung < scheduler.rungs().size(); rung++) {
                            Thread.sleep(jitter.nextInt(3));
                            if (!scheduler.atRung(trial, rung, SCORES[trial]).goOn()) {
                                return null;
                            }
                            trained[trial] = scheduler.allowedEpochs(trial);
                        }
                        return null;
                    } finally {
                        scheduler.ended(trial);
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return trained;
    }

    @Test
    void rungsGrowByTheFactorBelowTheFullLength() {
        assertEquals(List.of(1L, 3L), HALVING.rungs());
        assertEquals(List.of(2L, 4L, 8L), new Halving(2, 2, "val_loss", 10).rungs());
        assertEquals(List.of(), new Halving(5, 3, "val_loss", 5).rungs());
    }

    /**
     * At rung 1 a trial goes on when it ranks among the best ⌊n/3⌋ (at least one) of the n trials numbered up to
     * it: 5 (alone), 8 (best of 3) and 9 (best of 5) do, 7 (third of 7, where two go on) does not; at rung 2 each
     * of 5, 8, 9 is the best so far.
     */
    @Test
    void promotesTheTrialsTheRuleRanksBest() throws Exception {
        long[] expected = {9, 1, 9, 1, 9, 1, 1, 1, 1};
        assertEquals(Arrays.toString(expected), Arrays.toString(search(HALVING, Budget.NONE, 1, 0)));
    }

    @Test
    void decisionsDoNotDependOnThreadTiming() throws Exception {
        String alone = Arrays.toString(search(HALVING, Budget.NONE, 1, 0));
        for (long seed = 1; seed <= 5; seed++) {
            assertEquals(alone, Arrays.toString(search(HALVING, Budget.NONE, 4, seed)), "seed " + seed);
        }
    }

    /** 20 epochs, counted in trial order: 9 + 1 + 9 + 1, and trial 4 no longer fits. */
    @Test
    void anEpochBudgetCapsTheSearchTheSameWayOnAnyNumberOfThreads() throws Exception {
        long[] one = search(HALVING, Budget.ofEpochs(20), 1, 0);
        assertEquals("[9, 1, 9, 1, 0, 0, 0, 0, 0]", Arrays.toString(one));
        assertEquals(20, Arrays.stream(one).sum());
        for (long seed = 1; seed <= 3; seed++) {
            assertEquals(Arrays.toString(one), Arrays.toString(search(HALVING, Budget.ofEpochs(20), 3, seed)));
        }
    }

    @Test
    void aSpentTimeBudgetStartsNothing() throws Exception {
        Instant[] now = {Instant.EPOCH};
        HalvingScheduler scheduler =
                new HalvingScheduler(HALVING, 2, Budget.ofTime(Duration.ofMinutes(1)), () -> now[0]);
        assertEquals(true, scheduler.start(0).goOn());
        now[0] = Instant.EPOCH.plusSeconds(61);
        assertEquals(
                new HalvingScheduler.Decision(false, "the budget of 1 minute was spent before it could start"),
                scheduler.start(1));
    }

    @Test
    void aPrunedTrialSaysWhereAndWhy() throws Exception {
        HalvingScheduler scheduler = new HalvingScheduler(HALVING, 2, Budget.NONE, Instant::now);
        scheduler.start(0);
        scheduler.start(1);
        scheduler.atRung(0, 0, 0.9);
        assertEquals(
                "at rung 1, 1 epoch: val_accuracy 0.8000, not among the best 1 of the 2 trials that reached it",
                scheduler.atRung(1, 0, 0.8).reason());
    }
}
