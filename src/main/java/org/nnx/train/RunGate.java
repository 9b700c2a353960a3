package org.nnx.train;

import java.util.List;
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

    /**
     * Rules again, in order, on the milestones among {@code rows}, the rows an earlier process recorded of this
     * run, so that the search knows of them what it knew then: a resumed run is ruled on at the milestones still
     * ahead of it, and the trials after it are ruled on with its values. The rulings are the same as then, as
     * they depend on the same values.
     *
     * @param lastRuled whether the last row, if a milestone, was ruled on: a checkpoint is written after the
     *                  ruling, but a run that diverged or stopped early there ended before it
     * @return empty when the run may go on; else why it was pruned
     */
    default Optional<String> replay(List<MetricsRow> rows, long iterationsPerEpoch, boolean lastRuled) {
        for (int i = 0; i < rows.size(); i++) {
            MetricsRow row = rows.get(i);
            boolean ruled = i < rows.size() - 1 || lastRuled;
            if (ruled && milestone(row.iteration(), iterationsPerEpoch)) {
                Optional<String> pruned = prune(row.iteration(), iterationsPerEpoch, row);
                if (pruned.isPresent()) {
                    return pruned;
                }
            }
        }
        return Optional.empty();
    }
}
