package org.nnx.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.nnx.registry.ComponentKind;
import org.nnx.registry.ComponentRegistry;
import org.nnx.registry.PluginOrigin;
import org.nnx.spi.Component;
import org.nnx.spi.NnxPlugin;

/**
 * Finds and loads plugin jars. The rules:
 * <ul>
 *   <li>In each folder, in order, every regular file whose name ends in {@code .jar}, directly in the folder
 *       (subfolders and other files are ignored), in order of file name.</li>
 *   <li>Each jar gets its own {@link PluginClassLoader}: it sees its own classes, the SPI and the JDK.</li>
 *   <li>While {@code plugins.lock} exists ({@link PluginLock}), a jar whose SHA-256 differs from its pin there,
 *       or that has none, is refused before any of its code runs.</li>
 *   <li>A jar whose manifest states SPI versions ({@value NnxPlugin#SPI_VERSIONS_ATTRIBUTE}) none of which this
 *       nnx provides ({@link SpiVersions#PROVIDED}) is refused before any of its code runs.</li>
 *   <li>Its plugins are the classes listed in {@code META-INF/services/org.nnx.spi.NnxPlugin}, found with
 *       {@link ServiceLoader}; each must have been built for an SPI version this nnx provides.</li>
 *   <li>A jar with a contribution index ({@link ContributionIndex}) runs none of its code now: its names come
 *       from the index, and its plugins are made the first time a contribution of it is used
 *       ({@link LazyJar}). For a jar without one, nnx learns the index by making its plugins in a process of
 *       their own, once per jar content ({@link DerivedIndexes}), and then treats it alike.</li>
 *   <li>Each plugin's lists, and each factory's name, description and schema, are asked for once, when its
 *       plugin is made.</li>
 *   <li>A jar that fails any of this is skipped whole, with a warning naming it and the reason; the others
 *       load. A jar with the same content as one loaded before it is skipped with a warning.</li>
 * </ul>
 * Names contributed by two jars are not this class's business: {@link Registries} refuses them.
 */
public final class PluginLoader {
    static final String SERVICE_FILE = "META-INF/services/" + NnxPlugin.class.getName();
    private static final Pattern VERSION_IN_NAME =
            Pattern.compile(".+?-(\\d+(?:[.\\-][0-9A-Za-z]+)*)\\.jar", Pattern.CASE_INSENSITIVE);

    /**
     * A jar that loaded.
     *
     * @param path    the jar as found, {@code plugins/acme-layers.jar}
     * @param plugins one per provider the jar lists, in the order it lists them
     */
    public record LoadedJar(
            String path,
            String jar,
            String version,
            String sha256,
            SpiVersions spiVersions,
            List<PluginContributions> plugins,
            URLClassLoader loader) {}

    private final Consumer<String> warnings;
    private final Optional<PluginLock> lock;
    private final ClassLoader spiLoader = NnxPlugin.class.getClassLoader();
    private final boolean probeFirst;
    private final DerivedIndexes indexes;
    /** The names of the jars refused so far whose index names their contributions. */
    private final List<ComponentRegistry.Unusable> refused = new ArrayList<>();

    /** @param warnings receives one line per skipped jar, without the {@code nnx: warning: } prefix */
    public PluginLoader(Consumer<String> warnings) {
        this(warnings, Optional.empty());
    }

    /** @param lock when present, a jar must match its pin there to load */
    public PluginLoader(Consumer<String> warnings, Optional<PluginLock> lock) {
        this(warnings, lock, true);
    }

    /**
     * @param probeFirst whether a jar's plugins are first made in a process of their own ({@link PluginProbe})
     *                   when a file first uses them, so that a plugin that ends its process ends that one; false
     *                   where nnx's process is itself one to spare (a worker). The names of a jar without an
     *                   index are learnt in a process of their own either way ({@link DerivedIndexes}).
     */
    public PluginLoader(Consumer<String> warnings, Optional<PluginLock> lock, boolean probeFirst) {
        this(warnings, lock, probeFirst, DerivedIndexes.here());
    }

    /** @param indexes where the indexes of jars without one are kept */
    PluginLoader(Consumer<String> warnings, Optional<PluginLock> lock, boolean probeFirst, DerivedIndexes indexes) {
        this.warnings = warnings;
        this.lock = lock;
        this.probeFirst = probeFirst;
        this.indexes = indexes;
    }

    /** Every loadable jar of the folders, in the order found. */
    public List<LoadedJar> load(List<Path> directories) {
        // First what the jars show without running their code, then the indexes of those without one, all in one
        // process, then the jars, their warnings in the order the jars were found.
        List<Found> found = new ArrayList<>();
        Map<String, String> pathsByHash = new HashMap<>();
        for (Path directory : directories) {
            for (Path file : jars(directory, warnings)) {
                found.add(find(file, pathsByHash));
            }
        }
        Map<Path, DerivedIndexes.Derived> derived = indexes.of(found.stream()
                .filter(jar -> jar.warning().isEmpty() && jar.contents().index().isEmpty())
                .map(jar -> new DerivedIndexes.Unindexed(jar.file(), jar.sha256()))
                .toList());
        List<LoadedJar> loaded = new ArrayList<>();
        for (Found jar : found) {
            if (jar.warning().isPresent()) {
                warnings.accept(jar.path() + ": " + jar.warning().get() + "; skipped");
                continue;
            }
            try {
                loaded.add(load(jar, derived));
            } catch (PluginContributions.Rejected e) {
                refuse(jar.file(), e.getMessage());
                warnings.accept(jar.path() + ": " + e.getMessage() + "; skipped");
            } catch (IOException e) {
                warnings.accept(jar.path() + ": cannot read: " + e.getMessage() + "; skipped");
            }
        }
        return loaded;
    }

    /**
     * A jar as found, before any of its code runs.
     *
     * @param warning why it is skipped already, when it is
     */
    private record Found(
            Path file,
            String path,
            String sha256,
            JarContents contents,
            Optional<SpiVersions> stated,
            Optional<String> warning) {
        static Found skipped(Path file, String warning) {
            return new Found(file, file.toString(), "", null, Optional.empty(), Optional.of(warning));
        }
    }

    /** What the jar shows without running its code; skipped when that already rules it out. */
    private Found find(Path file, Map<String, String> pathsByHash) {
        String path = file.toString();
        try {
            String sha256 = sha256(file);
            Optional<String> refusal = lock.flatMap(pins -> pins.refusal(path, sha256));
            if (refusal.isPresent()) {
                refuse(file, refusal.get());
                return Found.skipped(file, refusal.get());
            }
            String earlier = pathsByHash.putIfAbsent(sha256, path);
            if (earlier != null) {
                return Found.skipped(file, "the same jar as " + earlier);
            }
            JarContents contents = contents(file);
            return new Found(file, path, sha256, contents, statedSpiVersions(contents.manifest()), Optional.empty());
        } catch (PluginContributions.Rejected e) {
            refuse(file, e.getMessage());
            return Found.skipped(file, e.getMessage());
        } catch (IOException e) {
            return Found.skipped(file, "cannot read: " + e.getMessage());
        }
    }

    /**
     * The contributions of the jars {@link #load} refused, by the names their indexes give (a jar without an index
     * has none known): a file that names one is told that it cannot be used, and why.
     */
    public List<ComponentRegistry.Unusable> refused() {
        return List.copyOf(refused);
    }

    /** Keeps the names the refused jar's index gives, read without running its code, with why it was refused. */
    private void refuse(Path file, String why) {
        String jar = file.getFileName().toString();
        try {
            for (ContributionIndex.IndexedPlugin plugin :
                    contents(file).index().map(ContributionIndex::plugins).orElse(List.of())) {
                PluginOrigin origin = new PluginOrigin(plugin.name(), jar, file.toString(), null, null);
                plugin.names()
                        .forEach((kind, names) -> names.forEach(name -> refused.add(
                                new ComponentRegistry.Unusable(kind, name, origin.qualify(name), jar + ": " + why))));
            }
        } catch (PluginContributions.Rejected e) {
            // No readable index: its names are not known, and a file that names one hears of the skipped jar.
        }
    }

    /** The jars of a folder in the order they load. */
    static List<Path> jars(Path directory, Consumer<String> warnings) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f ->
                            f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar"))
                    .filter(Files::isRegularFile)
                    .sorted((a, b) ->
                            a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            warnings.accept(directory + ": cannot list the folder: " + e.getMessage() + "; skipped");
            return List.of();
        }
    }

    /** @param derived the indexes learnt for jars without one */
    private LoadedJar load(Found found, Map<Path, DerivedIndexes.Derived> derived)
            throws PluginContributions.Rejected, IOException {
        Path file = found.file();
        String jar = file.getFileName().toString();
        String version = version(found.contents().manifest(), jar);
        ContributionIndex index;
        boolean probe = probeFirst;
        if (found.contents().index().isPresent()) {
            index = found.contents().index().get();
        } else {
            DerivedIndexes.Derived learnt = derived.get(file);
            index = learnt.index().orElseThrow(() -> new PluginContributions.Rejected(learnt.reason()));
            // Its plugins were made in a process of their own just now: a second one would learn nothing new.
            probe &= !learnt.fresh();
        }
        List<Integer> spiVersions = new ArrayList<>();
        for (ContributionIndex.IndexedPlugin plugin : index.plugins()) {
            spiVersions.add(checkVersion(plugin.name(), plugin.spiVersion()));
        }
        PluginClassLoader loader = new PluginClassLoader(jar, file.toUri().toURL(), spiLoader);
        LazyJar lazy =
                new LazyJar(file, new PluginOrigin(jar, jar, found.path(), version, found.sha256()), loader, probe);
        List<PluginContributions> plugins = new ArrayList<>();
        for (ContributionIndex.IndexedPlugin plugin : index.plugins()) {
            plugins.add(lazy.contributions(plugin));
        }
        try {
            checkNoTwice(plugins);
        } catch (PluginContributions.Rejected e) {
            loader.close();
            throw e;
        }
        return new LoadedJar(
                found.path(), jar, version, found.sha256(), needed(found.stated(), spiVersions), plugins, loader);
    }

    private static SpiVersions needed(Optional<SpiVersions> stated, List<Integer> spiVersions) {
        return stated.orElseGet(() -> SpiVersions.from(
                spiVersions.stream().mapToInt(Integer::intValue).max().orElseThrow()));
    }

    /**
     * Makes the jar's plugins, running their code: the classes its {@value #SERVICE_FILE} lists, each asked for
     * its lists once.
     *
     * @param spiVersions receives the SPI version each plugin was built for
     */
    static List<PluginContributions> plugins(
            ClassLoader loader, String jar, String path, String version, String sha256, List<Integer> spiVersions)
            throws PluginContributions.Rejected {
        List<PluginContributions> plugins = new ArrayList<>();
        try {
            for (NnxPlugin plugin : ServiceLoader.load(NnxPlugin.class, loader)) {
                spiVersions.add(checkVersion(plugin));
                PluginOrigin origin = new PluginOrigin(pluginName(plugin), jar, path, version, sha256);
                plugins.add(PluginContributions.fromJar(plugin, origin));
            }
        } catch (ServiceConfigurationError e) {
            throw new PluginContributions.Rejected(RejectionReasons.of(e));
        } catch (RuntimeException | LinkageError e) {
            throw new PluginContributions.Rejected(RejectionReasons.of("the plugin", e));
        }
        if (plugins.isEmpty()) {
            throw new PluginContributions.Rejected("no provider: " + SERVICE_FILE + " lists no class");
        }
        checkNoTwice(plugins);
        return plugins;
    }

    /** The jar's manifest (null when it has none) and its contribution index, when it has one. */
    private record JarContents(Manifest manifest, Optional<ContributionIndex> index) {}

    /**
     * The jar's manifest and index, read without running its code. Also where a file that is not a jar, a
     * jar with no provider list, or one with an index that cannot be read, is found out.
     */
    private static JarContents contents(Path file) throws PluginContributions.Rejected {
        try (JarFile jarFile = new JarFile(file.toFile())) {
            if (jarFile.getEntry(SERVICE_FILE) == null) {
                throw new PluginContributions.Rejected("no provider: the jar has no " + SERVICE_FILE);
            }
            JarEntry entry = jarFile.getJarEntry(ContributionIndex.RESOURCE);
            if (entry == null) {
                return new JarContents(jarFile.getManifest(), Optional.empty());
            }
            String text;
            try (InputStream in = jarFile.getInputStream(entry)) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            try {
                return new JarContents(jarFile.getManifest(), Optional.of(ContributionIndex.parse(text)));
            } catch (IllegalArgumentException e) {
                throw new PluginContributions.Rejected(ContributionIndex.RESOURCE + ": " + e.getMessage());
            }
        } catch (IOException e) {
            throw new PluginContributions.Rejected("not a jar file (" + e.getMessage() + ")");
        }
    }

    /** The manifest's {@code Implementation-Version}, else the version in its name ({@code acme-1.2.jar}), else {@code unversioned}. */
    private static String version(Manifest manifest, String jar) {
        String version =
                manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.IMPLEMENTATION_VERSION);
        if (version != null && !version.isBlank()) {
            return version.strip();
        }
        Matcher matcher = VERSION_IN_NAME.matcher(jar);
        return matcher.matches() ? matcher.group(1) : "unversioned";
    }

    /**
     * The SPI versions the manifest says the jar works with, checked against this nnx's before any of the
     * jar's code runs.
     */
    private static Optional<SpiVersions> statedSpiVersions(Manifest manifest) throws PluginContributions.Rejected {
        String stated =
                manifest == null ? null : manifest.getMainAttributes().getValue(NnxPlugin.SPI_VERSIONS_ATTRIBUTE);
        if (stated == null) {
            return Optional.empty();
        }
        SpiVersions needed;
        try {
            needed = SpiVersions.parse(stated);
        } catch (IllegalArgumentException e) {
            throw new PluginContributions.Rejected(
                    "its manifest's " + NnxPlugin.SPI_VERSIONS_ATTRIBUTE + " " + e.getMessage());
        }
        if (!needed.meets(SpiVersions.PROVIDED)) {
            throw new PluginContributions.Rejected("it works with nnx SPI versions " + needed
                    + ", but this nnx provides SPI versions " + SpiVersions.PROVIDED + "; "
                    + (needed.oldest() > SpiVersions.PROVIDED.newest()
                            ? "use a newer nnx"
                            : "rebuild the plugin against SPI version " + NnxPlugin.SPI_VERSION));
        }
        return Optional.of(needed);
    }

    /** The SPI version an indexed plugin was built for, as its index says, when this nnx provides it. */
    private static int checkVersion(String plugin, int version) throws PluginContributions.Rejected {
        if (!SpiVersions.PROVIDED.contains(version)) {
            throw new PluginContributions.Rejected(notProvided("plugin '" + plugin + "'", version));
        }
        return version;
    }

    private static String notProvided(String what, int version) {
        return what + " was built for nnx SPI version " + version + ", but this nnx provides SPI versions "
                + SpiVersions.PROVIDED + "; "
                + (version > NnxPlugin.SPI_VERSION
                        ? "use a newer nnx"
                        : "rebuild the plugin against SPI version " + NnxPlugin.SPI_VERSION);
    }

    /** The SPI version the plugin was built for, when this nnx provides it. */
    static int checkVersion(NnxPlugin plugin) throws PluginContributions.Rejected {
        String type = plugin.getClass().getName();
        int version;
        try {
            version = plugin.spiVersion();
        } catch (AbstractMethodError e) {
            throw new PluginContributions.Rejected(type + " does not implement spiVersion(), so it was built for an nnx"
                    + " older than SPI version 1; this nnx provides SPI versions " + SpiVersions.PROVIDED
                    + "; rebuild the plugin against SPI version " + NnxPlugin.SPI_VERSION);
        } catch (RuntimeException | LinkageError e) {
            throw new PluginContributions.Rejected(RejectionReasons.of(type + ".spiVersion()", e));
        }
        if (!SpiVersions.PROVIDED.contains(version)) {
            throw new PluginContributions.Rejected(notProvided(type, version));
        }
        return version;
    }

    private static String pluginName(NnxPlugin plugin) throws PluginContributions.Rejected {
        String name;
        try {
            name = plugin.name();
        } catch (RuntimeException | LinkageError e) {
            throw new PluginContributions.Rejected(
                    RejectionReasons.of(plugin.getClass().getName() + ".name()", e));
        }
        return name == null || name.isBlank() ? plugin.getClass().getSimpleName() : name;
    }

    /** A jar must not contribute a name twice itself: that is a broken jar, skipped like any other. */
    static void checkNoTwice(List<PluginContributions> plugins) throws PluginContributions.Rejected {
        for (ComponentKind kind : ComponentKind.values()) {
            List<String> names = new ArrayList<>();
            for (PluginContributions plugin : plugins) {
                for (Component component : plugin.byKind().get(kind)) {
                    if (names.contains(component.name())) {
                        throw new PluginContributions.Rejected(
                                "it contributes " + kind.label() + " '" + component.name() + "' twice");
                    }
                    names.add(component.name());
                }
            }
        }
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
