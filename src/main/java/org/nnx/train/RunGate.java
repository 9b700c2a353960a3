package org.nnx.train;

import java.util.Optional;

/**
 * What a search asks of a run while it trains: at its milestones (the rungs of {@code search halving}) the run
 * is evaluated and told whether to go on. A run outside such a search has none.
 */
public interface RunGate {
    RunGate NONE = new RunGate() {
        @Override
        public boolean milestone(long iteration, long iterationsPerEpoch) {
            return false;
        }

        @Override
        public Optional<String> prune(long iteration, long iterationsPerEpoch, MetricsRow evaluated) {
            return Optional.empty();
        }
    };

    /** Whether the run is evaluated and ruled on after {@code iteration}. */
    boolean milestone(long iteration, long iterationsPerEpoch);

    /** At a milestone, with the evaluation just made: empty to go on, or why the run is pruned here. */
    Optional<String> prune(long iteration, long iterationsPerEpoch, MetricsRow evaluated);
}
