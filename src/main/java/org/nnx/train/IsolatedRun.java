package org.nnx.train;

import java.util.Optional;
import org.nnx.model.ExperimentPlan;
import org.nnx.model.RunPlan;

/**
 * A run to train outside nnx's own process ({@link RunIsolation#train}).
 *
 * @param index      the run's place in the plan
 * @param cores      the run's share of the cores: a core group of that many threads when 2 or more
 * @param resumeFrom the checkpoint to go on from, when it has one
 * @param gate       for a trial of {@code search halving}, what rules on it in nnx's process at each rung: the run
 *                   elsewhere waits for the ruling and goes on or ends pruned as in nnx's process; {@link
 *                   RunGate#NONE} for any other run, and for every run where not {@link RunIsolation#asksAtRungs}
 */
public record IsolatedRun(ExperimentPlan plan, int index, int cores, Optional<Checkpoint> resumeFrom, RunGate gate) {
    public RunPlan run() {
        return plan.runs().get(index);
    }
}
