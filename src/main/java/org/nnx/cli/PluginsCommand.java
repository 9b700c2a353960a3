package org.nnx.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.nnx.plugin.Registries.LoadedPlugins;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nnx plugins [--verify] [--plugins DIR]...}. */
@Command(
        name = "plugins",
        sortOptions = false,
        description = "List every name a file can use, with its parameters and source.")
final class PluginsCommand implements Callable<Integer> {
    @Option(names = "--verify", description = "gradient-check every layer against central differences instead")
    boolean verify;

    @Option(
            names = "--plugins",
            paramLabel = "DIR",
            description = "also load the plugin jars of DIR (repeatable), besides plugins/ and NNX_PLUGIN_PATH")
    List<Path> plugins = new ArrayList<>();

    @Mixin
    HelpOption help;

    private final CommandEnvironment environment;

    PluginsCommand(CommandEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        try (LoadedPlugins loaded = environment.loadPlugins(plugins)) {
            return verify
                    ? new LayerVerification(environment.terminal().out()).verify(loaded)
                    : new PluginListing(environment.terminal().out()).list(loaded);
        }
    }
}
