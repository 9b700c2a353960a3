package org.nnx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnx.plugin.PluginJars;

/**
 * Plugin jars through the command line: the example plugin built from its sources at test time trains a
 * model with its own layer and optimizer; {@code nnx plugins} lists it; what goes wrong with a plugin is
 * reported naming its jar, and costs only what it must (a skipped jar, a failed run, a refused file).
 */
class PluginCliTest {
    @TempDir
    static Path work;
    /** The example plugin's jar alone. */
    static Path examplePlugins;

    static Path testClasses;

    @BeforeAll
    static void buildJars() throws IOException {
        examplePlugins = Files.createDirectory(work.resolve("example-plugins"));
        PluginJars.exampleJar(examplePlugins, work);
        Path sources = PluginJars.writeSources(
                work.resolve("src"),
                // The identity, which throws on a batch of more than 4 rows when told to explode.
                PluginJars.layerPluginSource("com.flaky", "FlakyPlugin", "flaky", """
                        public String name() { return "flaky"; }
                        public String description() { return "the identity, until it explodes"; }
                        public List<ParameterSpec> parameters() {
                            return List.of(ParameterSpec.bool("explode", false, "throw on batches of more than 4"));
                        }
                        public Layer create(Arguments arguments, LayerContext context) {
                            boolean explode = arguments.bool("explode");
                            return new Layer() {
                                public Tensor forward(Tensor input, boolean training) {
                                    if (explode && input.rows() > 4) {
                                        throw new IllegalStateException("flaky exploded on a batch of " + input.rows());
                                    }
                                    return input;
                                }
                                public Tensor backward(Tensor outputGradient) { return outputGradient; }
                            };
                        }
                        """),
                // y = x ⊙ W with a dW twice too large.
                PluginJars.layerPluginSource("com.badgrad", "BadGradPlugin", "badgrad", """
                        public String name() { return "scale"; }
                        public String description() { return "y = x ⊙ W, one weight per column"; }
                        public Layer create(Arguments arguments, LayerContext context) {
                            Tensor w = Tensor.zeros(context.precision(), 1, context.inputSize());
                            w.fill(1.0);
                            Parameter weights = Parameter.of("W", w, true);
                            return new Layer() {
                                Tensor x;
                                public Tensor forward(Tensor input, boolean training) {
                                    x = input.copy();
                                    Tensor y = input.copy();
                                    for (int r = 0; r < y.rows(); r++)
                                        for (int c = 0; c < y.cols(); c++) y.set(r, c, input.get(r, c) * w.get(0, c));
                                    return y;
                                }
                                public Tensor backward(Tensor dy) {
                                    Tensor dx = dy.copy();
                                    for (int r = 0; r < dy.rows(); r++)
                                        for (int c = 0; c < dy.cols(); c++) {
                                            dx.set(r, c, dy.get(r, c) * w.get(0, c));
                                            weights.gradient().add(c, 2 * dy.get(r, c) * x.get(r, c));
                                        }
                                    return dx;
                                }
                                public List<Parameter> parameters() { return List.of(weights); }
                            };
                        }
                        """),
                // Another vendor's swish.
                PluginJars.layerPluginSource("com.otherswish", "OtherSwishPlugin", "other", """
                        public String name() { return "swish"; }
                        public String description() { return "another swish"; }
                        public Layer create(Arguments arguments, LayerContext context) {
                            throw new UnsupportedOperationException();
                        }
                        """),
                // An optimizer named like a built-in: plain gradient descent.
                PluginJars.pluginSource("com.adagrad", "AdagradPlugin", "fancy", """
                        public List<OptimizerFactory> optimizers() {
                            return List.of(new OptimizerFactory() {
                                public String name() { return "adagrad"; }
                                public String description() { return "plain steps, whatever the name says"; }
                                public int stateValuesPerParameter() { return 0; }
                                public Optimizer create(Arguments arguments) {
                                    return new Optimizer() {
                                        List<Parameter> parameters;
                                        public void initialize(List<Parameter> parameters) { this.parameters = parameters; }
                                        public void step(double learningRate) {
                                            for (Parameter p : parameters) {
                                                for (int i = 0; i < p.value().size(); i++) {
                                                    p.value().set(i, p.value().get(i) - learningRate * p.gradient().get(i));
                                                }
                                            }
                                        }
                                    };
                                }
                            });
                        }
                        """),
                // A one-vs-rest hinge loss whose gradient is twice what it should be.
                PluginJars.pluginSource("com.hinge", "HingePlugin", "hinge", """
                        public List<LossFactory> losses() {
                            return List.of(new LossFactory() {
                                public String name() { return "hinge"; }
                                public String description() { return "one-vs-rest hinge, gradient doubled"; }
                                public Loss create(Arguments arguments) {
                                    return new Loss() {
                                        Tensor gradient;
                                        public double forward(Tensor output, Tensor targets) {
                                            gradient = Tensor.zeros(Precision.FLOAT64, output.rows(), output.cols());
                                            double sum = 0;
                                            for (int i = 0; i < output.size(); i++) {
                                                double y = targets.get(i) > 0.5 ? 1 : -1;
                                                double margin = 1 - y * output.get(i);
                                                if (margin > 0) {
                                                    sum += margin;
                                                    gradient.set(i, 2 * -y / output.rows());
                                                }
                                            }
                                            return sum / output.rows();
                                        }
                                        public Tensor backward() { return gradient; }
                                    };
                                }
                            });
                        }
                        """),
                // A layer whose outputSize throws: nnx calls it while checking a file.
                PluginJars.layerPluginSource("com.widthless", "WidthlessPlugin", "widthless", """
                        public String name() { return "widthless"; }
                        public String description() { return "cannot say how wide it is"; }
                        public int outputSize(Arguments arguments, int inputSize) {
                            throw new ArithmeticException("/ by zero");
                        }
                        public Layer create(Arguments arguments, LayerContext context) {
                            throw new UnsupportedOperationException();
                        }
                        """));
        testClasses = PluginJars.compile(sources, work.resolve("test-classes"));
    }

    @TempDir
    Path dir;

    private CliHarness cli = CliHarness.withPluginFolder(() -> dir.resolve("no-default-plugins"));

    /** A plugins folder holding the test plugin of {@code pkg} as {@code file}, beside the example's jar. */
    private Path pluginsWith(String file, String pkg, String provider) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("plugins"));
        Files.copy(examplePlugins.resolve("acme-example-1.0.jar"), folder.resolve("acme-example-1.0.jar"));
        PluginJars.jar(folder.resolve(file), testClasses, List.of(pkg.replace('.', '/') + "/"), provider + "\n", null);
        return folder;
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void anExperimentTrainsWithTheExamplePluginsLayerAndOptimizer() throws Exception {
        Path file = write("swishy.nnx", """
                experiment swishy {
                    dataset mnist, limit = 500
                    model {
                        dense 30
                        swish beta = 1.5
                        dense 10
                    }
                    loss cross_entropy
                    optimizer lion(beta2 = 0.98)
                    learning_rate 0.001
                    batch_size 50
                    epochs 2
                    seed 5
                }
                """);
        Path reports = dir.resolve("reports");
        assertEquals(
                0,
                cli.run("run", file.toString(), "--plugins", examplePlugins.toString(), "--out", reports.toString()),
                cli.stderr());
        assertEquals("", cli.stderr());
        List<String> summary = Files.readAllLines(reports.resolve("swishy/summary.csv"));
        assertTrue(summary.get(1).startsWith("swishy,ok,"), summary.get(1));
        double testAccuracy = Double.parseDouble(summary.get(1).split(",")[3]);
        assertTrue(testAccuracy > 0.3, "2 epochs of lion on 500 digits learn something: " + testAccuracy);
        String sha256 = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(Files.readAllBytes(examplePlugins.resolve("acme-example-1.0.jar"))));
        String report = Files.readString(reports.resolve("swishy/index.html"));
        assertTrue(
                report.contains("<dt>plugin layer swish</dt><dd>acme-example-1.0.jar 1.0 sha256:" + sha256 + "</dd>"),
                "the report records which jar supplied swish");
        assertTrue(report.contains(
                "<dt>plugin optimizer lion</dt><dd>acme-example-1.0.jar 1.0 sha256:" + sha256 + "</dd>"));
    }

    @Test
    void theExamplePluginsDatasetChecksAndItsArgumentsAreValidatedLikeABuiltIns() throws IOException {
        Path good = write("xor.nnx", """
                experiment xor {
                    dataset xor, samples = 200, noise = 0.05
                    model {
                        dense 8
                        swish
                        dense 2
                    }
                    loss cross_entropy
                    optimizer lion
                    learning_rate 0.01
                    epochs 1
                }
                """);
        assertEquals(0, cli.run("check", good.toString(), "--plugins", examplePlugins.toString()), cli.stderr());
        assertEquals("xor: ok, 1 run", cli.stdout().lines().findFirst().orElseThrow());

        Path bad = write(
                "typos.nnx",
                Files.readString(good)
                        .replace("swish", "swish bta = 2")
                        .replace("optimizer lion", "optimizer lion(beta1 = 1.5)")
                        .replace("dataset xor,", "dataset xro,"));
        assertEquals(2, cli.run("check", bad.toString(), "--plugins", examplePlugins.toString()));
        List<String> errors =
                cli.stderr().lines().filter(l -> l.contains(": error: ")).toList();
        assertEquals(
                List.of(
                        bad + ":2:13: error: unknown dataset 'xro'; did you mean 'xor'?",
                        bad + ":5:15: error: unknown option 'bta' for layer 'swish'; did you mean 'beta'?",
                        bad + ":9:28: error: 'beta1' of optimizer 'lion' must be in [0, 1), got 1.5"),
                errors);
    }

    @Test
    void pluginsListsBuiltInsAndTheExamplesNamesWithParametersAndSource() throws IOException {
        assertEquals(0, cli.run("plugins", "--plugins", examplePlugins.toString()), cli.stderr());
        String listing = cli.stdout();
        Path jar = examplePlugins.resolve("acme-example-1.0.jar");
        assertTrue(
                listing.contains("plugin jars:\n  " + jar + ": plugin 'acme-example' 1.0, SPI 2.., sha256:"), listing);
        assertTrue(listing.contains("; layer swish; optimizer lion; dataset xor\n"), listing);
        for (String expected : List.of(
                "layer dense (built-in): affine y = xW + b\n    units: integer (required), ",
                "layer swish (acme-example-1.0.jar 1.0): swish activation x·sigmoid(β·x) (Ramachandran et al. 2017)\n"
                        + "    beta: number = 1, ≥ 0 — β, the sharpness of the gate; 0 gives x/2\n",
                "optimizer lion (acme-example-1.0.jar 1.0): Lion (Chen et al. 2023)",
                "    beta1: number = 0.9, in [0, 1) — weight of the momentum in the update's direction\n"
                        + "    beta2: number = 0.99, in [0, 1) — decay of the momentum m\n"
                        + "    weight_decay: number = 0, ≥ 0 — decoupled weight decay λ on weights\n",
                "optimizer sgd (built-in): ",
                "loss cross_entropy (built-in): ",
                "initializer he (built-in): ",
                "dataset mnist (built-in): ",
                "dataset xor (acme-example-1.0.jar 1.0): XOR: points in [−1, 1]², class 1 where x·y < 0; generated from"
                        + " the seed\n    samples: integer = 1000, ≥ 4 — training points\n")) {
            assertTrue(listing.contains(expected), "missing:\n" + expected + "\nin:\n" + listing);
        }
    }

    @Test
    void verifyGradientChecksEveryLayerAndFailsOnAWrongBackward() throws IOException {
        assertEquals(
                0, cli.run("plugins", "--verify", "--plugins", examplePlugins.toString()), cli.stdout() + cli.stderr());
        assertTrue(
                cli.stdout()
                        .contains("ok      layer swish(beta = 1), acme-example-1.0.jar 1.0: largest relative error "),
                cli.stdout());
        assertTrue(cli.stdout()
                .contains("ok      layer dense(units = 3, bias = true), built-in: largest relative error "));
        assertTrue(
                cli.stdout().contains("ok      layer dropout(rate = 0.5), built-in: largest relative error "),
                cli.stdout());
        assertFalse(cli.stdout().contains("FAILED"), cli.stdout());
        assertTrue(cli.stdout().contains(" layers checked against central differences: all agree (tolerance 1e-4)\n"));

        Path plugins = pluginsWith("badgrad.jar", "com.badgrad", "com.badgrad.BadGradPlugin");
        assertEquals(1, cli.run("plugins", "--verify", "--plugins", plugins.toString()));
        assertTrue(
                cli.stdout()
                        .contains("FAILED  layer scale, badgrad.jar unversioned: largest relative error 0.33 in W"
                                + " (tolerance 1e-4)\n"),
                cli.stdout());
        assertTrue(cli.stdout().contains("ok      layer sigmoid, built-in"));
        assertTrue(cli.stdout().contains(" layers checked against central differences: 1 failed (tolerance 1e-4)\n"));
    }

    @Test
    void verifyChecksLossesOptimizersInitializersAndDatasetsAndFailsAHingeWithADoubledGradient() throws IOException {
        Path plugins = pluginsWith("hinge.jar", "com.hinge", "com.hinge.HingePlugin");
        assertEquals(1, cli.run("plugins", "--verify", "--plugins", plugins.toString()));
        List<String> lines = cli.stdout().lines().toList();
        assertTrue(
                lines.contains("FAILED  loss hinge, hinge.jar unversioned: largest relative error 0.50 at output[0, 0]:"
                        + " backward() gives 0.667, central differences 0.333 (tolerance 1e-4)"),
                cli.stdout());
        assertTrue(
                lines.contains(
                        "ok      optimizer lion(beta1 = 0.9, beta2 = 0.99, weight_decay = 0), acme-example-1.0.jar"
                                + " 1.0: 100 steps of learning rate 0.01 on f(w) = ½·Σ c·w² took f from 7.13 to 1.14"),
                cli.stdout());
        assertTrue(
                lines.contains("ok      initializer he, built-in: finite and repeatable by seed; variance 0.0309 of"
                        + " 4096 weights (fan_in = fan_out = 64), declared 0.0313"),
                cli.stdout());
        assertTrue(
                lines.contains(
                        "ok      dataset xor(samples = 1000, test_samples = 250, noise = 0), acme-example-1.0.jar"
                                + " 1.0: 1000 training and 250 test samples of 2 features in 2 classes, the same for the same"
                                + " seed"),
                cli.stdout());
        assertTrue(lines.contains("ok      loss mse, built-in: largest relative error 4.0e-10"), cli.stdout());
        assertTrue(
                cli.stdout().endsWith(" losses, optimizers, initializers and datasets checked: 1 failed\n"),
                cli.stdout());
    }

    @Test
    void aLayerWhoseBackwardDisagreesIsRefusedAtTheLayer() throws IOException {
        Path plugins = pluginsWith("badgrad.jar", "com.badgrad", "com.badgrad.BadGradPlugin");
        Path file = write("scaled.nnx", """
                experiment scaled {
                    dataset mnist, limit = 100
                    model {
                        dense 20
                        scale
                        dense 10
                    }
                    loss cross_entropy
                    learning_rate 0.1
                    epochs 1
                }
                """);
        Path out = dir.resolve("out");
        assertEquals(2, cli.run("run", file.toString(), "--plugins", plugins.toString(), "--out", out.toString()));
        assertEquals(
                file + ":5:9: error: layer 'scale' from badgrad.jar failed its gradient check: largest relative"
                        + " error 0.33 in W (tolerance 1e-4)\n"
                        + "        scale\n"
                        + "        ^~~~~\n"
                        + "1 error\n",
                cli.stderr());
        assertFalse(Files.exists(dir.resolve("out")), "nothing trains");
    }

    @Test
    void aPluginLayerThatThrowsFailsItsRunAndTheSiblingRunFinishes() throws IOException {
        Path plugins = pluginsWith("flaky.jar", "com.flaky", "com.flaky.FlakyPlugin");
        Path file = write("flaky.nnx", """
                experiment flaky {
                    dataset mnist, limit = 200
                    model {
                        dense 20
                        flaky explode = false | true
                        dense 10
                    }
                    loss cross_entropy
                    learning_rate 0.1
                    batch_size 50
                    epochs 1
                }
                """);
        Path reports = dir.resolve("reports");
        assertEquals(
                1,
                cli.run("run", file.toString(), "--plugins", plugins.toString(), "--out", reports.toString()),
                cli.stderr());
        assertTrue(cli.stdout().contains("[1/2] flaky.explode=false: ok, "), cli.stdout());
        // The evaluation before the first step runs the layer first, on the 200 training samples at once.
        assertTrue(
                cli.stdout()
                        .contains("[2/2] flaky.explode=true: failed (layer 'flaky' from flaky.jar"
                                + " threw IllegalStateException: flaky exploded on a batch of 200)"),
                cli.stdout());
        List<String> summary = Files.readAllLines(reports.resolve("flaky/summary.csv"));
        assertTrue(summary.get(1).startsWith("flaky.explode=false,ok,"), summary.get(1));
        assertTrue(summary.get(2).startsWith("flaky.explode=true,failed,"), summary.get(2));
        assertTrue(Files.exists(reports.resolve("flaky/index.html")));

        Path debugReports = dir.resolve("debug-reports");
        assertEquals(
                1,
                cli.run(
                        "run",
                        file.toString(),
                        "--debug",
                        "--plugins",
                        plugins.toString(),
                        "--out",
                        debugReports.toString()),
                cli.stderr());
        assertTrue(
                cli.stderr()
                        .contains(
                                "Caused by: java.lang.IllegalStateException: flaky exploded on a batch of 200\n\tat flaky.jar//com.flaky.FlakyPlugin"),
                cli.stderr());
        try (var traces = Files.walk(debugReports.resolve("flaky"))) {
            List<Path> kept = traces.filter(f -> f.getFileName().toString().equals("failure.txt"))
                    .toList();
            assertEquals(1, kept.size(), kept.toString());
            assertTrue(Files.readString(kept.get(0))
                    .contains("flaky exploded on a batch of 200\n\tat flaky.jar//com.flaky.FlakyPlugin"));
        }
    }

    @Test
    void aPluginThatThrowsWhileAFileIsCheckedIsAnErrorNamingItsJar() throws IOException {
        Path plugins = pluginsWith("widthless.jar", "com.widthless", "com.widthless.WidthlessPlugin");
        Path file = write("widthless.nnx", """
                experiment widthless {
                    dataset mnist, limit = 100
                    model {
                        widthless
                        dense 10
                    }
                    loss cross_entropy
                    learning_rate 0.1
                    epochs 1
                }
                """);
        assertEquals(2, cli.run("check", file.toString(), "--plugins", plugins.toString()));
        assertEquals(
                "nnx: error: layer 'widthless' from widthless.jar threw ArithmeticException: / by zero\n",
                cli.stderr());
    }

    private static final String SWISH_FILE = """
            experiment swishy {
                dataset mnist, limit = 100
                model {
                    dense 8
                    %s
                    dense 10
                }
                loss cross_entropy
                learning_rate 0.1
                epochs 1
            }
            """;

    @Test
    void aNameFromTwoJarsIsAnErrorOnlyWhereAFileWritesItUnqualified() throws IOException {
        Path plugins = pluginsWith("other-swish.jar", "com.otherswish", "com.otherswish.OtherSwishPlugin");
        assertEquals(0, cli.run("plugins", "--plugins", plugins.toString()));
        assertTrue(cli.stdout().contains("\nlayer acme_example.swish (acme-example-1.0.jar 1.0): "), cli.stdout());
        assertTrue(cli.stdout().contains("\nlayer other.swish (other-swish.jar unversioned): "), cli.stdout());

        Path plain = write("plain.nnx", SWISH_FILE.formatted("relu"));
        assertEquals(0, cli.run("check", plain.toString(), "--plugins", plugins.toString()));
        assertEquals("", cli.stderr());

        Path unqualified = write("unqualified.nnx", SWISH_FILE.formatted("swish"));
        assertEquals(2, cli.run("check", unqualified.toString(), "--plugins", plugins.toString()));
        assertTrue(
                cli.stderr()
                        .startsWith(unqualified + ":5:9: error: layer 'swish' is given by acme-example-1.0.jar"
                                + " and other-swish.jar; write acme_example.swish or other.swish\n"),
                cli.stderr());

        Path qualified = write("qualified.nnx", SWISH_FILE.formatted("acme_example.swish beta = 2"));
        assertEquals(0, cli.run("check", qualified.toString(), "--plugins", plugins.toString()));
        assertEquals("swishy: ok, 1 run", cli.stdout().lines().findFirst().orElseThrow());
    }

    @Test
    void aPluginGivingABuiltInsNameStopsNoCommandAndItsOptimizerRunsQualified() throws IOException {
        Path plugins = pluginsWith("adagrad.jar", "com.adagrad", "com.adagrad.AdagradPlugin");
        Path file = write("both.nnx", """
                experiment both {
                    dataset xor
                    model {
                        dense 2
                    }
                    loss cross_entropy
                    optimizer adagrad | nnx.adagrad | fancy.adagrad
                    learning_rate 0.1
                    epochs 1
                }
                """);
        assertEquals(2, cli.run("check", file.toString(), "--plugins", plugins.toString()));
        assertEquals(
                file + ":7:15: error: optimizer 'adagrad' is given by adagrad.jar and nnx's built-ins; write"
                        + " fancy.adagrad or nnx.adagrad",
                cli.stderr().lines().findFirst().orElseThrow());
        Path qualified = write("qualified.nnx", Files.readString(file).replace("optimizer adagrad | ", "optimizer "));
        Path reports = dir.resolve("reports");
        assertEquals(
                0,
                cli.run("run", qualified.toString(), "--plugins", plugins.toString(), "--out", reports.toString()),
                cli.stderr());
    }

    @Test
    void anUnknownNameWithAJarBesideTheFileSaysWhereNnxLooked() throws IOException {
        Path experiments = Files.createDirectories(dir.resolve("exp"));
        Files.copy(examplePlugins.resolve("acme-example-1.0.jar"), experiments.resolve("acme-example-1.0.jar"));
        Path file = Files.writeString(experiments.resolve("swishy.nnx"), SWISH_FILE.formatted("swish"));
        assertEquals(2, cli.run("check", file.toString()));
        assertEquals(
                List.of(
                        file + ":5:9: error: unknown layer 'swish'",
                        "nnx: note: nnx looked for plugin jars in plugins/ of the working folder (absent), --plugins"
                                + " and NNX_PLUGIN_PATH (none given) and did not load "
                                + experiments.resolve("acme-example-1.0.jar") + "; to use it, pass --plugins "
                                + experiments,
                        "1 error"),
                cli.stderr().lines().filter(line -> !line.startsWith(" ")).toList());
        assertEquals(0, cli.run("check", file.toString(), "--plugins", experiments.toString()), cli.stderr());
    }

    @Test
    void aJarBuiltAgainstSpiVersion1ListsItsRangeAndTrains() throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.copy(
                Path.of("src", "test", "resources", "fixtures", "acme-example-spi1.jar"),
                plugins.resolve("acme-example-spi1.jar"));
        assertEquals(0, cli.run("plugins", "--plugins", plugins.toString()), cli.stderr());
        assertTrue(cli.stdout().contains(": plugin 'acme-example' 1.0-spi1, SPI 1.., sha256:"), cli.stdout());
        Path file = write(
                "swishy.nnx",
                SWISH_FILE.formatted("swish beta = 1.5").replace("learning_rate", "optimizer lion\n    learning_rate"));
        Path reports = dir.resolve("reports");
        assertEquals(
                0,
                cli.run("run", file.toString(), "--plugins", plugins.toString(), "--out", reports.toString()),
                cli.stderr());
        assertEquals("", cli.stderr());
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void aLockPinsEachJarAndNnxRefusesOneThatDiffersOrIsNew() throws Exception {
        Path plugins = pluginsWith("other-swish.jar", "com.otherswish", "com.otherswish.OtherSwishPlugin");
        Path example = plugins.resolve("acme-example-1.0.jar");
        Path other = plugins.resolve("other-swish.jar");
        String exampleHash = sha256(example);
        assertEquals(0, cli.run("plugins", "--lock", "--plugins", plugins.toString()), cli.stderr());
        Path lock = dir.resolve("plugins.lock");
        assertEquals(
                "wrote " + lock + ": 2 jars pinned\n  " + exampleHash + "  " + example + "\n  " + sha256(other) + "  "
                        + other + "\n",
                cli.stdout());
        assertTrue(
                Files.readString(lock).startsWith("# The SHA-256 of each plugin jar nnx may load"),
                Files.readString(lock));
        assertTrue(Files.readString(lock).contains("\n" + exampleHash + "  " + example + "\n"), Files.readString(lock));

        assertEquals(0, cli.run("plugins", "--plugins", plugins.toString()), cli.stderr());
        assertEquals("", cli.stderr());

        Files.copy(
                Path.of("src", "test", "resources", "fixtures", "acme-example-spi1.jar"),
                example,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        PluginJars.jar(
                plugins.resolve("new.jar"), testClasses, List.of("com/adagrad/"), "com.adagrad.AdagradPlugin\n", null);
        assertEquals(0, cli.run("plugins", "--plugins", plugins.toString()), cli.stderr());
        assertEquals(
                "nnx: warning: " + example + ": its SHA-256 differs from its pin in " + lock + ": expected "
                        + exampleHash + ", found " + sha256(example) + "; if you trust the new jar, run nnx plugins"
                        + " --lock; skipped\n"
                        + "nnx: warning: " + plugins.resolve("new.jar") + ": not pinned in " + lock
                        + "; if you trust it, run nnx plugins --lock; skipped\n",
                cli.stderr());
        assertFalse(cli.stdout().contains("acme-example"), cli.stdout());
        assertTrue(cli.stdout().contains("other-swish.jar: plugin 'other'"), cli.stdout());
    }

    @Test
    void aLockThatIsNotOneStopsNnxNamingItsLine() throws Exception {
        Files.writeString(dir.resolve("plugins.lock"), "# pins\nabc  plugins/x.jar\n");
        Path plugins = pluginsWith("other-swish.jar", "com.otherswish", "com.otherswish.OtherSwishPlugin");
        assertEquals(2, cli.run("plugins", "--plugins", plugins.toString()));
        assertEquals(
                "nnx: error: " + dir.resolve("plugins.lock") + ":2: not '<sha256>  <jar>' (64 lower-case hex digits,"
                        + " spaces, the jar's path); run nnx plugins --lock to write it anew\n",
                cli.stderr());
    }

    @Test
    void aBrokenJarIsAWarningAndNnxGoesOnWithoutIt() throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.copy(examplePlugins.resolve("acme-example-1.0.jar"), plugins.resolve("acme-example-1.0.jar"));
        Files.writeString(plugins.resolve("bad.jar"), "<html>404</html>");
        Path file = write("xor.nnx", """
                experiment xor {
                    dataset xor
                    model {
                        dense 2
                    }
                    loss cross_entropy
                    learning_rate 0.1
                    epochs 1
                }
                """);
        assertEquals(0, cli.run("check", file.toString(), "--plugins", plugins.toString()));
        assertEquals(
                "nnx: warning: " + plugins.resolve("bad.jar") + ": not a jar file (zip END header not found);"
                        + " skipped\n",
                cli.stderr());
        assertEquals("xor: ok, 1 run", cli.stdout().lines().findFirst().orElseThrow());
    }

    @Test
    void jarsInTheDefaultFolderLoadWithoutAnyOption() {
        cli = CliHarness.withPluginFolder(examplePlugins);
        int status = cli.run("plugins");
        assertEquals(0, status, cli.stderr());
        assertTrue(cli.stdout().startsWith("plugin folders: " + examplePlugins + "\n"), cli.stdout());
        assertTrue(cli.stdout().contains("layer swish (acme-example-1.0.jar 1.0)"), cli.stdout());
    }

    @Test
    void aMissingPluginsFolderIsAUsageError() {
        assertEquals(
                2, cli.run("check", "x.nnx", "--plugins", dir.resolve("nowhere").toString()));
        assertEquals("nnx: error: --plugins " + dir.resolve("nowhere") + ": no such folder\n", cli.stderr());
        assertEquals(2, cli.run("plugins", "--verfy"));
        assertTrue(
                cli.stderr().contains("nnx: error: unknown option '--verfy'; did you mean '--verify'?"), cli.stderr());
    }
}
