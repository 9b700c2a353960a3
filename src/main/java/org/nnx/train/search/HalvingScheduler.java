package org.nnx.train.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.nnx.model.search.Budget;
import org.nnx.model.search.Halving;

/**
 * The decisions of asynchronous successive halving (ASHA): trials start as cores free up and none waits for a
 * rung to fill. At each rung a trial goes on when it ranks among the best ⌊n/factor⌋ (at least one) of the n trials
 * <em>of lower or equal number</em> that reached the rung, ties going to the lower number; the rest are pruned
 * there. The first trials to reach a rung go on more easily than the rest; over many trials about 1/factor do.
 *
 * <p>That rule is what makes the decisions the same whatever the threads' timing: a trial's decision at a rung
 * depends on the trials numbered before it only, so it waits (rarely, briefly: they started earlier) until each
 * of those has either reached the rung or ended before it. An epoch budget is kept the same way: a trial starts
 * or goes on to a longer rung only when its epochs and the final epochs of the trials numbered before it fit.
 * A time budget is the one thing that depends on the machine: past it, nothing starts and nothing goes on.
 *
 * <p>Thread-safe; a trial's calls come from its own thread, {@link #ended} always last.
 */
public final class HalvingScheduler {
    /** A rung's ruling on one trial. */
    public record Decision(boolean goOn, String reason) {
        static final Decision GO_ON = new Decision(true, "");

        static Decision stop(String reason) {
            return new Decision(false, reason);
        }
    }

    private final Halving halving;
    private final List<Long> rungs;
    private final Budget budget;
    private final Instant deadline;
    private final Supplier<Instant> clock;
    private final Trial[] trials;

    /** What is known of one trial. */
    private static final class Trial {
        final List<Double> rungValues = new ArrayList<>();
        /** The epochs it may train to; 0 before it starts. */
        long allowed;

        boolean ended;
    }

    public HalvingScheduler(Halving halving, int trialCount, Budget budget, Supplier<Instant> clock) {
        this.halving = halving;
        this.rungs = halving.rungs();
        this.budget = budget;
        this.clock = clock;
        this.deadline = budget.time().isZero() ? Instant.MAX : clock.get().plus(budget.time());
        this.trials = new Trial[trialCount];
        for (int i = 0; i < trialCount; i++) {
            trials[i] = new Trial();
        }
    }

    /** What ranks the trials at a rung. */
    public String metric() {
        return halving.metric();
    }

    /** The rungs, in epochs. */
    public List<Long> rungs() {
        return rungs;
    }

    /** The epochs a trial trains before its first ruling: the first rung, or all its epochs with none. */
    public long firstLength() {
        return rungs.isEmpty() ? halving.maxEpochs() : rungs.get(0);
    }

    /** Whether {@code trial} may start; when not, the reason, and it counts as ended. */
    public synchronized Decision start(int trial) throws InterruptedException {
        Decision decision = afford(trial, firstLength(), "start");
        if (decision.goOn()) {
            trials[trial].allowed = firstLength();
        } else {
            end(trial);
        }
        return decision;
    }

    /**
     * The ruling on {@code trial} at rung {@code rung} (0-based), where its metric is {@code value}: go on to the
     * next rung (or to the end), or stop, pruned, and why.
     */
    public synchronized Decision atRung(int trial, int rung, double value) throws InterruptedException {
        Trial own = trials[trial];
        while (own.rungValues.size() < rung) {
            own.rungValues.add(Double.NaN);
        }
        own.rungValues.add(value);
        notifyAll();
        // Wait until every trial numbered before this one has reached the rung or ended short of it.
        for (int j = 0; j < trial; j++) {
            while (!trials[j].ended && trials[j].rungValues.size() <= rung) {
                wait();
            }
        }
        int reached = 0;
        int better = 0;
        for (int j = 0; j <= trial; j++) {
            if (trials[j].rungValues.size() > rung) {
                reached++;
                if (j < trial && !worse(trials[j].rungValues.get(rung), value)) {
                    better++;
                }
            }
        }
        int keep = Math.max(1, reached / halving.factor());
        long epochs = rungs.get(rung);
        if (better >= keep) {
            return Decision.stop(String.format(
                    Locale.ROOT,
                    "at rung %d, %d %s: %s %s, not among the best %d of the %d trials that reached it",
                    rung + 1,
                    epochs,
                    epochs == 1 ? "epoch" : "epochs",
                    halving.metric(),
                    format(value),
                    keep,
                    reached));
        }
        long next = rung + 1 < rungs.size() ? rungs.get(rung + 1) : halving.maxEpochs();
        Decision decision = afford(trial, next, "go on");
        if (decision.goOn()) {
            own.allowed = next;
        }
        return decision;
    }

    /** {@code trial} trains no more: finished, pruned, diverged, failed or stopped. Always called, once. */
    public synchronized void ended(int trial) {
        end(trial);
    }

    /** The epochs {@code trial} was allowed to train: what the budget counts for it. */
    public synchronized long allowedEpochs(int trial) {
        return trials[trial].allowed;
    }

    private void end(int trial) {
        trials[trial].ended = true;
        notifyAll();
    }

    /** Whether training {@code trial} to {@code epochs} fits the budget after the trials numbered before it. */
    private Decision afford(int trial, long epochs, String what) throws InterruptedException {
        if (clock.get().isAfter(deadline)) {
            return Decision.stop("the budget of " + budget.text() + " was spent before it could " + what);
        }
        if (budget.epochs() == 0) {
            return Decision.GO_ON;
        }
        while (true) {
            long spent = 0;
            long atMost = 0;
            for (int j = 0; j < trial; j++) {
                spent += trials[j].allowed;
                atMost += trials[j].ended ? trials[j].allowed : halving.maxEpochs();
            }
            if (spent + epochs > budget.epochs()) {
                return Decision.stop("the budget of " + budget.text() + " did not cover training it to " + epochs
                        + (epochs == 1 ? " epoch" : " epochs"));
            }
            if (atMost + epochs <= budget.epochs()) {
                return Decision.GO_ON;
            }
            wait();
        }
    }

    /** Whether {@code a} ranks below {@code b}; a missing value ranks below every value. */
    private boolean worse(double a, double b) {
        if (Double.isNaN(a)) {
            return !Double.isNaN(b);
        }
        if (Double.isNaN(b)) {
            return false;
        }
        return halving.higherIsBetter() ? a < b : a > b;
    }

    private static String format(double value) {
        return Double.isNaN(value) ? "missing" : String.format(Locale.ROOT, "%.4g", value);
    }
}
