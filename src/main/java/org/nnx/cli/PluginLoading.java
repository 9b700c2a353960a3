package org.nnx.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.nnx.plugin.PluginDirectories;
import org.nnx.plugin.PluginLock;
import org.nnx.plugin.PluginStartupException;
import org.nnx.plugin.Registries;
import org.nnx.plugin.Registries.LoadedPlugins;

/**
 * The built-ins and the plugin jars of {@code plugins/}, the {@code --plugins} folders and
 * {@code NNX_PLUGIN_PATH}. A jar that cannot load is a warning, and nnx goes on without it. While
 * {@code plugins.lock} exists, only jars that match their pins there load.
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
            List<Path> directories = directories(defaultFolder, given, terminal);
            return Registries.load(directories, PluginLock.read(lockFile(defaultFolder)), warning);
        } catch (PluginStartupException e) {
            throw new CommandFailure(ExitStatus.BAD_INPUT, e.problems());
        }
    }

    /** The folders plugin jars load from, in order. */
    static List<Path> directories(Path defaultFolder, List<Path> given, Terminal terminal) {
        try {
            return PluginDirectories.resolve(
                    defaultFolder, given, System.getenv(PluginDirectories.ENVIRONMENT_VARIABLE), terminal::warning);
        } catch (PluginStartupException e) {
            throw new CommandFailure(ExitStatus.BAD_INPUT, e.problems());
        }
    }

    /** {@code plugins.lock}, beside the default plugin folder. */
    static Path lockFile(Path defaultFolder) {
        return defaultFolder.resolveSibling(PluginLock.FILE_NAME);
    }
}
