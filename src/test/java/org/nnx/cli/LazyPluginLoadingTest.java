package org.nnx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnx.plugin.ContributionIndex;
import org.nnx.plugin.PluginJars;

/**
 * A jar with a contribution index runs none of its code until a file uses one of its names: a plugin whose
 * constructor calls {@code System.exit} leaves every command on other files alone, and a file that uses it
 * is told what happened instead of nnx ending without a word.
 */
class LazyPluginLoadingTest {
    /** {@code exiting.jar}, whose plugin's constructor calls System.exit(3), and {@code marking.jar}. */
    private static Path plugins;

    /** The file marking.jar's plugin creates when it is made, named by its source. */
    private static Path marker;

    @BeforeAll
    static void buildTheJars(@TempDir Path build) throws IOException {
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
                                    public int spiVersion()""".replace(
                                        "MARKER", marker.toString().replace("\\", "\\\\"))));
        Path classes = PluginJars.compile(sources, build.resolve("classes"));
        plugins = Files.createDirectory(build.resolve("plugins"));
        for (String name : List.of("exiting", "marking")) {
            Path index = classes.resolve(name).resolve(ContributionIndex.RESOURCE);
            Files.createDirectories(index.getParent());
            Files.writeString(index, "# written by hand\nplugin " + name + " 2\nlayer " + name + "\n");
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
