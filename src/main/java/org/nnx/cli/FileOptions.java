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

    /**
     * The files' plans, checked together and narrowed to {@code --only}. Files that name plugin contributions are
     * checked in a process of their own first, which loads the jars under {@code lockFile}.
     *
     * @param nothingTrainsIsAnError whether files none of whose runs can train, for what they name cannot be used,
     *                               are an error: what {@code check} says; {@code run} fails their runs
     */
    Plans plans(
            Inputs inputs,
            LoadedPlugins loaded,
            DatasetLoader datasets,
            Terminal terminal,
            Path lockFile,
            boolean nothingTrainsIsAnError) {
        FileAnalysis analysis = new FileAnalysis(loaded, datasets, terminal).checkingApartFirst(lockFile);
        return (nothingTrainsIsAnError ? analysis.nothingTrainingIsAnError() : analysis)
                .analyze(inputs.files())
                .only(only);
    }
}
