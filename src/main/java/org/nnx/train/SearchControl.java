package org.nnx.train;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.nnx.model.ExperimentPlan;
import org.nnx.model.RunPlan;
import org.nnx.model.TrainingLength;
import org.nnx.model.search.Budget;
import org.nnx.model.search.Halving;
import org.nnx.train.search.HalvingScheduler;

/**
 * What an experiment's search decides while it runs: whether a run may start (its budget) and, for
 * {@code search halving}, where each trial is ruled on and pruned. A grid without a budget decides nothing.
 * Every method is called from the run's own thread; {@link #ended} always last.
 */
abstract class SearchControl {

    static SearchControl of(ExperimentPlan plan, Supplier<Instant> clock) {
        Optional<Halving> halving = plan.search().halving();
        if (halving.isPresent()) {
            return new Halved(new HalvingScheduler(
                    halving.get(), plan.runs().size(), plan.search().budget(), clock));
        }
        return new Budgeted(plan, plan.search().budget(), clock);
    }

    /** Empty when run {@code index} may start; else why it does not run. */
    abstract Optional<String> admit(int index);

    /** What rules on run {@code index} while it trains. */
    RunGate gate(int index) {
        return RunGate.NONE;
    }

    /** Run {@code index} trains no more (or never started). */
    void ended(int index) {}

    /**
     * A grid or drawn trials under a budget: an epoch budget admits the runs, in order, whose planned epochs
     * fit in it (the same runs every time); a time budget admits the runs that start before it is spent.
     */
    private static final class Budgeted extends SearchControl {
        private final Budget budget;
        private final Supplier<Instant> clock;
        private final Instant deadline;
        private final long[] epochsBefore;
        private final long[] epochs;

        Budgeted(ExperimentPlan plan, Budget budget, Supplier<Instant> clock) {
            this.budget = budget;
            this.clock = clock;
            this.deadline = budget.time().isZero() ? Instant.MAX : clock.get().plus(budget.time());
            this.epochs = new long[plan.runs().size()];
            this.epochsBefore = new long[plan.runs().size()];
            long sum = 0;
            for (int i = 0; i < epochs.length; i++) {
                RunPlan run = plan.runs().get(i);
                epochs[i] = run.config() == null || run.config().length().unit() != TrainingLength.Unit.EPOCHS
                        ? 0
                        : run.config().length().count();
                epochsBefore[i] = sum;
                sum += epochs[i];
            }
        }

        @Override
        Optional<String> admit(int index) {
            if (budget.epochs() > 0 && epochsBefore[index] + epochs[index] > budget.epochs()) {
                return Optional.of("the budget of " + budget.text() + " did not cover it: the runs before it take "
                        + epochsBefore[index] + " and it " + epochs[index]);
            }
            if (clock.get().isAfter(deadline)) {
                return Optional.of("the budget of " + budget.text() + " was spent before it could start");
            }
            return Optional.empty();
        }
    }

    /** Successive halving: the scheduler admits trials and rules on them at each rung. */
    private static final class Halved extends SearchControl {
        private final HalvingScheduler scheduler;

        Halved(HalvingScheduler scheduler) {
            this.scheduler = scheduler;
        }

        @Override
        Optional<String> admit(int index) {
            try {
                HalvingScheduler.Decision decision = scheduler.start(index);
                return decision.goOn() ? Optional.empty() : Optional.of(decision.reason());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.of("interrupted before it started");
            }
        }

        @Override
        RunGate gate(int index) {
            return rungGate(scheduler, index);
        }

        @Override
        void ended(int index) {
            scheduler.ended(index);
        }
    }

    /** One trial's rungs: after each, its metric goes to the scheduler, which says whether it goes on. */
    private static Rungs rungGate(HalvingScheduler scheduler, int trial) {
        return new Rungs(scheduler.rungs(), (rung, iteration, iterationsPerEpoch, evaluated) -> {
            HalvingScheduler.Decision decision = scheduler.atRung(trial, rung, metric(scheduler, evaluated));
            return decision.goOn() ? Optional.empty() : Optional.of(decision.reason());
        });
    }

    private static double metric(HalvingScheduler scheduler, MetricsRow row) {
        if (row == null) {
            return Double.NaN;
        }
        return switch (scheduler.metric()) {
            case "val_loss" -> row.validationLoss();
            case "train_accuracy" -> row.trainAccuracy();
            case "test_accuracy" -> row.testAccuracy();
            default -> row.validationAccuracy();
        };
    }
}
