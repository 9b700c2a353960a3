package org.nnx.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --plugins DIR}, repeatable, of the commands that load the project's plugins: run, check, plugins. */
final class PluginFolders {
    @Option(
            names = "--plugins",
            paramLabel = "DIR",
            description = "also load the plugin jars of DIR (repeatable), besides plugins/ and NNX_PLUGIN_PATH")
    List<Path> given = new ArrayList<>();
}
