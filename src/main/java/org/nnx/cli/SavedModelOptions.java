package org.nnx.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The saved model that {@code predict}, {@code evaluate} and {@code export} read, and where its plugins are. */
final class SavedModelOptions {
    @Parameters(index = "0", paramLabel = "MODEL", description = "model.safetensors, or the run folder holding it")
    Path model;

    @Option(names = "--plugins", paramLabel = "DIR", description = "also load the plugin jars of DIR (repeatable)")
    List<Path> plugins = new ArrayList<>();
}
