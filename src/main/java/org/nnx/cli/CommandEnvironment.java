package org.nnx.cli;

import java.nio.file.Path;
import java.util.List;
import org.nnx.plugin.Registries.LoadedPlugins;
import org.nnx.tensor.BlasSelection;
import org.nnx.train.StopSignal;

/**
 * What every command runs with.
 *
 * @param terminal            stdout and stderr
 * @param stop                set by Ctrl-C; training ends after its iteration
 * @param defaultPluginFolder {@code plugins/}, or, in tests, a folder that keeps jars a developer dropped
 *                            into the project's own {@code plugins/} out of the test
 * @param choosesBlas         whether to choose the BLAS backend by {@link BlasSelection}; tests keep theirs
 */
record CommandEnvironment(Terminal terminal, StopSignal stop, Path defaultPluginFolder, boolean choosesBlas) {

    /** The built-ins and the plugin jars nnx finds; the caller closes them. */
    LoadedPlugins loadPlugins(List<Path> given) {
        return PluginLoading.load(defaultPluginFolder, given, terminal);
    }

    /** The folders plugin jars load from, in order, without loading any. */
    List<Path> pluginDirectories(List<Path> given) {
        return PluginLoading.directories(defaultPluginFolder, given, terminal);
    }

    /** {@code plugins.lock}: beside the default plugin folder. */
    Path pluginLock() {
        return PluginLoading.lockFile(defaultPluginFolder);
    }

    /**
     * Chooses the BLAS backend once for the process, before anything trains.
     *
     * @throws CommandFailure when {@code NNX_BLAS} asks for a backend that cannot run
     */
    void prepareBlas() {
        if (!choosesBlas) {
            return;
        }
        try {
            BlasSelection.install();
        } catch (BlasSelection.BlasUnavailableException e) {
            throw new CommandFailure(ExitStatus.BAD_INPUT, e.getMessage());
        }
    }
}
