package org.nnx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnx.plugin.ContributionIndex;
import org.nnx.plugin.PluginJars;
import org.nnx.spi.NnxPlugin;

/**
 * A plugin that ends its process while nnx checks a file ends a process of its own, not nnx: the runs that use
 * it fail with a reason naming its jar, the others train, and the report is written. So do the runs that name a
 * contribution of a jar refused before its code runs. A file that names no plugin contribution is checked in
 * nnx's own process alone.
 */
class UnusablePluginTest {
    /** {@code ending.jar} (a layer that ends its process in every forward) and {@code exitdata.jar}. */
    private static Path plugins;

    /**
     * {@code future.jar}, indexed, for an SPI this nnx does not provide, and {@code broken.jar}, indexed, whose
     * plugin cannot be made, beside ending.jar.
     */
    private static Path refusedPlugins;

    @BeforeAll
    static void buildTheJars(@TempDir Path build) throws IOException {
        Path sources = PluginJars.writeSources(
                build.resolve("src"),
                PluginJars.layerPluginSource("com.ending", "EndingPlugin", "ending", """
                        public String name() { return "ending"; }
                        public String description() { return "ends its process in every forward"; }
                        public List<ParameterSpec> parameters() { return List.of(HOW); }
                        static final ParameterSpec HOW = ParameterSpec.choice("how", "exit", List.of("exit", "halt"), "");
                        public Layer create(Arguments arguments, LayerContext context) {
                            String how = arguments.string("how");
                            return new Layer() {
                                public Tensor forward(Tensor input, boolean training) {
                                    if (how.equals("halt")) {
                                        Runtime.getRuntime().halt(7);
                                    }
                                    System.exit(3);
                                    return input;
                                }
                                public Tensor backward(Tensor outputGradient) { return outputGradient; }
                            };
                        }
                        """),
                PluginJars.pluginSource("com.exitdata", "ExitDataPlugin", "exitdata", """
                        public List<DatasetFactory> datasets() {
                            return List.of(new DatasetFactory() {
                                public String name() { return "exiting_data"; }
                                public String description() { return "ends its process when loaded"; }
                                public Dataset load(Arguments arguments, DatasetContext context) {
                                    System.exit(4);
                                    return null;
                                }
                            });
                        }
                        """),
                PluginJars.layerPluginSource("com.future", "FuturePlugin", "future", neverMade("future")));
        Path classes = PluginJars.compile(sources, build.resolve("classes"));
        plugins = Files.createDirectory(build.resolve("plugins"));
        PluginJars.jar(
                plugins.resolve("ending.jar"), classes, List.of("com/ending/"), "com.ending.EndingPlugin\n", null);
        PluginJars.jar(
                plugins.resolve("exitdata.jar"),
                classes,
                List.of("com/exitdata/"),
                "com.exitdata.ExitDataPlugin\n",
                null);
        refusedPlugins = Files.createDirectory(build.resolve("refused"));
        Files.copy(plugins.resolve("ending.jar"), refusedPlugins.resolve("ending.jar"));
        indexedJar(classes, "future", 99, Map.of(NnxPlugin.SPI_VERSIONS_ATTRIBUTE, "99.."));
        Path broken = PluginJars.compile(
                PluginJars.writeSources(
                        build.resolve("broken-src"),
                        PluginJars.layerPluginSource("com.broken", "BrokenPlugin", "broken", neverMade("broken"))
                                .replace(
                                        "public int spiVersion()",
                                        "public BrokenPlugin() { throw new IllegalStateException(\"no config\"); }\n"
                                                + "    public int spiVersion()")),
                build.resolve("broken-classes"));
        indexedJar(broken, "broken", 2, Map.of());
    }

    /** The body of a layer factory {@code name} whose layers are never made. */
    private static String neverMade(String name) {
        return """
                public String name() { return "NAME"; }
                public String description() { return "never made"; }
                public List<ParameterSpec> parameters() { return List.of(); }
                public Layer create(Arguments arguments, LayerContext context) {
                    throw new IllegalStateException("never made");
                }
                """.replace("NAME", name);
    }

    /** {@code NAME.jar} in {@link #refusedPlugins}: the plugin {@code com.NAME.NAMEPlugin}, indexed with one layer. */
    private static void indexedJar(Path classes, String name, int spiVersion, Map<String, String> manifest)
            throws IOException {
        Path index = classes.resolve(ContributionIndex.RESOURCE);
        Files.createDirectories(index.getParent());
        Files.writeString(index, "plugin " + name + " " + spiVersion + "\nlayer " + name + "\n");
        String provider = "com." + name + "." + Character.toUpperCase(name.charAt(0)) + name.substring(1) + "Plugin";
        PluginJars.jar(
                refusedPlugins.resolve(name + ".jar"),
                classes,
                List.of("com/" + name + "/", "META-INF/nnx/"),
                provider + "\n",
                null,
                manifest);
    }

    @TempDir
    Path dir;

    private final CliHarness cli = CliHarness.withPluginFolder(Path.of("no-default-plugins-for-unusable-tests"));

    private Path file(String name, String layers) throws IOException {
        return Files.writeString(
                dir.resolve(name + ".nnx"), """
                experiment NAME {
                    dataset mnist, limit = 100
                    model {
                        dense 20
                        LAYERS
                        dense 10
                    }
                    loss cross_entropy
                    learning_rate 0.1
                    batch_size 50
                    iterations 2
                    seed 5
                }
                """.replace("NAME", name).replace("LAYERS", layers));
    }

    private int run(Path file, Path folder) {
        return cli.run(
                "run",
                file.toString(),
                "--plugins",
                folder.toString(),
                "--out",
                dir.resolve("out").toString());
    }

    private List<String> summary(String experiment) throws IOException {
        return Files.readAllLines(dir.resolve("out").resolve(experiment).resolve("summary.csv"));
    }

    @Test
    void aLayerThatCallsSystemExitWhileTheFileIsCheckedFailsItsRunsAlone() throws IOException {
        int started = AnalysisProbe.STARTED.get();
        assertEquals(1, run(file("sweep", "relu | ending"), plugins), cli.stderr());
        assertTrue(AnalysisProbe.STARTED.get() > started, "the file was not checked apart first");
        String reason = "ending.jar: plugin called System.exit(3) while the file was checked";
        assertTrue(cli.stdout().contains("layer[2]=relu: ok, "), cli.stdout());
        assertTrue(cli.stdout().contains("  layer[2]=ending: failed (" + reason + ")"), cli.stdout());
        assertTrue(cli.stderr().contains("warning: layer 'ending' cannot be used: " + reason + "\n"), cli.stderr());
        List<String> summary = summary("sweep");
        assertEquals(3, summary.size(), summary.toString());
        assertTrue(summary.get(1).startsWith("layer[2]=relu,ok,"), summary.get(1));
        assertTrue(summary.get(2).startsWith("layer[2]=ending,failed,"), summary.get(2));
        assertTrue(summary.get(2).endsWith("," + reason), summary.get(2));
        assertTrue(Files.isRegularFile(dir.resolve("out/sweep/index.html")));
    }

    @Test
    void aLayerThatHaltsWhileTheFileIsCheckedFailsItsRunsAlone() throws IOException {
        assertEquals(1, run(file("halting", "relu | ending(how = halt)"), plugins), cli.stderr());
        String reason = "ending.jar: plugin halted the JVM (status 7) while the file was checked";
        assertTrue(cli.stdout().contains("layer[2]=relu: ok, "), cli.stdout());
        assertTrue(
                summary("halting").get(2).endsWith("," + reason),
                summary("halting").toString());
        assertTrue(Files.isRegularFile(dir.resolve("out/halting/index.html")));
    }

    @Test
    void checkOfAFileWhoseEveryRunUsesTheLayerIsAnErrorAtTheLayer() throws IOException {
        Path file = file("alone", "ending");
        assertEquals(2, cli.run("check", file.toString(), "--plugins", plugins.toString()), cli.stderr());
        assertEquals(
                file + ":5:9: error: layer 'ending' cannot be used: ending.jar: plugin called System.exit(3) while"
                        + " the file was checked\n        ending\n        ^~~~~~\n1 error\n",
                cli.stderr());
    }

    @Test
    void runOfAFileWhoseEveryRunUsesTheLayerFailsEachRunAndWritesTheReport() throws IOException {
        assertEquals(1, run(file("alone", "ending"), plugins), cli.stderr());
        List<String> summary = summary("alone");
        assertEquals(2, summary.size(), summary.toString());
        assertTrue(
                summary.get(1).endsWith(",ending.jar: plugin called System.exit(3) while the file was checked"),
                summary.get(1));
        assertTrue(Files.isRegularFile(dir.resolve("out/alone/index.html")));
    }

    @Test
    void aDatasetThatCallsSystemExitWhenLoadedFailsTheRunsThatUseIt() throws IOException {
        Path file = Files.writeString(
                dir.resolve("data.nnx"),
                Files.readString(file("mnist", "relu"))
                        + Files.readString(file("exiting", "relu")).replace("mnist, limit = 100", "exiting_data"));
        assertEquals(1, run(file, plugins), cli.stderr());
        assertTrue(
                summary("mnist").get(1).startsWith("mnist,ok,"),
                summary("mnist").toString());
        assertTrue(
                summary("exiting")
                        .get(1)
                        .endsWith(",exitdata.jar: plugin called System.exit(4) while the file was checked"),
                summary("exiting").toString());
        assertTrue(Files.isRegularFile(dir.resolve("out/mnist/index.html")));
        assertTrue(Files.isRegularFile(dir.resolve("out/exiting/index.html")));
    }

    @Test
    void aRefusedIndexedJarFailsOnlyTheRunsThatNameIt() throws IOException {
        int started = AnalysisProbe.STARTED.get();
        assertEquals(1, run(file("refused", "relu | future"), refusedPlugins), cli.stderr());
        assertEquals(started, AnalysisProbe.STARTED.get(), "a refused jar's code runs nowhere");
        String reason = "future.jar: it works with nnx SPI versions 99.., but this nnx provides SPI versions "
                + org.nnx.plugin.SpiVersions.PROVIDED + "; use a newer nnx";
        assertTrue(cli.stdout().contains("layer[2]=relu: ok, "), cli.stdout());
        assertTrue(cli.stdout().contains("  layer[2]=future: failed (" + reason + ")"), cli.stdout());
        assertTrue(
                summary("refused").get(2).endsWith(",\"" + reason + "\""),
                summary("refused").toString());
    }

    @Test
    void anIndexedJarWhosePluginsCannotBeMadeFailsOnlyTheRunsThatNameIt() throws IOException {
        assertEquals(1, run(file("broken", "relu | broken"), refusedPlugins), cli.stderr());
        assertTrue(cli.stdout().contains("layer[2]=relu: ok, "), cli.stdout());
        assertTrue(
                cli.stdout()
                        .contains(
                                "  layer[2]=broken: failed (broken.jar: the constructor of com.broken.BrokenPlugin threw"
                                        + " IllegalStateException: no config)"),
                cli.stdout());
        assertTrue(
                summary("broken").get(1).startsWith("layer[2]=relu,ok,"),
                summary("broken").toString());
    }

    @Test
    void aFileThatNamesNoPluginContributionIsCheckedInNnxsOwnProcessAlone() throws IOException {
        int started = AnalysisProbe.STARTED.get();
        Path file = file("builtins", "relu");
        assertEquals(0, cli.run("check", file.toString(), "--plugins", plugins.toString()), cli.stderr());
        assertEquals(0, run(file, plugins), cli.stderr());
        assertEquals(started, AnalysisProbe.STARTED.get(), "a process was started to check the file apart");
        assertEquals(2, cli.run("check", file("other", "ending").toString(), "--plugins", plugins.toString()));
        assertEquals(started + 1, AnalysisProbe.STARTED.get(), "the file that names ending was not checked apart");
    }
}
