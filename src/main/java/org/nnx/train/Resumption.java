package org.nnx.train;

import java.util.Optional;
import org.nnx.model.RunPlan;

/**
 * What an earlier, interrupted {@code nnx run} left of each run: a result when the run had ended (it is not
 * trained again), or its last checkpoint (it goes on from there); neither, and it starts from the beginning.
 */
public interface Resumption {
    Resumption NONE = new Resumption() {};

    /** The result of a run that ended ok, diverged or failed in the earlier process. */
    default Optional<RunResult> finished(RunPlan run) {
        return Optional.empty();
    }

    /** The last checkpoint of a run that was stopped or killed. */
    default Optional<Checkpoint> checkpoint(RunPlan run) {
        return Optional.empty();
    }
}
