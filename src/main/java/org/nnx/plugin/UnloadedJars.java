package org.nnx.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Plugin jars near a {@code .nnx} file that nnx did not load: beside the file, or in its folder's
 * {@code plugins/}. A file that names something unknown is told about them and where nnx looked, since a
 * jar put in the wrong place otherwise only shows as {@code unknown layer 'gelu'}.
 */
public final class UnloadedJars {
    private final List<Path> searched;
    private final Set<Path> loaded = new HashSet<>();

    /**
     * @param searched the folders nnx loaded jars from
     * @param loaded   the jars it loaded (or skipped as broken: those were warned about already)
     */
    public UnloadedJars(List<Path> searched, List<Path> loaded) {
        this.searched = List.copyOf(searched);
        loaded.forEach(jar -> this.loaded.add(identity(jar)));
        searched.forEach(folder -> jars(folder).forEach(jar -> this.loaded.add(identity(jar))));
    }

    /**
     * {@code nnx looked for plugin jars in plugins (none found beside the file); not loaded: exp/gelu.jar;
     * pass --plugins exp}, or empty when no jar lies near {@code file} unloaded.
     */
    public Optional<String> near(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        if (folder == null) {
            return Optional.empty();
        }
        Path shown = file.getParent() == null ? Path.of(".") : file.getParent();
        List<String> unloaded = new ArrayList<>();
        List<String> folders = new ArrayList<>();
        for (Path[] candidate : new Path[][] {{folder, shown}, {folder.resolve("plugins"), shown.resolve("plugins")}}) {
            List<Path> jars = jars(candidate[0]).stream()
                    .filter(jar -> !loaded.contains(identity(jar)))
                    .toList();
            if (!jars.isEmpty()) {
                folders.add(candidate[1].toString());
                jars.forEach(jar ->
                        unloaded.add(candidate[1].resolve(jar.getFileName()).toString()));
            }
        }
        if (unloaded.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("nnx looked for plugin jars in "
                + (searched.isEmpty()
                        ? "plugins/ of the working folder (absent), --plugins and "
                                + PluginDirectories.ENVIRONMENT_VARIABLE + " (none given)"
                        : String.join(
                                ", ", searched.stream().map(Path::toString).toList()))
                + " and did not load " + String.join(", ", unloaded) + "; to use "
                + (unloaded.size() == 1 ? "it" : "them") + ", pass "
                + String.join(" ", folders.stream().map(f -> "--plugins " + f).toList()));
    }

    private static List<Path> jars(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f ->
                            f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static Path identity(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }
}
