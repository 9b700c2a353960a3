package org.nnx.analysis;

import org.nnx.registry.ComponentRegistry;
import org.nnx.registry.DatasetLoader;

/** What checks and the plan builder share: the registry, the argument binder and loaded datasets. */
record AnalysisContext(ComponentRegistry registry, ArgumentBinder binder, DatasetLoader datasets) {
    AnalysisContext(ComponentRegistry registry, DatasetLoader datasets) {
        this(registry, new ArgumentBinder(registry), datasets);
    }
}
