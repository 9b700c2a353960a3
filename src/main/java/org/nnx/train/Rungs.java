package org.nnx.train;

import java.util.List;
import java.util.Optional;
import org.nnx.model.ExperimentPlan;

/**
 * A trial's rungs under {@code search halving}: after each rung's last iteration the trial is evaluated, and
 * {@link Ruling} says whether it goes on. The rungs are counted here, the rulings made where the search is: in
 * this process, or in nnx's own when the trial trains in a worker process.
 */
public final class Rungs implements RunGate {
    /** What rules on a trial at one of its rungs. */
    public interface Ruling {
        /**
         * @param rung      the rung, from 0
         * @param evaluated the evaluation just made, at the rung's last iteration
         * @return empty to go on; else why the trial is pruned here
         */
        Optional<String> rule(int rung, long iteration, long iterationsPerEpoch, MetricsRow evaluated)
                throws InterruptedException;
    }

    private final List<Long> epochs;
    private final Ruling ruling;
    private int rung;

    Rungs(List<Long> epochs, Ruling ruling) {
        this.epochs = List.copyOf(epochs);
        this.ruling = ruling;
    }

    /** The rungs of the plan's halving search, each ruled on by {@code ruling}; {@link #NONE} outside one. */
    public static RunGate of(ExperimentPlan plan, Ruling ruling) {
        return plan.search()
                .halving()
                .<RunGate>map(halving -> new Rungs(halving.rungs(), ruling))
                .orElse(NONE);
    }

    @Override
    public boolean milestone(long iteration, long iterationsPerEpoch) {
        return rung < epochs.size() && iteration == epochs.get(rung) * iterationsPerEpoch;
    }

    @Override
    public Optional<String> prune(long iteration, long iterationsPerEpoch, MetricsRow evaluated) {
        try {
            return ruling.rule(rung++, iteration, iterationsPerEpoch, evaluated);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while its rung was ruled on");
        }
    }
}
