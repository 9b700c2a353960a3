package org.nnx.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nnx.plugin.Registries.LoadedPlugins;
import org.nnx.registry.DatasetLoader;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The files and options that {@code run} and {@code check} share. */
final class FileOptions {
    @Parameters(paramLabel = "FILE", arity = "1..*", description = "the .nnx files, checked together")
    List<Path> files = new ArrayList<>();

    @Option(names = "--only", paramLabel = "NAME", description = "only the experiment or objective called NAME")
    String only;

    @Mixin
    PluginFolders pluginFolders;

    /** The files' plans, checked together and narrowed to {@code --only}. */
    Plans plans(Inputs inputs, LoadedPlugins loaded, DatasetLoader datasets, Terminal terminal) {
        return new FileAnalysis(loaded, datasets, terminal)
                .analyze(inputs.files())
                .only(only);
    }
}
