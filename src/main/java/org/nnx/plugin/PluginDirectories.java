package org.nnx.plugin;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The folders nnx loads plugin jars from, in this order: {@code plugins/} in the working directory (when it
 * exists), each {@code --plugins DIR} as given, then each folder of {@code NNX_PLUGIN_PATH}, a list
 * separated by the platform's path separator ({@code :} on Unix). A folder named twice is searched once.
 */
public final class PluginDirectories {
    /** The environment variable listing further plugin folders. */
    public static final String ENVIRONMENT_VARIABLE = "NNX_PLUGIN_PATH";
    /** The folder searched by default, relative to the working directory. */
    public static final Path DEFAULT = Path.of("plugins");

    private PluginDirectories() {}

    /**
     * @param defaultDirectory {@link #DEFAULT}, or another folder in tests; skipped silently when absent
     * @param given            the {@code --plugins} folders; each must exist
     * @param pluginPath       the value of {@code NNX_PLUGIN_PATH}, or null; a missing folder in it is a warning
     * @param warnings         receives each warning, without the {@code nnx: warning: } prefix
     * @throws PluginStartupException when a {@code --plugins} folder is not a folder
     */
    public static List<Path> resolve(
            Path defaultDirectory, List<Path> given, String pluginPath, Consumer<String> warnings)
            throws PluginStartupException {
        List<Path> directories = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        List<String> problems = new ArrayList<>();
        if (Files.isDirectory(defaultDirectory)) {
            add(defaultDirectory, directories, seen);
        }
        for (Path directory : given) {
            if (Files.isDirectory(directory)) {
                add(directory, directories, seen);
            } else {
                problems.add("--plugins " + directory + ": "
                        + (Files.exists(directory) ? "not a folder" : "no such folder"));
            }
        }
        if (!problems.isEmpty()) {
            throw new PluginStartupException(problems);
        }
        if (pluginPath != null) {
            for (String entry : pluginPath.split(File.pathSeparator)) {
                if (entry.isBlank()) {
                    continue;
                }
                Path directory = Path.of(entry);
                if (Files.isDirectory(directory)) {
                    add(directory, directories, seen);
                } else {
                    warnings.accept(ENVIRONMENT_VARIABLE + " names " + entry + ", which is not a folder; ignored");
                }
            }
        }
        return directories;
    }

    private static void add(Path directory, List<Path> directories, Set<Path> seen) {
        Path identity;
        try {
            identity = directory.toRealPath();
        } catch (IOException e) {
            identity = directory.toAbsolutePath().normalize();
        }
        if (seen.add(identity)) {
            directories.add(directory);
        }
    }
}
