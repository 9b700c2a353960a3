package org.nnx.model;

import java.nio.file.Path;
import java.util.List;
import org.nnx.model.search.SearchPlan;

/**
 * A checked experiment: its runs and where it was written.
 *
 * @param description     the {@code description} statement, or empty
 * @param source          the {@code .nnx} file
 * @param effectiveConfig the experiment's settings after defaults, as {@code .nnx} text
 * @param search          how the runs were chosen ({@code search}) and what they may spend ({@code budget}); with a
 *                        search other than the grid each run is a trial, in the order drawn
 */
public record ExperimentPlan(
        String name, String description, Path source, List<RunPlan> runs, String effectiveConfig, SearchPlan search) {
    public ExperimentPlan {
        runs = List.copyOf(runs);
        search = search == null ? SearchPlan.GRID : search;
    }

    /** A grid of runs, with no budget. */
    public ExperimentPlan(String name, String description, Path source, List<RunPlan> runs, String effectiveConfig) {
        this(name, description, source, runs, effectiveConfig, SearchPlan.GRID);
    }

    /** This experiment with other runs, searched the same way. */
    public ExperimentPlan withRuns(List<RunPlan> otherRuns) {
        return new ExperimentPlan(name, description, source, otherRuns, effectiveConfig, search);
    }

    /** The names of the settings that vary between runs, in order. */
    public List<String> sweptSettings() {
        return runs.isEmpty() ? List.of() : runs.get(0).varying().labels();
    }
}
