package org.nnx.cli;

import org.nnx.registry.ComponentRegistry;

/**
 * nnx's own engine: runs train in its process on {@code NNX_CORES} cores, and a run that uses a plugin's code in
 * a worker process of its own ({@link WorkerRuns}).
 */
record LocalEngine(ComponentRegistry registry, Terminal terminal) implements RunEngine {
    @Override
    public String name() {
        return LOCAL;
    }

    @Override
    public Runs start(Settings settings) {
        if (settings.master().isPresent() || !settings.conf().isEmpty()) {
            throw new Unavailable("--master and --conf are for another engine than local: add --engine spark");
        }
        return new WorkerRuns(
                registry,
                settings.pluginFolders(),
                settings.lockFile(),
                settings.chooseBlas(),
                settings.stop(),
                terminal);
    }
}
