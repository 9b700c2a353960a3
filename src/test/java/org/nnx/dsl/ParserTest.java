package org.nnx.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.nnx.dsl.ast.Argument;
import org.nnx.dsl.ast.Definition;
import org.nnx.dsl.ast.Expression;
import org.nnx.dsl.ast.Import;
import org.nnx.dsl.ast.ModelBlock;
import org.nnx.dsl.ast.NnxFile;
import org.nnx.dsl.ast.Node;
import org.nnx.dsl.ast.Setting;
import org.nnx.dsl.ast.Statement;

/** Files that are valid syntax parse to the tree the language contract describes, with exact locations. */
class ParserTest {

    /** The whole-file example of the contract (shared/nnx-language.md, "A whole file"), verbatim. */
    static final String CONTRACT_EXAMPLE = """
            // experiments/two-layer-net.nnx
            // The two-layer net that learns handwritten digits by mini-batch SGD.

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

            // A sweep: one run per value; the report overlays their curves.
            experiment learning_rates extends two_layer_net {
                learning_rate 10 | 1 | 0.1 | 0.01 | 0.001
                iterations 3000
            }

            // Why accuracy cannot be the loss: the step function's gradient is 0.
            experiment step_cannot_learn extends two_layer_net {
                model {
                    dense 50
                    step
                    dense 10
                }
            }
            """;

    /** The objective example of the contract ("Objectives: gradient descent on a function"), verbatim. */
    static final String OBJECTIVE_EXAMPLE = """
            objective bowl {
                minimize x0^2 + x1^2
                start [-3.0, 4.0]
                learning_rate 0.1 | 0.01 | 10
                steps 100
                gradient numerical
            }
            """;

    // ---------------------------------------------------------------- helpers

    static NnxFile parse(String text) {
        NnxParser.Result result = NnxParser.parse(new SourceFile(Path.of("test.nnx"), text));
        assertEquals(
                List.of(), result.diagnostics().stream().map(Diagnostic::render).toList(), "expected no diagnostics");
        assertTrue(result.file().isPresent(), "a file without diagnostics has a tree");
        return result.file().get();
    }

    /** The single statement of the single definition of {@code experiment a { <line> }}. */
    static Setting statement(String line) {
        NnxFile file = parse("experiment a {\n    " + line + "\n}\n");
        List<Statement> statements = file.definitions().get(0).statements();
        assertEquals(1, statements.size(), () -> "statements of " + line + ": " + statements);
        return assertInstanceOf(Setting.class, statements.get(0));
    }

    /** The value of the single argument of {@code x <value>}. */
    static Expression value(String value) {
        Setting setting = statement("x " + value);
        assertEquals(1, setting.arguments().size(), () -> "arguments of " + value + ": " + setting.arguments());
        return setting.arguments().get(0).value();
    }

    /** A compact prefix form of an expression, to check structure and precedence at a glance. */
    static String sexpr(Expression expression) {
        if (expression instanceof Expression.NumberLiteral number) {
            return number.text();
        }
        if (expression instanceof Expression.StringLiteral string) {
            return '"' + string.value() + '"';
        }
        if (expression instanceof Expression.Name name) {
            return name.name();
        }
        if (expression instanceof Expression.Negation negation) {
            return "(neg " + sexpr(negation.operand()) + ")";
        }
        if (expression instanceof Expression.Binary binary) {
            return "(" + binary.operator() + " " + sexpr(binary.left()) + " " + sexpr(binary.right()) + ")";
        }
        if (expression instanceof Expression.Alternatives alternatives) {
            return "(| "
                    + alternatives.options().stream().map(ParserTest::sexpr).collect(Collectors.joining(" ")) + ")";
        }
        if (expression instanceof Expression.ListLiteral list) {
            return "[" + list.elements().stream().map(ParserTest::sexpr).collect(Collectors.joining(" ")) + "]";
        }
        if (expression instanceof Expression.Call call) {
            return call.function().name() + "("
                    + call.arguments().stream().map(ParserTest::sexpr).collect(Collectors.joining(" ")) + ")";
        }
        throw new AssertionError("unknown expression " + expression);
    }

    static String sexpr(Argument argument) {
        return argument.name().map(n -> n.name() + "=").orElse("") + sexpr(argument.value());
    }

    static void assertAt(int line, int column, Node node) {
        assertAt(line, column, node.location());
    }

    static void assertAt(int line, int column, SourceLocation location) {
        assertEquals(line + ":" + column, location.line() + ":" + location.column(), () -> "location of " + location);
    }

    static double number(Expression expression) {
        return assertInstanceOf(Expression.NumberLiteral.class, expression).value();
    }

    // ---------------------------------------------------------------- the contract's whole file

    @Test
    void contractExampleParsesWithoutDiagnostics() {
        NnxFile file = parse(CONTRACT_EXAMPLE);
        assertEquals(List.of(), file.imports());
        assertEquals(
                List.of("two_layer_net", "learning_rates", "step_cannot_learn"),
                file.definitions().stream().map(d -> d.name().name()).toList());
        assertTrue(file.definitions().stream().allMatch(d -> d.kind() == Definition.Kind.EXPERIMENT));
        assertEquals(Path.of("test.nnx"), file.source().path());
    }

    @Test
    void contractExampleParents() {
        List<Definition> definitions = parse(CONTRACT_EXAMPLE).definitions();
        assertTrue(definitions.get(0).parent().isEmpty());
        assertEquals("two_layer_net", definitions.get(1).parent().orElseThrow().name());
        assertEquals("two_layer_net", definitions.get(2).parent().orElseThrow().name());
        assertAt(21, 35, definitions.get(1).parent().orElseThrow());
        assertAt(27, 38, definitions.get(2).parent().orElseThrow());
    }

    @Test
    void contractExampleStatementsInOrder() {
        Definition first = parse(CONTRACT_EXAMPLE).definitions().get(0);
        assertEquals(
                List.of(
                        "description",
                        "dataset",
                        "model",
                        "loss",
                        "optimizer",
                        "learning_rate",
                        "batch_size",
                        "iterations",
                        "seed"),
                first.statements().stream()
                        .map(s -> s instanceof Setting setting ? setting.name().name() : "model")
                        .toList());
        Setting description = assertInstanceOf(Setting.class, first.statements().get(0));
        assertEquals(
                "784-50-10 sigmoid net, plain SGD",
                assertInstanceOf(
                                Expression.StringLiteral.class,
                                description.arguments().get(0).value())
                        .value());
        Setting dataset = assertInstanceOf(Setting.class, first.statements().get(1));
        assertEquals(
                "mnist",
                assertInstanceOf(
                                Expression.Name.class,
                                dataset.arguments().get(0).value())
                        .name());
        Setting seed = assertInstanceOf(Setting.class, first.statements().get(8));
        assertEquals(42.0, number(seed.arguments().get(0).value()));
    }

    @Test
    void contractExampleModel() {
        Definition first = parse(CONTRACT_EXAMPLE).definitions().get(0);
        ModelBlock model = assertInstanceOf(ModelBlock.class, first.statements().get(2));
        assertAt(7, 5, model);
        assertEquals(3, model.layers().size());
        assertEquals(
                List.of("dense", "sigmoid", "dense"),
                model.layers().stream().map(l -> ((Setting) l).name().name()).toList());

        Setting dense = assertInstanceOf(Setting.class, model.layers().get(0));
        assertAt(8, 9, dense);
        assertAt(8, 9, dense.name());
        assertEquals(5, dense.name().location().length());
        assertEquals(false, dense.callForm());
        assertEquals(2, dense.arguments().size());

        Argument units = dense.arguments().get(0);
        assertTrue(units.name().isEmpty(), "50 is positional");
        assertEquals(50.0, number(units.value()));
        assertAt(8, 15, units.value());

        Argument init = dense.arguments().get(1);
        assertEquals("init", init.name().orElseThrow().name());
        assertAt(8, 19, init.name().orElseThrow());
        Expression.Call gaussian = assertInstanceOf(Expression.Call.class, init.value());
        assertEquals("gaussian", gaussian.function().name());
        assertAt(8, 26, gaussian);
        assertEquals(1, gaussian.arguments().size());
        assertTrue(gaussian.arguments().get(0).name().isEmpty());
        assertEquals(0.01, number(gaussian.arguments().get(0).value()));
        assertAt(8, 35, gaussian.arguments().get(0).value());

        Setting sigmoid = assertInstanceOf(Setting.class, model.layers().get(1));
        assertAt(9, 9, sigmoid);
        assertEquals(List.of(), sigmoid.arguments());
    }

    @Test
    void contractExampleSweepIsAlternativesOfFiveNumbers() {
        Definition sweep = parse(CONTRACT_EXAMPLE).definitions().get(1);
        assertEquals(2, sweep.statements().size());
        Setting learningRate =
                assertInstanceOf(Setting.class, sweep.statements().get(0));
        assertEquals("learning_rate", learningRate.name().name());
        assertAt(22, 5, learningRate);
        assertEquals(1, learningRate.arguments().size());
        Expression.Alternatives alternatives = assertInstanceOf(
                Expression.Alternatives.class, learningRate.arguments().get(0).value());
        assertAt(22, 19, alternatives);
        assertEquals(
                "10 | 1 | 0.1 | 0.01 | 0.001".length(), alternatives.location().length());
        assertEquals(
                List.of(10.0, 1.0, 0.1, 0.01, 0.001),
                alternatives.options().stream().map(ParserTest::number).toList());
        assertEquals(
                List.of("10", "1", "0.1", "0.01", "0.001"),
                alternatives.options().stream()
                        .map(o -> ((Expression.NumberLiteral) o).text())
                        .toList());
        assertEquals(
                List.of(19, 24, 28, 34, 41),
                alternatives.options().stream().map(o -> o.location().column()).toList());
    }

    @Test
    void contractExampleLocations() {
        List<Definition> definitions = parse(CONTRACT_EXAMPLE).definitions();
        Definition first = definitions.get(0);
        assertAt(4, 1, first);
        assertAt(4, 12, first.name());
        assertEquals("two_layer_net".length(), first.name().location().length());
        assertAt(21, 12, definitions.get(1).name());
        assertAt(27, 12, definitions.get(2).name());

        Setting loss = assertInstanceOf(Setting.class, first.statements().get(3));
        assertAt(12, 5, loss);
        assertAt(12, 10, loss.arguments().get(0).value());
        Setting iterations =
                assertInstanceOf(Setting.class, definitions.get(1).statements().get(1));
        assertAt(23, 16, iterations.arguments().get(0).value());

        ModelBlock model = assertInstanceOf(
                ModelBlock.class, definitions.get(2).statements().get(0));
        assertAt(28, 5, model);
        assertEquals(
                List.of("dense", "step", "dense"),
                model.layers().stream().map(l -> ((Setting) l).name().name()).toList());
        assertAt(30, 9, model.layers().get(1));
        assertEquals(
                List.of(),
                ((Setting) model.layers().get(0))
                        .arguments().stream().filter(a -> a.name().isPresent()).toList());
    }

    @Test
    void locationsCountColumnsTheSameWithWindowsLineEnds() {
        NnxFile file = parse(CONTRACT_EXAMPLE.replace("\n", "\r\n"));
        Definition first = file.definitions().get(0);
        assertAt(4, 12, first.name());
        Setting dense =
                (Setting) ((ModelBlock) first.statements().get(2)).layers().get(0);
        assertAt(8, 26, dense.arguments().get(1).value());
        Setting sweep = (Setting) file.definitions().get(1).statements().get(0);
        assertAt(22, 19, sweep.arguments().get(0).value());
    }

    // ---------------------------------------------------------------- objectives, precedence

    @Test
    void objectiveExampleParses() {
        NnxFile file = parse(OBJECTIVE_EXAMPLE);
        assertEquals(1, file.definitions().size());
        Definition bowl = file.definitions().get(0);
        assertEquals(Definition.Kind.OBJECTIVE, bowl.kind());
        assertEquals("bowl", bowl.name().name());
        assertAt(1, 11, bowl.name());
        List<Setting> statements =
                bowl.statements().stream().map(Setting.class::cast).toList();
        assertEquals(
                List.of("minimize", "start", "learning_rate", "steps", "gradient"),
                statements.stream().map(s -> s.name().name()).toList());
        assertEquals(
                List.of("(+ (^ x0 2) (^ x1 2))", "[(neg 3.0) 4.0]", "(| 0.1 0.01 10)", "100", "numerical"),
                statements.stream()
                        .map(s -> sexpr(s.arguments().get(0).value()))
                        .toList());
        assertAt(2, 14, statements.get(0).arguments().get(0).value());
        assertAt(3, 11, statements.get(1).arguments().get(0).value());
    }

    @ParameterizedTest(name = "{0}  ->  {1}")
    @CsvSource(
            delimiter = ';',
            value = {
                "-x^2;                (neg (^ x 2))",
                "1+2*3;               (+ 1 (* 2 3))",
                "1*2+3;               (+ (* 1 2) 3)",
                "2^3^2;               (^ 2 (^ 3 2))",
                "8 - 2 - 1;           (- (- 8 2) 1)",
                "8 / 2 / 2;           (/ (/ 8 2) 2)",
                "2 * 3 ^ 2;           (* 2 (^ 3 2))",
                "-2^-2;               (neg (^ 2 (neg 2)))",
                "(1 + 2) * 3;         (* (+ 1 2) 3)",
                "a | b;               (| a b)",
                "a | b | c;           (| a b c)",
                "1 + 2 | 3 * 4;       (| (+ 1 2) (* 3 4))",
                "-1 | 2^2;            (| (neg 1) (^ 2 2))",
                "(1 | 2) * 3;         (* (| 1 2) 3)",
                "[1, 2 | 3];          [1 (| 2 3)]",
                "f(1 + 2, k = -x);    f((+ 1 2) k=(neg x))",
                "gaussian(0.01);      gaussian(0.01)",
                "log_range(1e-4, 1, 5); log_range(1e-4 1 5)",
                "[];                  []",
                "sin(x0) * exp(-x1);  (* sin(x0) exp((neg x1)))",
            })
    void precedenceAndAssociativity(String source, String expected) {
        assertEquals(expected, sexpr(value(source)));
    }

    @Test
    void barIsLoosestAlsoInNamedArguments() {
        Setting setting = statement("dense 50 | 100, init = he | xavier");
        assertEquals(
                List.of("(| 50 100)", "init=(| he xavier)"),
                setting.arguments().stream().map(ParserTest::sexpr).toList());
    }

    // ---------------------------------------------------------------- imports, statement forms

    @Test
    void importParsesToAnImport() {
        NnxFile file = parse("import \"common.nnx\"\nexperiment a {\n}\n");
        assertEquals(1, file.imports().size());
        Import anImport = file.imports().get(0);
        assertEquals("common.nnx", anImport.path());
        assertAt(1, 1, anImport);
        assertEquals(1, file.definitions().size());
    }

    @Test
    void importsAndDefinitionsMayInterleave() {
        NnxFile file = parse("""
                import "a.nnx"
                experiment x {
                }
                import "dir/b.nnx"
                objective y {
                }
                """);
        assertEquals(
                List.of("a.nnx", "dir/b.nnx"),
                file.imports().stream().map(Import::path).toList());
        assertAt(4, 1, file.imports().get(1));
        assertEquals(
                List.of("x", "y"),
                file.definitions().stream().map(d -> d.name().name()).toList());
    }

    @Test
    void callFormAndPlainFormHoldTheSameArguments() {
        Setting call = statement("dropout(0.5)");
        Setting plain = statement("dropout 0.5");
        assertTrue(call.callForm());
        assertEquals(false, plain.callForm());
        assertEquals("dropout", call.name().name());
        assertEquals("dropout", plain.name().name());
        assertEquals(
                List.of("0.5"), call.arguments().stream().map(ParserTest::sexpr).toList());
        assertEquals(
                List.of("0.5"),
                plain.arguments().stream().map(ParserTest::sexpr).toList());
        assertAt(2, 13, call.arguments().get(0).value());
        assertAt(2, 13, plain.arguments().get(0).value());
    }

    @Test
    void callFormWithNamedArgumentsAndEmptyCall() {
        Setting call = statement("batch_norm(momentum = 0.9)");
        assertTrue(call.callForm());
        assertEquals(
                List.of("momentum=0.9"),
                call.arguments().stream().map(ParserTest::sexpr).toList());
        Setting empty = statement("batch_norm()");
        assertTrue(empty.callForm());
        assertEquals(List.of(), empty.arguments());
        Setting bare = statement("batch_norm");
        assertEquals(false, bare.callForm());
        assertEquals(List.of(), bare.arguments());
    }

    @Test
    void aParenthesizedFirstValueFollowedByAnOperatorIsAPlainStatement() {
        Setting setting = statement("seed (1) + 2");
        assertEquals(false, setting.callForm());
        assertEquals(
                List.of("(+ 1 2)"),
                setting.arguments().stream().map(ParserTest::sexpr).toList());
    }

    @Test
    void plainStatementWithSeveralArguments() {
        Setting setting = statement("early_stop patience = 3, metric = val_loss");
        assertEquals(
                List.of("patience=3", "metric=val_loss"),
                setting.arguments().stream().map(ParserTest::sexpr).toList());
        assertAt(2, 16, setting.arguments().get(0));
        assertAt(2, 30, setting.arguments().get(1));
    }

    @Test
    void statementsMayShareTheLineWithTheBraces() {
        NnxFile file = parse("experiment a { seed 1 }\nexperiment b {\n    model { relu }\n}\n");
        assertEquals(2, file.definitions().size());
        Setting seed = (Setting) file.definitions().get(0).statements().get(0);
        assertAt(1, 16, seed);
        ModelBlock model = (ModelBlock) file.definitions().get(1).statements().get(0);
        assertEquals("relu", ((Setting) model.layers().get(0)).name().name());
    }

    @Test
    void blankLinesBetweenStatementsAndBeforeTheBraceAreAllowed() {
        NnxFile file =
                parse("\n\nexperiment a\n{\n\n    seed 1\n\n\n    model\n    {\n\n        relu\n\n    }\n\n}\n\n");
        Definition a = file.definitions().get(0);
        assertAt(3, 12, a.name());
        assertEquals(2, a.statements().size());
        assertAt(6, 5, a.statements().get(0));
        assertAt(9, 5, a.statements().get(1));
        assertAt(12, 9, ((ModelBlock) a.statements().get(1)).layers().get(0));
    }

    // ---------------------------------------------------------------- line breaks inside ( ) and [ ]

    @Test
    void argumentListsSpanLinesInsideParenthesesAndBrackets() {
        NnxFile file = parse("""
                experiment a {
                    optimizer adam(
                        beta1 = 0.9,
                        beta2 = 0.999
                    )
                    start [
                        -3.0,
                        4.0
                    ]
                    f(a = 1,
                      b = [1,
                           2],
                      c = g(
                        3))
                    seed 1
                }
                """);
        List<Setting> statements = file.definitions().get(0).statements().stream()
                .map(Setting.class::cast)
                .toList();
        assertEquals(
                List.of("optimizer", "start", "f", "seed"),
                statements.stream().map(s -> s.name().name()).toList());
        assertEquals(
                "adam(beta1=0.9 beta2=0.999)",
                sexpr(statements.get(0).arguments().get(0).value()));
        assertEquals(
                "[(neg 3.0) 4.0]", sexpr(statements.get(1).arguments().get(0).value()));
        assertTrue(statements.get(2).callForm());
        assertEquals(
                List.of("a=1", "b=[1 2]", "c=g(3)"),
                statements.get(2).arguments().stream().map(ParserTest::sexpr).toList());
        assertAt(
                3,
                9,
                ((Expression.Call) statements.get(0).arguments().get(0).value())
                        .arguments()
                        .get(0));
        assertAt(
                12,
                12,
                ((Expression.ListLiteral) statements.get(2).arguments().get(1).value())
                        .elements()
                        .get(1));
        assertAt(
                14,
                9,
                ((Expression.Call) statements.get(2).arguments().get(2).value())
                        .arguments()
                        .get(0));
        assertAt(15, 5, statements.get(3));
    }

    @Test
    void aMultiLineNodeIsUnderlinedToTheEndOfItsFirstLine() {
        Setting setting = statement("f(a = 1,\n      b = 2)");
        assertAt(2, 5, setting);
        assertEquals("f(a = 1,".length(), setting.location().length());
    }

    // ---------------------------------------------------------------- comments

    @Test
    void lineCommentsAnywhere() {
        NnxFile file = parse("""
                // leading comment
                experiment a { // after the brace
                    // a whole line
                    seed 1 // after a value
                    model { // after the model brace
                        dense 10 // after a layer
                    }
                } // after the closing brace
                // trailing comment without a newline""");
        Definition a = file.definitions().get(0);
        assertEquals(2, a.statements().size());
        assertAt(4, 5, a.statements().get(0));
        Setting dense = (Setting) ((ModelBlock) a.statements().get(1)).layers().get(0);
        assertAt(6, 9, dense);
        assertEquals(
                List.of("10"), dense.arguments().stream().map(ParserTest::sexpr).toList());
    }

    @Test
    void lineCommentInsideAMultiLineArgumentList() {
        Setting setting = statement("f(1, // the first\n      2) // the second");
        assertEquals(
                List.of("1", "2"),
                setting.arguments().stream().map(ParserTest::sexpr).toList());
    }

    @Test
    void blockCommentsAnywhere() {
        NnxFile file = parse("""
                /* header */ experiment /* before the name */ a /* before the brace */ { /* after */
                    /* a whole line */
                    seed /* between */ 1 /* after the value */
                    dense 50, /* after the comma */ init = he
                    f(/* in a call */ 1, [/* in a list */ 2])
                } /* after the closing brace */
                /* last */""");
        Definition a = file.definitions().get(0);
        assertEquals("a", a.name().name());
        assertAt(1, 47, a.name());
        List<Setting> statements =
                a.statements().stream().map(Setting.class::cast).toList();
        assertEquals(
                List.of("seed", "dense", "f"),
                statements.stream().map(s -> s.name().name()).toList());
        assertEquals(
                List.of("1"),
                statements.get(0).arguments().stream().map(ParserTest::sexpr).toList());
        assertAt(3, 24, statements.get(0).arguments().get(0));
        assertEquals(
                List.of("50", "init=he"),
                statements.get(1).arguments().stream().map(ParserTest::sexpr).toList());
        assertEquals(
                List.of("1", "[2]"),
                statements.get(2).arguments().stream().map(ParserTest::sexpr).toList());
    }

    @Test
    void aFileOfOnlyABlockComment() {
        assertEquals(List.of(), parse("/* nothing here */").definitions());
        assertEquals(List.of(), parse("/* nothing\n   here\n */\n").definitions());
    }

    @Test
    void commentMarkersInsideStringsAreText() {
        Setting setting = statement("description \"not // a comment, not /* one */ either\"");
        assertEquals(
                "not // a comment, not /* one */ either",
                ((Expression.StringLiteral) setting.arguments().get(0).value()).value());
    }

    // ---------------------------------------------------------------- literals

    static Stream<Arguments> strings() {
        return Stream.of(
                Arguments.of("\"plain\"", "plain"),
                Arguments.of("\"\"", ""),
                Arguments.of("\"say \\\"hi\\\"\"", "say \"hi\""),
                Arguments.of("\"back\\\\slash\"", "back\\slash"),
                Arguments.of("\"two\\nlines\"", "two\nlines"),
                Arguments.of("\"all \\\" \\\\ \\n\"", "all \" \\ \n"),
                Arguments.of("\"\\\\n is not a newline\"", "\\n is not a newline"),
                Arguments.of("\"ünïcødé ✓ η\"", "ünïcødé ✓ η"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("strings")
    void stringsResolveTheirEscapes(String written, String expected) {
        Expression.StringLiteral string = assertInstanceOf(Expression.StringLiteral.class, value(written));
        assertEquals(expected, string.value());
        assertAt(2, 7, string);
        assertEquals(written.length(), string.location().length());
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "42,     42.0",
        "0.1,    0.1",
        "1e-4,   0.0001",
        "1E+2,   100.0",
        "2.5e3,  2500.0",
        ".5,     0.5",
        "3.,     3.0",
        "0,      0.0",
        "007,    7.0",
    })
    void numbers(String written, double expected) {
        Expression.NumberLiteral number = assertInstanceOf(Expression.NumberLiteral.class, value(written));
        assertEquals(written, number.text());
        assertEquals(expected, number.value());
        assertAt(2, 7, number);
        assertEquals(written.length(), number.location().length());
    }

    @Test
    void minusThreeIsANegatedNumber() {
        Expression.Negation negation = assertInstanceOf(Expression.Negation.class, value("-3"));
        assertAt(2, 7, negation);
        Expression.NumberLiteral three = assertInstanceOf(Expression.NumberLiteral.class, negation.operand());
        assertEquals(3.0, three.value());
        assertAt(2, 8, three);
    }

    @Test
    void allNumberFormsInOneArgumentList() {
        Setting setting = statement("n 42, 0.1, 1e-4, .5, 3., -3");
        assertEquals(
                List.of("42", "0.1", "1e-4", ".5", "3.", "(neg 3)"),
                setting.arguments().stream().map(ParserTest::sexpr).toList());
        assertEquals(
                List.of(7, 11, 16, 22, 26, 30),
                setting.arguments().stream().map(a -> a.location().column()).toList());
    }

    @Test
    void namesMayContainDigitsAndUnderscores() {
        Setting setting = statement("_private_1 x0, leaky_relu2, A_B");
        assertEquals("_private_1", setting.name().name());
        assertEquals(
                List.of("x0", "leaky_relu2", "A_B"),
                setting.arguments().stream().map(ParserTest::sexpr).toList());
    }

    @Test
    void keywordsAreOnlyFive() {
        // Names such as dense, loss, dataset, true are not keywords: any of them may be a statement or a value.
        Setting setting = statement("loss dataset, true = false, minimize = steps");
        assertEquals("loss", setting.name().name());
        assertEquals(
                List.of("dataset", "true=false", "minimize=steps"),
                setting.arguments().stream().map(ParserTest::sexpr).toList());
    }

    // ---------------------------------------------------------------- empty input

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("emptyFiles")
    void filesWithoutDefinitions(String label, String text) {
        NnxFile file = parse(text);
        assertEquals(List.of(), file.definitions());
        assertEquals(List.of(), file.imports());
    }

    static Stream<Arguments> emptyFiles() {
        return Stream.of(
                Arguments.of("empty", ""),
                Arguments.of("newlines", "\n\n\n"),
                Arguments.of("spaces and tabs", "   \t \n\t\n  "),
                Arguments.of("line comments", "// one\n// two\n"),
                Arguments.of("line comment without newline", "// one"),
                Arguments.of("windows line ends", "\r\n// x\r\n\r\n"));
    }

    @Test
    void anEmptyExperiment() {
        Definition a = parse("experiment a {}").definitions().get(0);
        assertEquals("a", a.name().name());
        assertEquals(List.of(), a.statements());
    }
}
