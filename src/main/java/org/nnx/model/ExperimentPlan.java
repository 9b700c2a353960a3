package org.nnx.model;

import java.nio.file.Path;
import java.util.List;

/**
 * A checked experiment: its runs and where it was written.
 *
 * @param description     the {@code description} statement, or empty
 * @param source          the {@code .nnx} file
 * @param effectiveConfig the experiment's settings after defaults, as {@code .nnx} text
 */
public record ExperimentPlan(String name, String description, Path source, List<RunPlan> runs, String effectiveConfig) {
    public ExperimentPlan {
        runs = List.copyOf(runs);
    }

    /** The names of the settings that vary between runs, in order. */
    public List<String> sweptSettings() {
        return runs.isEmpty() ? List.of() : runs.get(0).varying().labels();
    }
}
