package org.nnx.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.nnx.plugin.PluginDirectories;
import org.nnx.plugin.PluginStartupException;
import org.nnx.plugin.Registries;
import org.nnx.plugin.Registries.LoadedPlugins;

/**
 * The built-ins and the plugin jars of {@code plugins/}, the {@code --plugins} folders and
 * {@code NNX_PLUGIN_PATH}. A jar that cannot load is a warning, and nnx goes on without it.
 */
final class PluginLoading {
    private PluginLoading() {}

    /**
     * @throws CommandFailure (status 2) when nnx cannot start with the plugins: a {@code --plugins} folder
     *                        that is missing, a name given by two jars
     */
    static LoadedPlugins load(Path defaultFolder, List<Path> given, Terminal terminal) {
        Consumer<String> warning = terminal::warning;
        try {
            List<Path> directories = PluginDirectories.resolve(
                    defaultFolder, given, System.getenv(PluginDirectories.ENVIRONMENT_VARIABLE), warning);
            return Registries.load(directories, warning);
        } catch (PluginStartupException e) {
            throw new CommandFailure(ExitStatus.BAD_INPUT, e.problems());
        }
    }
}
