package org.nnx.analysis;

import java.util.List;
import org.nnx.model.RunPlan;

/**
 * Names a search's trials by their number, {@code trial=3,learning_rate=0.0123}: two draws may take the same
 * values, and each is a run of its own.
 */
final class Trials {
    private Trials() {}

    static List<RunPlan> numbered(int trial, List<RunPlan> runs) {
        return runs.stream()
                .map(run -> {
                    String name = "trial=" + trial + "," + run.name();
                    String configuration = "trial=" + trial + "," + run.configuration();
                    return new RunPlan(
                            name,
                            run.varying(),
                            run.config(),
                            configuration,
                            run.settings(),
                            run.memoryBytes(),
                            run.failure());
                })
                .toList();
    }
}
