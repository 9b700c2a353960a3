package org.nnx.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.nnx.files.AtomicFile;
import org.nnx.plugin.PluginLock;
import org.nnx.plugin.Registries.LoadedPlugins;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nnx plugins [--verify | --lock] [--plugins DIR]...}. */
@Command(
        name = "plugins",
        sortOptions = false,
        description = "List every name a file can use, with its parameters and source.")
final class PluginsCommand extends Subcommand {
    @Option(
            names = "--verify",
            description = "check every layer's and loss's gradient, every optimizer, initializer and dataset instead")
    boolean verify;

    @Option(
            names = "--lock",
            description = "pin every plugin jar's SHA-256 in plugins.lock instead; nnx then refuses a jar that differs")
    boolean lock;

    @Mixin
    PluginFolders pluginFolders;

    PluginsCommand(CommandEnvironment environment) {
        super(environment, null);
    }

    @Override
    public Integer call() {
        if (lock) {
            return lock();
        }
        try (LoadedPlugins loaded = environment.loadPlugins(pluginFolders.given)) {
            return verify
                    ? new LayerVerification(terminal().out()).verify(loaded)
                    : new PluginListing(terminal().out()).list(loaded);
        }
    }

    /** Pins the jars without loading them: none of their code runs. */
    private int lock() {
        Path file = environment.pluginLock();
        List<String> pinned;
        try {
            pinned = PluginLock.pins(environment.pluginDirectories(pluginFolders.given));
            AtomicFile.writeString(file, PluginLock.text(pinned));
        } catch (IOException e) {
            throw new CommandFailure(ExitStatus.RUN_FAILED, file + ": cannot write: " + e.getMessage());
        }
        PrintStream out = terminal().out();
        out.println("wrote " + file + ": " + Counts.of(pinned.size(), "jar") + " pinned");
        pinned.forEach(line -> out.println("  " + line));
        return ExitStatus.OK;
    }
}
