package org.nnx.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nnx.plugin.Registries.LoadedPlugins;
import org.nnx.registry.ComponentKind;
import org.nnx.registry.ComponentRegistry;
import org.nnx.registry.PluginOrigin;
import org.nnx.spi.Arguments;
import org.nnx.spi.Freezable;
import org.nnx.spi.Layer;
import org.nnx.spi.LayerContext;
import org.nnx.spi.NnxPlugin;
import org.nnx.tensor.Precision;
import org.nnx.tensor.Tensor;

/**
 * Loading plugin jars: each way a jar can be broken is a warning naming the jar and the reason, and the
 * other jars load; a name given twice stops nnx with a message naming both jars; a plugin's class loader
 * sees the SPI and the JDK and nothing else of nnx.
 */
class PluginLoadingTest {
    /** A layer y = 2x: enough of a contribution to tell a loaded plugin from a skipped one. */
    private static String plugin(String pkg, String type, String body) {
        return """
                package %s;

                import java.util.List;
                import org.nnx.spi.*;
                import org.nnx.tensor.Tensor;

                public final class %s implements NnxPlugin {
                    %s

                    static LayerFactory twice(String name) {
                        return new LayerFactory() {
                            public String name() { return name; }
                            public String description() { return "y = 2x"; }
                            public Layer create(Arguments arguments, LayerContext context) {
                                return new Layer() {
                                    public Tensor forward(Tensor input, boolean training) {
                                        Tensor y = input.copy();
                                        for (int i = 0; i < y.size(); i++) y.set(i, 2 * y.get(i));
                                        return y;
                                    }
                                    public Tensor backward(Tensor dy) {
                                        Tensor dx = dy.copy();
                                        for (int i = 0; i < dx.size(); i++) dx.set(i, 2 * dx.get(i));
                                        return dx;
                                    }
                                };
                            }
                        };
                    }
                }
                """.formatted(pkg, type, body);
    }

    private static final String STANDARD = """
            public int spiVersion() { return SPI_VERSION; }
            public String name() { return "%s"; }
            public List<LayerFactory> layers() { return List.of(twice("%s")); }
            """;

    @TempDir
    static Path work;

    static Path classes;

    @BeforeAll
    static void compilePlugins() throws IOException {
        Path sources = PluginJars.writeSources(
                work.resolve("src"),
                plugin("com.good", "GoodPlugin", STANDARD.formatted("good", "twice")),
                plugin("com.boom", "BoomPlugin", """
                        public BoomPlugin() { throw new IllegalStateException("no licence key"); }
                        """ + STANDARD.formatted("boom", "boom")),
                plugin("com.lists", "ListsPlugin", """
                        public int spiVersion() { return SPI_VERSION; }
                        public String name() { return "lists"; }
                        public List<LayerFactory> layers() { throw new IllegalStateException("layers are not ready"); }
                        """),
                plugin("com.future", "FuturePlugin", """
                        public int spiVersion() { return SPI_VERSION + 1; }
                        public String name() { return "future"; }
                        """),
                """
                package com.wrong;

                public final class NotAPlugin implements Runnable {
                    public void run() {
                    }
                }
                """,
                """
                package com.dep;

                public final class Helper {
                }
                """,
                plugin("com.missing", "MissingPlugin", """
                        private final Object helper = new com.dep.Helper();
                        """ + STANDARD.formatted("missing", "missing")),
                plugin("com.internal", "InternalPlugin", """
                        public int spiVersion() { return SPI_VERSION; }
                        public String name() { return "internal"; }
                        public List<LayerFactory> layers() { return List.of((LayerFactory) new org.nnx.builtins.BuiltinPlugin().layers().get(0)); }
                        """),
                plugin("com.twin1", "TwinPlugin", STANDARD.formatted("twin1", "twin")),
                plugin("com.twin2", "TwinPlugin", STANDARD.formatted("twin2", "twin")),
                plugin("com.twin3", "TwinPlugin", STANDARD.formatted("twin1", "twin")),
                plugin("com.relu", "ReluPlugin", STANDARD.formatted("relu", "relu")),
                plugin("com.badname", "BadNamePlugin", STANDARD.formatted("badname", "my-layer")),
                plugin("com.dup", "DupPlugin", """
                        public int spiVersion() { return SPI_VERSION; }
                        public String name() { return "dup"; }
                        public List<LayerFactory> layers() { return List.of(twice("dup"), twice("dup")); }
                        """),
                plugin("com.freeze", "FreezePlugin", """
                        public int spiVersion() { return SPI_VERSION; }
                        public String name() { return "freeze"; }
                        public List<LayerFactory> layers() {
                            return List.of(new LayerFactory() {
                                public String name() { return "frozen"; }
                                public String description() { return "y = x, freezable"; }
                                public Layer create(Arguments arguments, LayerContext context) { return new FrozenLayer(); }
                            });
                        }
                        """),
                """
                package com.freeze;

                import org.nnx.spi.Freezable;
                import org.nnx.tensor.Tensor;

                public final class FrozenLayer implements Freezable, Runnable {
                    private boolean frozen;

                    public Tensor forward(Tensor input, boolean training) {
                        if (input.rows() == 7) throw new IllegalStateException("seven rows");
                        return input;
                    }
                    public Tensor backward(Tensor dy) { return dy; }
                    public void freeze(boolean frozen) { this.frozen = frozen; }
                    public void copyFrozenState(Freezable source) {
                        if (!(source instanceof FrozenLayer)) throw new IllegalArgumentException("not a FrozenLayer");
                    }
                    public void run() { }
                    public String toString() { return "frozen=" + frozen; }
                }
                """,
                plugin("com.noctor", "NoCtorPlugin", """
                        public NoCtorPlugin(String configuration) { }
                        """ + STANDARD.formatted("noctor", "noctor")));
        classes = PluginJars.compile(sources, work.resolve("classes"));
    }

    private static Path jar(Path folder, String file, String pkg, String services) throws IOException {
        return PluginJars.jar(folder.resolve(file), classes, List.of(pkg.replace('.', '/') + "/"), services, null);
    }

    private final List<String> warnings = new ArrayList<>();

    private LoadedPlugins load(Path... folders) throws PluginStartupException {
        return Registries.load(List.of(folders), warnings::add);
    }

    /** The one warning loading {@code folder} gave. */
    private String onlyWarning(Path folder) throws PluginStartupException {
        try (LoadedPlugins loaded = load(folder)) {
            assertEquals(List.of(), loaded.jars(), "a broken jar must not load");
        }
        assertEquals(1, warnings.size(), warnings.toString());
        return warnings.get(0);
    }

    @Test
    void aGoodJarLoadsWithItsOriginVersionAndHash(@TempDir Path folder) throws Exception {
        Path jar = jar(folder, "good-2.3.1.jar", "com.good", "com.good.GoodPlugin\n");
        try (LoadedPlugins loaded = load(folder)) {
            assertEquals(List.of(), warnings);
            var factory = loaded.registry().layer("twice");
            PluginOrigin origin = loaded.registry().origin(factory);
            assertEquals(new PluginOrigin("good", "good-2.3.1.jar", jar.toString(), "2.3.1", sha256(jar)), origin);
            assertEquals("good-2.3.1.jar 2.3.1 sha256:" + sha256(jar), origin.describe());
            assertEquals("built-in", loaded.registry().source(loaded.registry().layer("relu")));
        }
    }

    @Test
    void versionComesFromTheManifestFirstAndIsUnversionedWithoutEither(@TempDir Path folder) throws Exception {
        PluginJars.jar(folder.resolve("a-9.9.jar"), classes, List.of("com/good/"), "com.good.GoodPlugin", "1.0");
        try (LoadedPlugins loaded = load(folder)) {
            assertEquals("1.0", loaded.jars().get(0).version());
        }
        Path other = Files.createDirectory(folder.resolve("other"));
        jar(other, "good.jar", "com.good", "com.good.GoodPlugin");
        try (LoadedPlugins loaded = load(other)) {
            assertEquals("unversioned", loaded.jars().get(0).version());
        }
    }

    @Test
    void aFileThatIsNotAJarIsSkipped(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("bad.jar"), "this is not a zip file");
        assertEquals(
                folder.resolve("bad.jar") + ": not a jar file (zip END header not found); skipped",
                onlyWarning(folder));
    }

    /** Each way a jar can be broken: the jar, the package of its classes, its provider list, the reason given. */
    static Stream<org.junit.jupiter.params.provider.Arguments> brokenJars() {
        String sees = "which is not in the jar (NoClassDefFoundError); a plugin sees only its own jar, org.nnx.spi,"
                + " org.nnx.tensor and the JDK, so it must bundle what else it uses";
        return Stream.of(
                broken(
                        "plain.jar",
                        "com.good",
                        null,
                        "no provider: the jar has no META-INF/services/org.nnx.spi.NnxPlugin"),
                broken(
                        "empty.jar",
                        "com.good",
                        "# nothing yet\n",
                        "no provider: META-INF/services/org.nnx.spi.NnxPlugin lists no class"),
                broken(
                        "wrong.jar",
                        "com.wrong",
                        "com.wrong.NotAPlugin\n",
                        "com.wrong.NotAPlugin, listed in"
                                + " META-INF/services/org.nnx.spi.NnxPlugin, does not implement org.nnx.spi.NnxPlugin"),
                broken(
                        "absent.jar",
                        "com.good",
                        "com.good.Absent\n",
                        "com.good.Absent, listed in META-INF/services/org.nnx.spi.NnxPlugin, is not in the jar"),
                // com.dep.Helper is compiled but left out of the jar, as a library the author forgot to bundle.
                broken(
                        "missing.jar",
                        "com.missing",
                        "com.missing.MissingPlugin\n",
                        "the constructor of com.missing.MissingPlugin needs class com.dep.Helper, " + sees),
                // nnx's internals are invisible to a plugin.
                broken(
                        "internal.jar",
                        "com.internal",
                        "com.internal.InternalPlugin\n",
                        "com.internal.InternalPlugin.layers() needs class org.nnx.builtins.BuiltinPlugin, " + sees),
                broken(
                        "noctor.jar",
                        "com.noctor",
                        "com.noctor.NoCtorPlugin\n",
                        "com.noctor.NoCtorPlugin has no public constructor without arguments"),
                broken(
                        "boom.jar",
                        "com.boom",
                        "com.boom.BoomPlugin\n",
                        "the constructor of com.boom.BoomPlugin threw IllegalStateException: no licence key"),
                broken(
                        "lists.jar",
                        "com.lists",
                        "com.lists.ListsPlugin\n",
                        "com.lists.ListsPlugin.layers() threw IllegalStateException: layers are not ready"),
                broken(
                        "future.jar",
                        "com.future",
                        "com.future.FuturePlugin\n",
                        "com.future.FuturePlugin was built for nnx SPI version 3, but this nnx provides SPI"
                                + " versions 1..2; use a newer nnx"),
                broken("dup.jar", "com.dup", "com.dup.DupPlugin\n", "it contributes layer 'dup' twice"));
    }

    private static org.junit.jupiter.params.provider.Arguments broken(
            String file, String pkg, String services, String reason) {
        return org.junit.jupiter.params.provider.Arguments.of(file, pkg, services, reason);
    }

    @ParameterizedTest(name = "{0}: {3}")
    @MethodSource("brokenJars")
    void aBrokenJarIsSkippedWithItsReason(String file, String pkg, String services, String reason, @TempDir Path folder)
            throws Exception {
        jar(folder, file, pkg, services);
        assertEquals(folder.resolve(file) + ": " + reason + "; skipped", onlyWarning(folder));
    }

    @Test
    void aNameAFileCannotWriteIsSkipped(@TempDir Path folder) throws Exception {
        jar(folder, "badname.jar", "com.badname", "com.badname.BadNamePlugin\n");
        assertTrue(
                onlyWarning(folder).startsWith(folder.resolve("badname.jar") + ": layer factory com.badname."),
                warnings.toString());
        assertTrue(
                warnings.get(0)
                        .endsWith(" is named 'my-layer', which a file cannot write (a name is a letter or _"
                                + " followed by letters, digits or _); skipped"),
                warnings.get(0));
    }

    @Test
    void brokenJarsDoNotStopTheGoodOnes(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("a-bad.jar"), "not a jar");
        jar(folder, "b-boom.jar", "com.boom", "com.boom.BoomPlugin\n");
        jar(folder, "c-good.jar", "com.good", "com.good.GoodPlugin\n");
        Files.createDirectory(folder.resolve("sources.jar.d"));
        Files.writeString(folder.resolve("README.txt"), "not a plugin");
        try (LoadedPlugins loaded = load(folder)) {
            assertEquals(2, warnings.size(), warnings.toString());
            assertEquals(
                    List.of("c-good.jar"),
                    loaded.jars().stream().map(PluginLoader.LoadedJar::jar).toList());
            assertTrue(loaded.registry().find(ComponentKind.LAYER, "twice").isPresent());
        }
    }

    @Test
    void aShortNameInTwoJarsNamesNeitherAndEachKeepsItsQualifiedName(@TempDir Path folder) throws Exception {
        jar(folder, "twin-one.jar", "com.twin1", "com.twin1.TwinPlugin\n");
        jar(folder, "twin-two.jar", "com.twin2", "com.twin2.TwinPlugin\n");
        try (LoadedPlugins loaded = load(folder)) {
            ComponentRegistry registry = loaded.registry();
            assertEquals(List.of(), warnings);
            assertTrue(registry.find(ComponentKind.LAYER, "twin").isEmpty());
            assertEquals(
                    Optional.of(
                            "layer 'twin' is given by twin-one.jar and twin-two.jar; write twin1.twin or twin2.twin"),
                    registry.ambiguity(ComponentKind.LAYER, "twin"));
            assertEquals(
                    "twin-one.jar",
                    registry.origin(registry.layer("twin1.twin")).jar());
            assertEquals(
                    "twin-two.jar",
                    registry.origin(registry.layer("twin2.twin")).jar());
            assertEquals(
                    List.of("twin1.twin", "twin2.twin"),
                    registry.all(ComponentKind.LAYER).keySet().stream()
                            .filter(name -> name.endsWith("twin"))
                            .toList());
        }
    }

    @Test
    void aJarMayGiveABuiltInsNameWhichThenNeedsQualifying(@TempDir Path folder) throws Exception {
        jar(folder, "relu.jar", "com.relu", "com.relu.ReluPlugin\n");
        try (LoadedPlugins loaded = load(folder)) {
            ComponentRegistry registry = loaded.registry();
            assertEquals(
                    Optional.of("layer 'relu' is given by nnx's built-ins and relu.jar; write nnx.relu or relu.relu"),
                    registry.ambiguity(ComponentKind.LAYER, "relu"));
            assertTrue(registry.origin(registry.layer("nnx.relu")).builtIn());
            assertEquals(
                    "relu.jar", registry.origin(registry.layer("relu.relu")).jar());
            assertEquals(Optional.empty(), registry.ambiguity(ComponentKind.LAYER, "sigmoid"));
            assertTrue(registry.find(ComponentKind.LAYER, "sigmoid").isPresent());
            assertTrue(registry.find(ComponentKind.LAYER, "nnx.sigmoid").isPresent());
        }
    }

    @Test
    void twoPluginsOfTheSameNameGivingOneNameStopNnxNamingBothJarsByPath(@TempDir Path first, @TempDir Path second)
            throws Exception {
        jar(first, "twin.jar", "com.twin1", "com.twin1.TwinPlugin\n");
        jar(second, "twin.jar", "com.twin3", "com.twin3.TwinPlugin\n");
        PluginStartupException e = assertThrows(PluginStartupException.class, () -> load(first, second));
        assertEquals(
                List.of("layer 'twin1.twin' is contributed by both " + first.resolve("twin.jar") + " and "
                        + second.resolve("twin.jar") + ", plugins of the same name; remove one"),
                e.problems());
    }

    /** The boom plugin, whose constructor throws: a refusal naming the versions shows none of its code ran. */
    private List<String> warningsForStatedVersions(Path folder, String stated) throws Exception {
        PluginJars.jar(
                folder.resolve("boom.jar"),
                classes,
                List.of("com/boom/"),
                "com.boom.BoomPlugin\n",
                null,
                Map.of(NnxPlugin.SPI_VERSIONS_ATTRIBUTE, stated));
        load(folder).close();
        return warnings;
    }

    @Test
    void aJarStatingOnlyNewerSpiVersionsIsRefusedBeforeItsCodeRuns(@TempDir Path folder) throws Exception {
        assertEquals(
                List.of(folder.resolve("boom.jar") + ": it works with nnx SPI versions 3..4, but this nnx provides SPI"
                        + " versions 1..2; use a newer nnx; skipped"),
                warningsForStatedVersions(folder, "3..4"));
    }

    @Test
    void aJarStatingOnlyOlderSpiVersionsIsToldToRebuild(@TempDir Path folder) throws Exception {
        assertEquals(
                List.of(folder.resolve("boom.jar") + ": it works with nnx SPI versions 0, but this nnx provides SPI"
                        + " versions 1..2; rebuild the plugin against SPI version 2; skipped"),
                warningsForStatedVersions(folder, "0"));
    }

    @Test
    void aJarStatingNoRangeIsToldWhatARangeLooksLike(@TempDir Path folder) throws Exception {
        assertEquals(
                List.of(folder.resolve("boom.jar") + ": its manifest's Nnx-Spi-Versions '2-3' is not a range of SPI"
                        + " versions such as 2, 1..3 or 2..; skipped"),
                warningsForStatedVersions(folder, "2-3"));
    }

    @Test
    void aJarStatingARangeThatMeetsNnxsLoadsAndShowsIt(@TempDir Path folder) throws Exception {
        PluginJars.jar(
                folder.resolve("good.jar"),
                classes,
                List.of("com/good/"),
                "com.good.GoodPlugin\n",
                null,
                Map.of(NnxPlugin.SPI_VERSIONS_ATTRIBUTE, "2.."));
        try (LoadedPlugins loaded = load(folder)) {
            assertEquals(List.of(), warnings);
            assertEquals("2..", loaded.jars().get(0).spiVersions().toString());
        }
    }

    @Test
    void aJarBuiltAgainstSpiVersion1LoadsWithItsRange() throws Exception {
        Path fixture = Path.of("src", "test", "resources", "fixtures");
        try (LoadedPlugins loaded = load(fixture)) {
            assertEquals(List.of(), warnings);
            assertEquals("1..", loaded.jars().get(0).spiVersions().toString());
            assertTrue(loaded.registry().find(ComponentKind.LAYER, "swish").isPresent());
            assertTrue(loaded.registry()
                    .find(ComponentKind.OPTIMIZER, "acme_example.lion")
                    .isPresent());
        }
    }

    @Test
    void spiRangesParseAndMeet() {
        assertEquals(new SpiVersions(1, 3), SpiVersions.parse("1..3"));
        assertEquals(SpiVersions.from(2), SpiVersions.parse(" 2.. "));
        assertEquals(new SpiVersions(4, 4), SpiVersions.parse("4"));
        assertTrue(SpiVersions.parse("2..").meets(SpiVersions.PROVIDED));
        assertTrue(SpiVersions.parse("0..1").meets(SpiVersions.PROVIDED));
        assertFalse(SpiVersions.parse("3..").meets(SpiVersions.PROVIDED));
        assertThrows(IllegalArgumentException.class, () -> SpiVersions.parse("3..2"));
    }

    @Test
    void theSameJarFoundTwiceLoadsOnce(@TempDir Path first, @TempDir Path second) throws Exception {
        Path jar = jar(first, "good.jar", "com.good", "com.good.GoodPlugin\n");
        Files.copy(jar, second.resolve("copy-of-good.jar"));
        try (LoadedPlugins loaded = load(first, second)) {
            assertEquals(1, loaded.jars().size());
            assertEquals(
                    List.of(second.resolve("copy-of-good.jar") + ": the same jar as " + jar + "; skipped"), warnings);
        }
    }

    @Test
    void aPluginSeesTheSpiAndTheJdkButNotNnxOrItsLibraries(@TempDir Path folder) throws Exception {
        jar(folder, "good.jar", "com.good", "com.good.GoodPlugin\n");
        try (LoadedPlugins loaded = load(folder)) {
            ClassLoader loader = loaded.jars().get(0).loader();
            assertSame(Layer.class, loader.loadClass("org.nnx.spi.Layer"));
            assertSame(org.nnx.tensor.Tensor.class, loader.loadClass("org.nnx.tensor.Tensor"));
            assertSame(String.class, loader.loadClass("java.lang.String"));
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass("org.nnx.nn.Relu"));
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass("com.google.inject.Guice"));
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass("org.antlr.v4.runtime.Parser"));
            // The jar has no index: its layer is a stand-in until used, and then the plugin's own factory.
            assertEquals(
                    loader,
                    PluginLayerFactory.unguarded(loaded.registry().layer("twice"))
                            .getClass()
                            .getClassLoader());
        }
    }

    @Test
    void aPluginLayerKeepsItsCapabilitiesThroughTheGuard(@TempDir Path folder) throws Exception {
        jar(folder, "freeze.jar", "com.freeze", "com.freeze.FreezePlugin\n");
        try (LoadedPlugins loaded = load(folder)) {
            LayerContext context =
                    new LayerContext(3, null, null, Precision.FLOAT32, new SplittableRandom(1), call -> null);
            Layer layer = loaded.registry().layer("frozen").create(Arguments.EMPTY, context);
            Layer other = loaded.registry().layer("frozen").create(Arguments.EMPTY, context);
            assertTrue(layer instanceof Runnable, "every interface of the plugin's layer survives");
            Freezable freezable = assertInstanceOf(Freezable.class, layer);
            freezable.freeze(true);
            freezable.copyFrozenState((Freezable) other);
            assertEquals("frozen=true", layer.toString());
            PluginException e = assertThrows(
                    PluginException.class, () -> layer.forward(Tensor.zeros(Precision.FLOAT32, 7, 3), true));
            assertEquals("layer 'frozen' from freeze.jar threw IllegalStateException: seven rows", e.getMessage());
        }
    }

    @Test
    void foldersComeInOrderOnceEachAndOnlyGivenOnesMustExist(@TempDir Path root) throws Exception {
        Path defaults = Files.createDirectory(root.resolve("plugins"));
        Path given = Files.createDirectory(root.resolve("given"));
        Path fromEnvironment = Files.createDirectory(root.resolve("env"));
        String path = String.join(
                File.pathSeparator,
                fromEnvironment.toString(),
                "",
                root.resolve("nowhere").toString(),
                given.toString());
        List<Path> directories = PluginDirectories.resolve(defaults, List.of(given, defaults), path, warnings::add);
        assertEquals(List.of(defaults, given, fromEnvironment), directories);
        assertEquals(
                List.of("NNX_PLUGIN_PATH names " + root.resolve("nowhere") + ", which is not a folder; ignored"),
                warnings);

        assertEquals(List.of(), PluginDirectories.resolve(root.resolve("absent"), List.of(), null, warnings::add));
        PluginStartupException e = assertThrows(
                PluginStartupException.class,
                () -> PluginDirectories.resolve(defaults, List.of(root.resolve("typo")), null, warnings::add));
        assertEquals(List.of("--plugins " + root.resolve("typo") + ": no such folder"), e.problems());
    }

    @Test
    void theRepositorysPluginsFolderHoldsSourcesThatAreNeverLoaded() throws Exception {
        // Run from the project folder, nnx looks in plugins/, where the example's pom and sources live in a
        // subfolder: only jars directly in the folder count (a developer may have dropped one there).
        try (LoadedPlugins loaded = load(Path.of("plugins"))) {
            assertTrue(loaded.jars().stream()
                    .allMatch(j -> Path.of(j.path()).getParent().equals(Path.of("plugins"))));
            assertTrue(warnings.stream().noneMatch(w -> w.contains("acme-example/")), warnings.toString());
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
