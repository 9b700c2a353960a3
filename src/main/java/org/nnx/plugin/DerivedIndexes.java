package org.nnx.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.nnx.files.AtomicFile;

/**
 * The contribution indexes of jars built without one, learnt by making their plugins in a process of their own
 * ({@link PluginProbe#indexes}) and kept by the jar's SHA-256, so that a jar's content costs that process once,
 * not once per command. They are kept in {@value #PROPERTY}, else {@value #VARIABLE}, else
 * {@code $XDG_CACHE_HOME/nnx/plugin-index}, else {@code ~/.cache/nnx/plugin-index}, one file
 * {@code <sha256>.index} a jar. Only indexes of jars whose plugins were made are kept: a jar that failed may
 * work once its surroundings are fixed. A kept index that cannot be read is learnt again and replaced.
 */
final class DerivedIndexes {
    /** The system property naming the folder, for tests and embedding. */
    static final String PROPERTY = "nnx.plugin.index.cache";
    /** The environment variable naming the folder. */
    static final String VARIABLE = "NNX_PLUGIN_INDEX_CACHE";

    private final Path folder;

    DerivedIndexes(Path folder) {
        this.folder = folder;
    }

    /** The folder of this process's settings and environment. */
    static DerivedIndexes here() {
        return new DerivedIndexes(folder(System.getenv()));
    }

    static Path folder(Map<String, String> environment) {
        return Stream.of(
                        given(System.getProperty(PROPERTY)).map(Path::of),
                        given(environment.get(VARIABLE)).map(Path::of),
                        given(environment.get("XDG_CACHE_HOME")).map(xdg -> Path.of(xdg, "nnx", "plugin-index")))
                .flatMap(Optional::stream)
                .findFirst()
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".cache", "nnx", "plugin-index"));
    }

    /** A setting's value, unless it is unset or blank. */
    private static Optional<String> given(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    /**
     * A jar found without an index.
     *
     * @param sha256 its content's
     */
    record Unindexed(Path file, String sha256) {}

    /**
     * What a jar without an index contributes.
     *
     * @param index  its names, when its plugins could be made
     * @param reason otherwise, why not: what the warning says
     * @param fresh  whether its plugins were made in a process of their own by this call, rather than their
     *               index read from where it was kept
     */
    record Derived(Optional<ContributionIndex> index, String reason, boolean fresh) {}

    /** Each jar's index, kept from before or learnt now (in one probe for all that need it) and kept. */
    Map<Path, Derived> of(List<Unindexed> jars) {
        Map<Path, Derived> derived = new LinkedHashMap<>();
        List<Path> unknown = new ArrayList<>();
        Map<Path, String> hashes = new LinkedHashMap<>();
        for (Unindexed jar : jars) {
            Optional<ContributionIndex> kept = read(jar.sha256());
            if (kept.isPresent()) {
                derived.put(jar.file(), new Derived(kept, "", false));
            } else {
                unknown.add(jar.file());
                hashes.put(jar.file(), jar.sha256());
            }
        }
        if (!unknown.isEmpty()) {
            PluginProbe.indexes(unknown).forEach((file, learnt) -> {
                derived.put(file, derived(learnt));
                learnt.index().ifPresent(text -> keep(hashes.get(file), text));
            });
        }
        return derived;
    }

    private static Derived derived(PluginProbe.Indexed learnt) {
        if (learnt.index().isEmpty()) {
            return new Derived(Optional.empty(), learnt.reason(), true);
        }
        try {
            return new Derived(
                    Optional.of(ContributionIndex.parse(learnt.index().get())), "", true);
        } catch (IllegalArgumentException e) {
            return new Derived(Optional.empty(), "its plugins' names cannot be indexed: " + e.getMessage(), true);
        }
    }

    Path file(String sha256) {
        return folder.resolve(sha256 + ".index");
    }

    private Optional<ContributionIndex> read(String sha256) {
        try {
            return Optional.of(ContributionIndex.parse(Files.readString(file(sha256))));
        } catch (IOException | IllegalArgumentException e) {
            // Absent, unreadable or damaged: the probe learns it again.
            return Optional.empty();
        }
    }

    private void keep(String sha256, String text) {
        try {
            Files.createDirectories(folder);
            AtomicFile.writeString(file(sha256), text);
        } catch (IOException e) {
            // Not kept: the next command learns the index again, which costs time but changes nothing else.
        }
    }
}
