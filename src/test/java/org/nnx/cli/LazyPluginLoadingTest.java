package org.nnx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnx.plugin.ContributionIndex;
import org.nnx.plugin.PluginJars;

/**
 * A jar with a contribution index runs none of its code until a file uses one of its names: a plugin whose
 * constructor calls {@code System.exit} leaves every command on other files alone, and a file that uses it
 * is told what happened instead of nnx ending without a word. A jar without an index has its names learnt in
 * a process of their own, kept by the jar's content: a plugin there that calls {@code System.exit} gets its jar
 * skipped with a warning, and nnx's own process runs none of its code for a file that does not use it.
 */
class LazyPluginLoadingTest {
    /** {@code exiting.jar}, whose plugin's constructor calls System.exit(3), and {@code marking.jar}. */
    private static Path plugins;

    /** The file marking.jar's plugin creates when it is made, named by its source. */
    private static Path marker;

    /**
     * Without an index: {@code quitting.jar}, whose plugin's constructor calls System.exit(3),
     * {@code static-quitting.jar}, whose plugin's static initializer does, and {@code noting.jar}, whose
     * plugin's static initializer adds a line with its process's id to {@link #notes}.
     */
    private static Path unindexed;

    private static Path notes;

    private static final String SKIPPED =
            "nnx: warning: %s: plugin called System.exit(3) when it was loaded; skipped\n";

    @BeforeAll
    static void buildTheJars(@TempDir Path build) throws IOException {
        notes = build.resolve("noting-plugin-initialized");
        marker = build.resolve("marking-plugin-made");
        String identity = """
                public String name() { return "NAME"; }
                public String description() { return "the identity"; }
                public List<ParameterSpec> parameters() { return List.of(); }
                public Layer create(Arguments arguments, LayerContext context) {
                    return new Layer() {
                        public Tensor forward(Tensor input, boolean training) { return input; }
                        public Tensor backward(Tensor outputGradient) { return outputGradient; }
                    };
                }
                """;
        Path sources = PluginJars.writeSources(
                build.resolve("src"),
                PluginJars.layerPluginSource(
                                "com.exiting", "ExitingPlugin", "exiting", identity.replace("NAME", "exiting"))
                        .replace(
                                "public int spiVersion()",
                                "public ExitingPlugin() { System.exit(3); }\n    public int spiVersion()"),
                PluginJars.layerPluginSource(
                                "com.marking", "MarkingPlugin", "marking", identity.replace("NAME", "marking"))
                        .replace("public int spiVersion()", """
                                public MarkingPlugin() {
                                        try {
                                            java.nio.file.Files.writeString(java.nio.file.Path.of("MARKER"), "made");
                                        } catch (java.io.IOException e) {
                                            throw new java.io.UncheckedIOException(e);
                                        }
                                    }
                                    public java.util.List<org.nnx.spi.DatasetFactory> datasets() {
                                        return java.util.List.of(new org.nnx.spi.DatasetFactory() {
                                            public String name() { return "marking_data"; }
                                            public String description() { return "no data"; }
                                            public org.nnx.spi.Dataset load(
                                                    org.nnx.spi.Arguments arguments, org.nnx.spi.DatasetContext context)
                                                    throws org.nnx.spi.DatasetException {
                                                throw new org.nnx.spi.DatasetException("no data");
                                            }
                                        });
                                    }
                                    public int spiVersion()""".replace(
                                        "MARKER", marker.toString().replace("\\", "\\\\"))),
                before(
                        PluginJars.layerPluginSource(
                                "com.quitting", "QuittingPlugin", "quitting", identity.replace("NAME", "quitting")),
                        "public QuittingPlugin() { System.exit(3); }"),
                before(
                        PluginJars.layerPluginSource(
                                "com.stquitting",
                                "StaticQuittingPlugin",
                                "stquitting",
                                identity.replace("NAME", "stquitting")),
                        "static { System.exit(3); }"),
                before(
                        PluginJars.layerPluginSource(
                                "com.noting", "NotingPlugin", "noting", identity.replace("NAME", "noting")),
                        """
                        static {
                                try {
                                    java.nio.file.Files.writeString(
                                            java.nio.file.Path.of("NOTES"),
                                            ProcessHandle.current().pid() + "\\n",
                                            java.nio.file.StandardOpenOption.CREATE,
                                            java.nio.file.StandardOpenOption.APPEND);
                                } catch (java.io.IOException e) {
                                    throw new java.io.UncheckedIOException(e);
                                }
                            }""".replace("NOTES", notes.toString().replace("\\", "\\\\"))));
        Path classes = PluginJars.compile(sources, build.resolve("classes"));
        plugins = Files.createDirectory(build.resolve("plugins"));
        for (String name : List.of("exiting", "marking")) {
            Path index = classes.resolve(name).resolve(ContributionIndex.RESOURCE);
            Files.createDirectories(index.getParent());
            // marking.jar also offers a dataset: a file that names another dataset must not make its plugin.
            String dataset = name.equals("marking") ? "dataset marking_data\n" : "";
            Files.writeString(index, "# written by hand\nplugin " + name + " 2\nlayer " + name + "\n" + dataset);
            Path both = Files.createDirectories(build.resolve(name + "-classes"));
            copy(classes, both, "com/" + name + "/");
            copy(classes.resolve(name), both, "META-INF/");
            PluginJars.jar(
                    plugins.resolve(name + ".jar"),
                    both,
                    List.of("com/" + name + "/", "META-INF/nnx/"),
                    "com." + name + "." + Character.toUpperCase(name.charAt(0)) + name.substring(1) + "Plugin\n",
                    null);
        }
        unindexed = Files.createDirectory(build.resolve("unindexed"));
        PluginJars.jar(
                unindexed.resolve("quitting.jar"),
                classes,
                List.of("com/quitting/"),
                "com.quitting.QuittingPlugin\n",
                null);
        PluginJars.jar(
                unindexed.resolve("static-quitting.jar"),
                classes,
                List.of("com/stquitting/"),
                "com.stquitting.StaticQuittingPlugin\n",
                null);
        PluginJars.jar(
                unindexed.resolve("noting.jar"), classes, List.of("com/noting/"), "com.noting.NotingPlugin\n", null);
    }

    /** The plugin's source with {@code members} before its first method. */
    private static String before(String source, String members) {
        return source.replace("public int spiVersion()", members + "\n    public int spiVersion()");
    }

    private static void copy(Path from, Path to, String prefix) throws IOException {
        try (var walk = Files.walk(from.resolve(prefix))) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
    }

    @TempDir
    Path dir;

    private final CliHarness cli = CliHarness.withPluginFolder(Path.of("no-default-plugins-for-lazy-tests"));

    private Path file(String layer) throws IOException {
        return Files.writeString(dir.resolve(layer + ".nnx"), """
                experiment lazy {
                    dataset mnist, limit = 100
                    model {
                        LAYER
                        dense 10
                    }
                    loss mse
                    learning_rate 0.05
                    batch_size 25
                    iterations 4
                }
                """.replace("LAYER", layer));
    }

    @Test
    void aPluginThatExitsInItsConstructorLeavesCheckAndRunOfOtherFilesAlone() throws IOException {
        Files.deleteIfExists(marker);
        Path file = file("relu");
        assertEquals(0, cli.run("check", file.toString(), "--plugins", plugins.toString()), cli.stderr());
        assertEquals("", cli.stderr());
        assertEquals(0, runInto(file), cli.stderr());
        assertTrue(cli.stdout().contains("  lazy: ok, train "), cli.stdout());
        assertFalse(Files.exists(marker), "marking.jar's plugin was made for a file that does not use it");
    }

    @Test
    void aFileThatUsesThePluginThatExitsIsToldWhatItDid() throws IOException {
        Path file = file("exiting");
        String reason = "exiting.jar: plugin called System.exit(3) while the file was checked";
        assertEquals(2, cli.run("check", file.toString(), "--plugins", plugins.toString()), cli.stderr());
        assertEquals(
                file + ":4:9: error: layer 'exiting' cannot be used: " + reason
                        + "\n        exiting\n        ^~~~~~~\n1 error\n",
                cli.stderr());
        assertEquals(1, runInto(file), cli.stderr());
        assertTrue(
                cli.stderr().startsWith(file + ":4:9: warning: layer 'exiting' cannot be used: " + reason + "\n"),
                cli.stderr());
        assertTrue(cli.stdout().contains("  lazy: failed (" + reason + ")"), cli.stdout());
    }

    @Test
    void anIndexedPluginIsMadeWhenAFileUsesItAndTrains() throws IOException {
        Path file = file("marking");
        assertEquals(0, runInto(file), cli.stderr());
        assertTrue(cli.stdout().contains("  lazy: ok, train "), cli.stdout());
        assertTrue(Files.exists(marker), "marking.jar's plugin was not made");
    }

    @Test
    void pluginsListsAJarThatCannotBeMadeByItsIndexAndSaysWhy() {
        assertEquals(0, cli.run("plugins", "--plugins", plugins.toString()), cli.stderr());
        assertTrue(cli.stdout().contains("/exiting.jar: plugin 'exiting' unversioned, SPI 2.., sha256:"), cli.stdout());
        assertTrue(cli.stdout().contains("; layer exiting\n"), cli.stdout());
        assertTrue(
                cli.stdout()
                        .contains("\nlayer exiting (exiting.jar unversioned): unusable: exiting.jar: plugin called"
                                + " System.exit(3) when it was loaded; nothing from it is used\n"),
                cli.stdout());
    }

    /** Where nnx keeps the indexes it learns, one folder per test, so that each test starts with none. */
    private Path kept;

    @BeforeEach
    void keepIndexesInTheTestsFolder() throws IOException {
        kept = dir.resolve("plugin-index");
        System.setProperty(INDEX_CACHE_PROPERTY, kept.toString());
        Files.deleteIfExists(notes);
    }

    @AfterEach
    void forgetTheIndexFolder() {
        System.clearProperty(INDEX_CACHE_PROPERTY);
    }

    private static final String INDEX_CACHE_PROPERTY = "nnx.plugin.index.cache";

    private static String bothSkipped() {
        return SKIPPED.formatted(unindexed.resolve("quitting.jar"))
                + SKIPPED.formatted(unindexed.resolve("static-quitting.jar"));
    }

    /** The ids of the processes that initialized noting.jar's plugin class, one a time. */
    private static List<Long> notingProcesses() throws IOException {
        return Files.exists(notes)
                ? Files.readAllLines(notes).stream().map(Long::valueOf).toList()
                : List.of();
    }

    @Test
    void jarsWithoutAnIndexWhosePluginsExitAreSkippedAndNoneOfTheirCodeRunsInNnx() throws IOException {
        Path file = file("relu");
        assertEquals(0, cli.run("check", file.toString(), "--plugins", unindexed.toString()), cli.stderr());
        assertEquals(bothSkipped(), cli.stderr());
        List<Long> initialized = notingProcesses();
        assertEquals(1, initialized.size(), "noting.jar's plugin was initialized once, by the probe: " + initialized);
        assertNotEquals(ProcessHandle.current().pid(), initialized.get(0), "noting.jar's plugin ran in nnx's process");
    }

    @Test
    void aFileThatUsesANameOfASkippedJarIsToldTheNameIsUnknownAfterTheJarsWarning() throws IOException {
        Path file = file("quitting");
        assertEquals(2, cli.run("check", file.toString(), "--plugins", unindexed.toString()), cli.stderr());
        assertEquals(
                List.of(
                        SKIPPED.formatted(unindexed.resolve("quitting.jar")).strip(),
                        SKIPPED.formatted(unindexed.resolve("static-quitting.jar"))
                                .strip(),
                        file + ":4:9: error: unknown layer 'quitting'",
                        "1 error"),
                cli.stderr().lines().filter(line -> !line.startsWith(" ")).toList());
    }

    @Test
    void theSecondCommandReadsTheKeptIndexAndStartsNoProbe() throws IOException {
        Path file = file("relu");
        assertEquals(0, cli.run("check", file.toString(), "--plugins", unindexed.toString()), cli.stderr());
        Path index = kept.resolve(sha256(unindexed.resolve("noting.jar")) + ".index");
        // Only the jar whose plugins were made is kept: the others may work once their surroundings change.
        assertEquals(List.of(index), listing(kept));
        assertEquals(
                "plugin noting 2\nlayer noting\n",
                Files.readString(index)
                        .lines()
                        .filter(line -> !line.startsWith("#"))
                        .map(line -> line + "\n")
                        .reduce("", String::concat));
        FileTime written = Files.getLastModifiedTime(index);

        assertEquals(0, cli.run("check", file.toString(), "--plugins", unindexed.toString()), cli.stderr());
        assertEquals(bothSkipped(), cli.stderr());
        assertEquals(1, notingProcesses().size(), "a second probe made noting.jar's plugin again");
        assertEquals(written, Files.getLastModifiedTime(index));
        assertEquals(List.of(index), listing(kept));
    }

    @Test
    void aDamagedKeptIndexIsLearntAgain() throws IOException {
        Path file = file("relu");
        assertEquals(0, cli.run("check", file.toString(), "--plugins", unindexed.toString()), cli.stderr());
        Path index = kept.resolve(sha256(unindexed.resolve("noting.jar")) + ".index");
        Files.write(index, new byte[] {'l', 'a', 'y', (byte) 0xff, '\n'});
        assertEquals(0, cli.run("check", file.toString(), "--plugins", unindexed.toString()), cli.stderr());
        assertEquals(bothSkipped(), cli.stderr());
        assertEquals(2, notingProcesses().size(), "the damaged index was not learnt again");
        assertTrue(Files.readString(index).contains("\nplugin noting 2\nlayer noting\n"), Files.readString(index));
    }

    @Test
    void aJarWithoutAnIndexIsMadeWhenAFileUsesItAndTrains() throws IOException {
        Path file = file("noting");
        assertEquals(
                0,
                cli.run(
                        "run",
                        file.toString(),
                        "--plugins",
                        unindexed.toString(),
                        "--out",
                        dir.resolve("out").toString()),
                cli.stderr());
        assertEquals(bothSkipped(), cli.stderr());
        assertTrue(cli.stdout().contains("  lazy: ok, train "), cli.stdout());
        assertTrue(notingProcesses().contains(ProcessHandle.current().pid()), "noting.jar's plugin was not made");
    }

    @Test
    void aLockRefusesJarsWithoutAnIndexBeforeAnyOfTheirCodeRuns() throws IOException {
        Path plugins = Files.createDirectory(dir.resolve("plugins"));
        for (String jar : List.of("noting.jar", "quitting.jar")) {
            Files.copy(unindexed.resolve(jar), plugins.resolve(jar));
        }
        Path lock = Files.writeString(dir.resolve("plugins.lock"), "# nothing pinned\n");
        CliHarness locked = CliHarness.withPluginFolder(plugins);
        assertEquals(0, locked.run("check", file("relu").toString()), locked.stderr());
        assertEquals(
                "nnx: warning: " + plugins.resolve("noting.jar") + ": not pinned in " + lock
                        + "; if you trust it, run nnx plugins --lock; skipped\n"
                        + "nnx: warning: " + plugins.resolve("quitting.jar") + ": not pinned in " + lock
                        + "; if you trust it, run nnx plugins --lock; skipped\n",
                locked.stderr());
        assertEquals(List.of(), notingProcesses());
        assertFalse(Files.exists(kept));
    }

    @Test
    void pluginsListsAndVerifiesAJarWithoutAnIndex() {
        assertEquals(0, cli.run("plugins", "--plugins", unindexed.toString()), cli.stderr());
        assertEquals(bothSkipped(), cli.stderr());
        assertTrue(cli.stdout().contains("/noting.jar: plugin 'noting' unversioned, SPI 2.., sha256:"), cli.stdout());
        assertTrue(cli.stdout().contains("; layer noting\n"), cli.stdout());
        assertTrue(cli.stdout().contains("\nlayer noting (noting.jar unversioned): the identity\n"), cli.stdout());
        assertEquals(0, cli.run("plugins", "--verify", "--plugins", unindexed.toString()), cli.stdout());
        assertTrue(cli.stdout().contains("\nok      layer noting, noting.jar unversioned: "), cli.stdout());
    }

    private static List<Path> listing(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code nnx run FILE} with the test's plugins, into the test's {@code out} folder. */
    private int runInto(Path file) {
        return cli.run(
                "run",
                file.toString(),
                "--plugins",
                plugins.toString(),
                "--out",
                dir.resolve("out").toString());
    }
}
