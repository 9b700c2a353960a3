package org.nnx.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nnx.dsl.Diagnostic;
import org.nnx.dsl.NnxParser;
import org.nnx.dsl.SourceFile;
import org.nnx.dsl.ast.NnxFile;
import org.nnx.model.ExperimentPlan;
import org.nnx.model.RunConfig;
import org.nnx.model.RunPlan;
import org.nnx.model.Sampling;
import org.nnx.model.TrainingLength;
import org.nnx.plugin.Registries;
import org.nnx.registry.ComponentRegistry;
import org.nnx.registry.DatasetLoader;
import org.nnx.spi.ComponentCall;

/** Semantic checks: every problem located and worded exactly, sorted by position; valid files become plans. */
class AnalyzerTest {
    private static final String FILE = "exp.nnx";

    /**
     * A valid experiment; the cases below change one line of it, so that line numbers stay put.
     * Lines: 1 experiment, 2 dataset, 3 model, 4 dense 50, 5 sigmoid, 6 dense 10, 7 }, 8 loss,
     * 9 learning_rate, 10 epochs, 11 }.
     */
    static final String VALID = """
            experiment a {
                dataset mnist
                model {
                    dense 50
                    sigmoid
                    dense 10
                }
                loss cross_entropy
                learning_rate 0.1
                epochs 1
            }
            """;

    private static Analyzer analyzer;

    @BeforeAll
    static void registry() {
        ComponentRegistry registry = Registries.builtins();
        analyzer = new Analyzer(registry, new DatasetLoader(registry));
    }

    @Test
    void checkingOneRunLoadsOnlyThatRunsData(@TempDir Path dir) throws Exception {
        Path here = Files.writeString(dir.resolve("here.csv"), "a,b,y\n0.1,0.2,0\n0.9,0.8,1\n0.2,0.1,0\n0.8,0.9,1\n");
        Path gone = dir.resolve("gone.csv");
        String text = """
                experiment a {
                    dataset csv, path = "HERE" | "GONE", test_fraction = 0.25
                    model {
                        dense 2
                    }
                    loss cross_entropy
                    learning_rate 0.1
                    epochs 1
                }
                """.replace("HERE", here.toString()).replace("GONE", gone.toString());
        List<NnxFile> files = List.of(parse(FILE, text));

        assertEquals(List.of("exp.nnx:2:13: error: " + gone + ": no such file"), headlines(analyzer.analyze(files)));
        Analyzer.Result first = analyzer.analyzeRun(files, "a", 0);
        assertEquals(List.of(), headlines(first));
        assertEquals(2, first.plans().get(0).runs().size(), "the run keeps its index among the file's runs");
        assertEquals(
                List.of("exp.nnx:2:13: error: " + gone + ": no such file"),
                headlines(analyzer.analyzeRun(files, "a", 1)));
    }

    // ---------------------------------------------------------------- helpers

    static NnxFile parse(String path, String text) {
        NnxParser.Result result = NnxParser.parse(new SourceFile(Path.of(path), text));
        assertEquals(
                List.of(),
                result.diagnostics().stream().map(Diagnostic::render).toList(),
                "the test input must be valid syntax");
        return result.file().orElseThrow();
    }

    static Analyzer.Result analyze(String text) {
        return analyzer.analyze(List.of(parse(FILE, text)));
    }

    static List<String> headlines(Analyzer.Result result) {
        return result.diagnostics().stream().map(Diagnostic::headline).toList();
    }

    /** {@link #VALID} with {@code line} (a whole line, without its line break) replaced by {@code replacement}. */
    static String with(String line, String replacement) {
        List<String> lines = new ArrayList<>(List.of(VALID.split("\n", -1)));
        int index = lines.indexOf(line);
        if (index < 0 || lines.lastIndexOf(line) != index) {
            throw new AssertionError("'" + line + "' is not exactly one line of VALID");
        }
        if (replacement == null) {
            lines.remove(index);
        } else {
            lines.set(index, replacement);
        }
        return String.join("\n", lines);
    }

    /** {@link #VALID} without {@code line}. */
    static String without(String line) {
        return with(line, null);
    }

    /** {@link #VALID} with {@code extra} (one or more lines) added before the closing brace. */
    static String plus(String extra) {
        return VALID.substring(0, VALID.lastIndexOf("}\n")) + extra + "\n}\n";
    }

    static String headline(int line, int column, String message) {
        return FILE + ":" + line + ":" + column + ": error: " + message;
    }

    // ---------------------------------------------------------------- one problem each

    static Stream<Arguments> problems() {
        return Stream.of(
                // unknown names, with the nearest known one
                Arguments.of(
                        "unknown layer",
                        with("        sigmoid", "        sigmod"),
                        headline(5, 9, "unknown layer 'sigmod'; did you mean 'sigmoid'?")),
                Arguments.of(
                        "unknown layer, nothing near",
                        with("        sigmoid", "        convolution"),
                        headline(5, 9, "unknown layer 'convolution'")),
                Arguments.of(
                        "unknown statement",
                        plus("    samplng shuffle"),
                        headline(11, 5, "unknown statement 'samplng' in experiment 'a'; did you mean 'sampling'?")),
                Arguments.of(
                        "unknown statement, swapped letters",
                        plus("    sede 1"),
                        headline(11, 5, "unknown statement 'sede' in experiment 'a'; did you mean 'seed'?")),
                Arguments.of(
                        "unknown statement, nothing near",
                        plus("    momentum 0.9"),
                        headline(11, 5, "unknown statement 'momentum' in experiment 'a'")),
                Arguments.of(
                        "unknown dataset",
                        with("    dataset mnist", "    dataset mnst"),
                        headline(2, 13, "unknown dataset 'mnst'; did you mean 'mnist'?")),
                Arguments.of(
                        "unknown loss",
                        with("    loss cross_entropy", "    loss cross_entrop"),
                        headline(8, 10, "unknown loss 'cross_entrop'; did you mean 'cross_entropy'?")),
                Arguments.of(
                        "unknown loss, other",
                        with("    loss cross_entropy", "    loss mae"),
                        headline(8, 10, "unknown loss 'mae'; did you mean 'mse'?")),
                Arguments.of(
                        "unknown optimizer",
                        plus("    optimizer sdg"),
                        headline(11, 15, "unknown optimizer 'sdg'; did you mean 'sgd'?")),
                Arguments.of(
                        "unknown initializer",
                        with("        dense 50", "        dense 50, init = gausian(0.01)"),
                        headline(4, 26, "unknown initializer 'gausian'; did you mean 'gaussian'?")),
                Arguments.of(
                        "unknown initializer, bare name",
                        with("        dense 50", "        dense 50, init = hee"),
                        headline(4, 26, "unknown initializer 'hee'; did you mean 'he'?")),
                Arguments.of(
                        "unknown option for a layer",
                        with("        dense 50", "        dense 50, inti = he"),
                        headline(4, 19, "unknown option 'inti' for layer 'dense'; did you mean 'init'?")),
                Arguments.of(
                        "unknown option for a dataset",
                        with("    dataset mnist", "    dataset mnist, limti = 5"),
                        headline(2, 20, "unknown option 'limti' for dataset 'mnist'; did you mean 'limit'?")),
                Arguments.of(
                        "unknown option for an initializer",
                        with("        dense 50", "        dense 50, init = xavier(scale = 2)"),
                        headline(4, 33, "unknown option 'scale' for initializer 'xavier'")),
                Arguments.of(
                        "unknown option for an optimizer",
                        plus("    optimizer sgd(lr = 0.1)"),
                        headline(11, 19, "unknown option 'lr' for optimizer 'sgd'")),
                Arguments.of(
                        "unknown choice",
                        plus("    sampling sufle"),
                        headline(
                                11,
                                14,
                                "unknown value 'sufle' for 'sampling'; did you mean 'shuffle'? "
                                        + "(one of shuffle, random)")),

                // types and ranges
                Arguments.of(
                        "batch_size 0", plus("    batch_size 0"), headline(11, 16, "'batch_size' must be ≥ 1, got 0")),
                Arguments.of(
                        "learning_rate -1",
                        with("    learning_rate 0.1", "    learning_rate -1"),
                        headline(9, 19, "'learning_rate' must be > 0, got -1")),
                Arguments.of(
                        "learning_rate 0",
                        with("    learning_rate 0.1", "    learning_rate 0"),
                        headline(9, 19, "'learning_rate' must be > 0, got 0")),
                Arguments.of(
                        "learning_rate as arithmetic",
                        with("    learning_rate 0.1", "    learning_rate 1 - 2"),
                        headline(9, 19, "'learning_rate' must be > 0, got 1 - 2 = -1")),
                Arguments.of(
                        "learning_rate \"abc\"",
                        with("    learning_rate 0.1", "    learning_rate \"abc\""),
                        headline(9, 19, "'learning_rate' must be a number, got \"abc\"")),
                Arguments.of(
                        "learning_rate a name",
                        with("    learning_rate 0.1", "    learning_rate fast"),
                        headline(9, 19, "'learning_rate' must be a number, got 'fast'")),
                Arguments.of(
                        "learning_rate without a value",
                        with("    learning_rate 0.1", "    learning_rate"),
                        headline(9, 5, "'learning_rate' needs 'rate' (the step size η)")),
                Arguments.of(
                        "learning_rate with two values",
                        with("    learning_rate 0.1", "    learning_rate 0.1, 0.2"),
                        headline(9, 24, "'learning_rate' takes 1 argument, got 2")),
                Arguments.of(
                        "batch_size 0.5",
                        plus("    batch_size 0.5"),
                        headline(11, 16, "'batch_size' must be a whole number, got 0.5")),
                Arguments.of(
                        "epochs 0",
                        with("    epochs 1", "    epochs 0"),
                        headline(10, 12, "'epochs' must be ≥ 1, got 0")),
                Arguments.of("seed -1", plus("    seed -1"), headline(11, 10, "'seed' must be ≥ 0, got -1")),
                Arguments.of(
                        "seed a list", plus("    seed [1]"), headline(11, 10, "'seed' must be a number, got a list")),
                Arguments.of(
                        "evaluate_every 0",
                        plus("    evaluate_every 0"),
                        headline(11, 20, "'evaluate_every' must be ≥ 1, got 0")),
                Arguments.of(
                        "checkpoint_every 0",
                        plus("    checkpoint_every 0"),
                        headline(11, 22, "'checkpoint_every' must be ≥ 1, got 0")),
                Arguments.of(
                        "checkpoint_every 2.5",
                        plus("    checkpoint_every 2.5"),
                        headline(11, 22, "'checkpoint_every' must be a whole number, got 2.5")),
                Arguments.of(
                        "checkpoint_every without a value",
                        plus("    checkpoint_every"),
                        headline(
                                11,
                                5,
                                "'checkpoint_every' needs 'iterations' (iterations between checkpoints; one also ends every epoch)")),
                Arguments.of(
                        "sampling as a string",
                        plus("    sampling \"shuffle\""),
                        headline(11, 14, "'sampling' must be one of shuffle, random, got \"shuffle\"")),
                Arguments.of(
                        "description a number",
                        plus("    description 5"),
                        headline(11, 17, "'description' must be a string in quotes, got 5")),
                Arguments.of(
                        "dataset a string",
                        with("    dataset mnist", "    dataset \"mnist\""),
                        headline(2, 13, "'dataset' must name a dataset, got \"mnist\"")),
                Arguments.of(
                        "dataset option first",
                        with("    dataset mnist", "    dataset limit = 5"),
                        headline(2, 13, "'dataset' must start with a dataset name, before any option")),
                Arguments.of(
                        "dataset limit 0",
                        with("    dataset mnist", "    dataset mnist, limit = 0"),
                        headline(2, 28, "'limit' of dataset 'mnist' must be ≥ 1, got 0")),
                Arguments.of(
                        "loss without a name",
                        with("    loss cross_entropy", "    loss"),
                        headline(8, 5, "'loss' needs a loss name")),
                Arguments.of(
                        "optimizer a number",
                        plus("    optimizer 5"),
                        headline(11, 15, "'optimizer' must name an optimizer, got 5")),

                // layers
                Arguments.of(
                        "dense without units",
                        with("        dense 50", "        dense"),
                        headline(4, 9, "layer 'dense' needs 'units' (number of outputs)")),
                Arguments.of(
                        "dense 0",
                        with("        dense 50", "        dense 0"),
                        headline(4, 15, "'units' of layer 'dense' must be ≥ 1, got 0")),
                Arguments.of(
                        "dense 10.5",
                        with("        dense 50", "        dense 10.5"),
                        headline(4, 15, "'units' of layer 'dense' must be a whole number, got 10.5")),
                Arguments.of(
                        "dense \"10\"",
                        with("        dense 50", "        dense \"10\""),
                        headline(4, 15, "'units' of layer 'dense' must be a number, got \"10\"")),
                Arguments.of(
                        "dense with too many arguments",
                        with("        dense 50", "        dense 50, he, true, 4"),
                        headline(4, 29, "layer 'dense' takes 3 arguments, got 4")),
                Arguments.of(
                        "init not a name",
                        with("        dense 50", "        dense 50, init = 5"),
                        headline(
                                4,
                                26,
                                "'init' of layer 'dense' must name an initializer, got 5; the book's weight_init_std 5 is init = gaussian(5)")),
                Arguments.of(
                        "initializer out of range",
                        with("        dense 50", "        dense 50, init = gaussian(-1)"),
                        headline(4, 35, "'std' of initializer 'gaussian' must be > 0, got -1")),
                Arguments.of(
                        "initializer takes nothing",
                        with("        dense 50", "        dense 50, init = he(1)"),
                        headline(4, 29, "initializer 'he' takes no arguments, got 1")),
                Arguments.of(
                        "bias not a boolean",
                        with("        dense 50", "        dense 50, bias = maybe"),
                        headline(4, 26, "'bias' of layer 'dense' must be true or false, got 'maybe'")),
                Arguments.of(
                        "activation with an argument",
                        with("        sigmoid", "        sigmoid 5"),
                        headline(5, 17, "layer 'sigmoid' takes no arguments, got 1")),
                Arguments.of(
                        "softmax in call form with an argument",
                        with("        sigmoid", "        softmax(1)"),
                        headline(5, 17, "layer 'softmax' takes no arguments, got 1")),
                Arguments.of(
                        "leaky_relu alpha out of range",
                        with("        sigmoid", "        leaky_relu(alpha = -1)"),
                        headline(5, 28, "'alpha' of layer 'leaky_relu' must be ≥ 0, got -1")),
                Arguments.of(
                        "nested model",
                        with("        sigmoid", "        model {\n            relu\n        }"),
                        headline(5, 9, "a model cannot contain another 'model' block")),
                Arguments.of(
                        "empty model",
                        VALID.replace("        dense 50\n        sigmoid\n        dense 10\n", ""),
                        headline(3, 5, "the model has no layers")),
                Arguments.of(
                        "last layer too wide",
                        with("        dense 10", "        dense 50"),
                        headline(6, 9, "the last layer has 50 outputs but dataset 'mnist' has 10 classes")),
                Arguments.of(
                        "last layer too narrow",
                        with("        dense 10", "        dense 2"),
                        headline(6, 9, "the last layer has 2 outputs but dataset 'mnist' has 10 classes")),
                Arguments.of(
                        "activation last after a too wide dense",
                        with("        dense 10", "        relu"),
                        headline(6, 9, "the last layer has 50 outputs but dataset 'mnist' has 10 classes")),

                // missing and repeated statements
                Arguments.of(
                        "missing loss",
                        without("    loss cross_entropy"),
                        headline(1, 12, "experiment 'a' has no 'loss' statement (what training minimizes)")),
                Arguments.of(
                        "missing dataset",
                        without("    dataset mnist"),
                        headline(1, 12, "experiment 'a' has no 'dataset' statement (the data to train on)")),
                Arguments.of(
                        "missing learning_rate",
                        without("    learning_rate 0.1"),
                        headline(1, 12, "experiment 'a' has no 'learning_rate' statement (the step size η)")),
                Arguments.of(
                        "missing model",
                        VALID.replace("""
                            model {
                                dense 50
                                sigmoid
                                dense 10
                            }
                        """, ""),
                        headline(1, 12, "experiment 'a' has no 'model' statement (the layers, input to output)")),
                Arguments.of(
                        "missing training length",
                        without("    epochs 1"),
                        headline(1, 12, "experiment 'a' has neither 'epochs' nor 'iterations'; give one")),
                Arguments.of(
                        "epochs and iterations",
                        plus("    iterations 100"),
                        headline(11, 5, "'epochs' and 'iterations' cannot both be set; keep one")),
                Arguments.of(
                        "iterations before epochs",
                        with("    dataset mnist", "    iterations 100\n    dataset mnist"),
                        headline(11, 5, "'epochs' and 'iterations' cannot both be set; keep one")),
                Arguments.of(
                        "duplicate statement",
                        plus("    learning_rate 0.2"),
                        headline(11, 5, "'learning_rate' is set twice; first at line 9")),
                Arguments.of(
                        "duplicate model",
                        plus("    model {\n        dense 10\n    }"),
                        headline(11, 5, "'model' is set twice; first at line 3")),
                Arguments.of(
                        "duplicate experiment",
                        VALID + VALID,
                        headline(12, 12, "'a' is defined twice; first at exp.nnx:1:12")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void oneProblem(String label, String source, String expected) {
        Analyzer.Result result = analyze(source);
        assertEquals(List.of(expected), headlines(result), source);
        assertEquals(List.of(), result.plans(), "nothing is planned while any problem remains");
        assertTrue(!result.ok());
    }

    @Test
    void theContractsExampleOfAnUnknownLayerRendersExactly() {
        Analyzer.Result result = analyze(with("        sigmoid", "        sigmod"));
        assertEquals(
                List.of("""
                exp.nnx:5:9: error: unknown layer 'sigmod'; did you mean 'sigmoid'?
                        sigmod
                        ^~~~~~"""),
                result.diagnostics().stream().map(Diagnostic::render).toList());
    }

    @Test
    void aValueErrorUnderlinesTheValue() {
        Analyzer.Result result = analyze(with("    learning_rate 0.1", "    learning_rate \"abc\""));
        assertEquals(
                List.of("""
                exp.nnx:9:19: error: 'learning_rate' must be a number, got "abc"
                    learning_rate "abc"
                                  ^~~~~"""),
                result.diagnostics().stream().map(Diagnostic::render).toList());
    }

    @Test
    void everyRequiredStatementMissingIsReportedAtTheName() {
        Analyzer.Result result = analyze("experiment empty {\n    description \"nothing\"\n}\n");
        assertEquals(
                List.of(
                        headline(1, 12, "experiment 'empty' has neither 'epochs' nor 'iterations'; give one"),
                        headline(1, 12, "experiment 'empty' has no 'dataset' statement (the data to train on)"),
                        headline(1, 12, "experiment 'empty' has no 'learning_rate' statement (the step size η)"),
                        headline(1, 12, "experiment 'empty' has no 'loss' statement (what training minimizes)"),
                        headline(1, 12, "experiment 'empty' has no 'model' statement (the layers, input to output)")),
                headlines(result));
    }

    /** Values too large for the int a run uses must be refused, not wrapped around. */
    static Stream<Arguments> tooLargeForAnInt() {
        return Stream.of(
                Arguments.of("batch_size 2^31", plus("    batch_size 2^31"), 11),
                Arguments.of("batch_size 2^40", plus("    batch_size 2^40"), 11),
                Arguments.of("batch_size 1e10", plus("    batch_size 1e10"), 11),
                Arguments.of("dense 1e10 as the last layer", with("        dense 10", "        dense 1e10"), 6),
                Arguments.of("dense 2^31 as a hidden layer", with("        dense 50", "        dense 2^31"), 4));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tooLargeForAnInt")
    void valuesTooLargeForAnIntAreRefused(String label, String source, int line) {
        Analyzer.Result result = analyze(source);
        assertTrue(
                !result.ok(),
                () -> "planned: " + result.plans().get(0).runs().get(0).config());
        assertTrue(
                result.diagnostics().stream().anyMatch(d -> d.location().line() == line),
                () -> headlines(result).toString());
        for (String wrapped : List.of("-2147483648", "1410065408", "-2147483647")) {
            assertTrue(
                    headlines(result).stream().noneMatch(h -> h.contains(wrapped)),
                    () -> "a wrapped-around int in " + headlines(result));
        }
    }

    // ---------------------------------------------------------------- many problems at once

    @Test
    void everyProblemOfAFileIsReportedSortedByPosition() {
        Analyzer.Result result = analyze("""
                experiment a {
                    dataset mnist
                    model {
                        dense 50, inti = he
                        sigmod
                        dense 20
                    }
                    loss cross_entrpy
                    optimizer adam
                    learning_rate -1
                    batch_size 0.5
                    epochs 1
                    iterations 5
                    seed -1
                    samplng shuffle
                }
                experiment a {
                    seed -1
                }
                """);
        assertEquals(
                List.of(
                        headline(4, 19, "unknown option 'inti' for layer 'dense'; did you mean 'init'?"),
                        headline(5, 9, "unknown layer 'sigmod'; did you mean 'sigmoid'?"),
                        headline(8, 10, "unknown loss 'cross_entrpy'; did you mean 'cross_entropy'?"),
                        headline(10, 19, "'learning_rate' must be > 0, got -1"),
                        headline(11, 16, "'batch_size' must be a whole number, got 0.5"),
                        headline(13, 5, "'epochs' and 'iterations' cannot both be set; keep one"),
                        headline(14, 10, "'seed' must be ≥ 0, got -1"),
                        headline(15, 5, "unknown statement 'samplng' in experiment 'a'; did you mean 'sampling'?"),
                        headline(17, 12, "'a' is defined twice; first at exp.nnx:1:12")),
                headlines(result));
        assertEquals(List.of(), result.plans());
    }

    @Test
    void problemsOfTwoExperimentsInterleaveByPosition() {
        Analyzer.Result result = analyze(with("    learning_rate 0.1", "    learning_rate 0")
                + VALID.replace("experiment a", "experiment b").replace("dense 50", "dense 0"));
        assertEquals(
                List.of(
                        headline(9, 19, "'learning_rate' must be > 0, got 0"),
                        headline(15, 15, "'units' of layer 'dense' must be ≥ 1, got 0")),
                headlines(result));
    }

    @Test
    void problemsOfSeveralFilesAreSortedByFileThenPosition() {
        NnxFile second =
                parse("b.nnx", with("        sigmoid", "        sigmod").replace("experiment a", "experiment b"));
        NnxFile first = parse("a.nnx", plus("    batch_size 0"));
        Analyzer.Result result = analyzer.analyze(List.of(second, first));
        assertEquals(
                List.of(
                        "a.nnx:11:16: error: 'batch_size' must be ≥ 1, got 0",
                        "b.nnx:5:9: error: unknown layer 'sigmod'; did you mean 'sigmoid'?"),
                headlines(result));
    }

    @Test
    void theSameExperimentNameInTwoFilesIsAnError() {
        NnxFile first = parse("a.nnx", VALID);
        NnxFile second = parse("b.nnx", VALID);
        Analyzer.Result result = analyzer.analyze(List.of(first, second));
        assertEquals(List.of("b.nnx:1:12: error: 'a' is defined twice; first at a.nnx:1:12"), headlines(result));
    }

    // ---------------------------------------------------------------- plans

    @Test
    void theContractsFirstExperimentBecomesOnePlan() {
        String source = """
                experiment two_layer_net {
                    description "784-50-10 sigmoid net, plain SGD"
                    dataset mnist                       // the digits that ship with nnx
                    model {
                        dense 50, init = gaussian(0.01)
                        sigmoid
                        dense 10, init = gaussian(0.01)
                    }
                    loss cross_entropy                  // softmax + cross-entropy error
                    optimizer sgd
                    learning_rate 0.1
                    batch_size 100
                    iterations 10000
                    seed 42
                }
                """;
        Analyzer.Result result = analyze(source);
        assertEquals(List.of(), headlines(result));
        assertTrue(result.ok());
        assertEquals(1, result.plans().size());
        ExperimentPlan plan = result.plans().get(0);
        assertEquals("two_layer_net", plan.name());
        assertEquals("784-50-10 sigmoid net, plain SGD", plan.description());
        assertEquals(Path.of(FILE), plan.source());
        assertEquals(List.of(), plan.sweptSettings());
        assertEquals(1, plan.runs().size());
        RunPlan run = plan.runs().get(0);
        assertEquals("two_layer_net", run.name());
        assertEquals(Map.of(), run.varying().asMap());

        RunConfig config = run.config();
        assertEquals(new ComponentCall("mnist", org.nnx.spi.Arguments.EMPTY), config.dataset());
        ComponentCall gaussian = new ComponentCall("gaussian", org.nnx.spi.Arguments.of("std", 0.01));
        assertEquals(
                List.of(
                        new ComponentCall(
                                "dense", org.nnx.spi.Arguments.of("units", 50L, "init", gaussian, "bias", true)),
                        new ComponentCall("sigmoid", org.nnx.spi.Arguments.EMPTY),
                        new ComponentCall(
                                "dense", org.nnx.spi.Arguments.of("units", 10L, "init", gaussian, "bias", true))),
                config.layers());
        assertEquals(new ComponentCall("cross_entropy", org.nnx.spi.Arguments.EMPTY), config.loss());
        assertEquals(new ComponentCall("sgd", org.nnx.spi.Arguments.EMPTY), config.optimizer());
        assertEquals(0.1, config.learningRate());
        assertEquals(100, config.batchSize());
        assertEquals(TrainingLength.iterations(10000), config.length());
        assertEquals(Sampling.SHUFFLE, config.sampling());
        assertEquals(42, config.seed());
        assertEquals(0, config.evaluateEvery());
    }

    @Test
    void defaultsFillWhatIsNotWritten() {
        Analyzer.Result result = analyze(VALID);
        assertEquals(List.of(), headlines(result));
        ExperimentPlan plan = result.plans().get(0);
        assertEquals("", plan.description());
        RunConfig config = plan.runs().get(0).config();
        assertEquals(100, config.batchSize());
        assertEquals(Sampling.SHUFFLE, config.sampling());
        assertEquals(0, config.seed());
        assertEquals(new ComponentCall("sgd", org.nnx.spi.Arguments.EMPTY), config.optimizer());
        assertEquals(0, config.evaluateEvery(), "0: once per epoch");
        assertEquals(TrainingLength.epochs(1), config.length());
        assertEquals(0.1, config.learningRate());
        assertEquals(
                List.of("dense", "sigmoid", "dense"),
                config.layers().stream().map(ComponentCall::name).toList());
        assertEquals(
                org.nnx.spi.Arguments.of("units", 50L, "bias", true),
                config.layers().get(0).arguments());
    }

    @Test
    void writtenValuesReplaceTheDefaults() {
        Analyzer.Result result = analyze(plus("""
                    batch_size 32
                    sampling random
                    seed 7
                    evaluate_every 50
                    optimizer sgd
                    description "values"\
                """));
        assertEquals(List.of(), headlines(result));
        ExperimentPlan plan = result.plans().get(0);
        assertEquals("values", plan.description());
        RunConfig config = plan.runs().get(0).config();
        assertEquals(32, config.batchSize());
        assertEquals(Sampling.RANDOM, config.sampling());
        assertEquals(7, config.seed());
        assertEquals(50, config.evaluateEvery());
        assertEquals(new ComponentCall("sgd", org.nnx.spi.Arguments.EMPTY), config.optimizer());
    }

    @Test
    void datasetOptionsAndCallFormStatementsArePlanned() {
        Analyzer.Result result = analyze(with("    dataset mnist", "    dataset mnist, limit = 100")
                .replace("    learning_rate 0.1", "    learning_rate(0.5)")
                .replace("        sigmoid", "        leaky_relu(alpha = 0.1)"));
        assertEquals(List.of(), headlines(result));
        RunConfig config = result.plans().get(0).runs().get(0).config();
        assertEquals(new ComponentCall("mnist", org.nnx.spi.Arguments.of("limit", 100L)), config.dataset());
        assertEquals(0.5, config.learningRate());
        assertEquals(
                new ComponentCall("leaky_relu", org.nnx.spi.Arguments.of("alpha", 0.1)),
                config.layers().get(1));
    }

    @Test
    void aFinalSoftmaxIsFusedIntoCrossEntropy() {
        Analyzer.Result result = analyze(with("        dense 10", "        dense 10\n        softmax"));
        assertEquals(List.of(), headlines(result));
        ExperimentPlan plan = result.plans().get(0);
        assertEquals(
                List.of("dense", "sigmoid", "dense"),
                plan.runs().get(0).config().layers().stream()
                        .map(ComponentCall::name)
                        .toList());
        assertTrue(
                plan.effectiveConfig().contains("        softmax\n"),
                "the effective configuration shows the model as written:\n" + plan.effectiveConfig());
    }

    @Test
    void aFinalSoftmaxIsKeptBeforeMse() {
        Analyzer.Result result = analyze(with("        dense 10", "        dense 10\n        softmax")
                .replace("loss cross_entropy", "loss mse"));
        assertEquals(List.of(), headlines(result));
        assertEquals(
                List.of("dense", "sigmoid", "dense", "softmax"),
                result.plans().get(0).runs().get(0).config().layers().stream()
                        .map(ComponentCall::name)
                        .toList());
        assertEquals("mse", result.plans().get(0).runs().get(0).config().loss().name());
    }

    @Test
    void aSoftmaxThatIsNotLastIsKeptBeforeCrossEntropy() {
        Analyzer.Result result = analyze(with("        sigmoid", "        softmax"));
        assertEquals(List.of(), headlines(result));
        assertEquals(
                List.of("dense", "softmax", "dense"),
                result.plans().get(0).runs().get(0).config().layers().stream()
                        .map(ComponentCall::name)
                        .toList());
    }

    @Test
    void everyValidExperimentOfAFileIsPlannedInOrder() {
        Analyzer.Result result = analyze(VALID.replace("experiment a", "experiment first")
                + VALID.replace("experiment a", "experiment second").replace("epochs 1", "iterations 20"));
        assertEquals(List.of(), headlines(result));
        assertEquals(
                List.of("first", "second"),
                result.plans().stream().map(ExperimentPlan::name).toList());
        assertEquals(
                TrainingLength.iterations(20),
                result.plans().get(1).runs().get(0).config().length());
    }

    @Test
    void theEffectiveConfigurationShowsTheDefaults() {
        String effective = analyze(VALID).plans().get(0).effectiveConfig();
        List<String> lines = effective.lines().toList();
        for (String line : List.of(
                "experiment a {",
                "    dataset mnist",
                "    loss cross_entropy",
                "    optimizer sgd",
                "    learning_rate 0.1",
                "    batch_size 100",
                "    epochs 1",
                "    sampling shuffle",
                "    seed 0")) {
            // A line may carry a comment such as "// default" after the value.
            assertTrue(
                    lines.stream().anyMatch(l -> l.equals(line) || l.startsWith(line + " ")),
                    () -> line + " in\n" + effective);
        }
    }

    @Test
    void anEmptyListOfFilesHasNothingToDo() {
        Analyzer.Result result = analyzer.analyze(List.of());
        assertTrue(result.ok());
        assertEquals(List.of(), result.plans());
    }
}
