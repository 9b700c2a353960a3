package org.nnx.model;

import java.nio.file.Path;
import java.util.List;

/** A checked objective: gradient descent runs on one formula, one per combination of swept values. */
public record ObjectivePlan(String name, String description, Path source, String formula, List<ObjectiveRun> runs) {
    public ObjectivePlan {
        runs = List.copyOf(runs);
    }

    public List<String> sweptSettings() {
        return runs.isEmpty() ? List.of() : runs.get(0).varying().labels();
    }
}
