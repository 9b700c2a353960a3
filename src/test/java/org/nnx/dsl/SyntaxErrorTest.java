package org.nnx.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Syntax errors come back as located diagnostics, rendered {@code file:line:col: error: message}, the source
 * line and a caret under the offending text; never as exceptions, and a file with any of them has no tree.
 */
class SyntaxErrorTest {
    private static final Path SHOWN = Path.of("bad.nnx");

    static NnxParser.Result parse(String text) {
        return NnxParser.parse(new SourceFile(SHOWN, text));
    }

    static List<String> rendered(NnxParser.Result result) {
        return result.diagnostics().stream().map(Diagnostic::render).toList();
    }

    // ---------------------------------------------------------------- exact renderings

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("unterminated string", "experiment a {\n    description \"abc\n}\n", List.of("""
                                bad.nnx:2:17: error: unterminated string: a '"' is missing before the end of the line
                                    description "abc
                                                ^~""")),
                Arguments.of(
                        "unterminated string at the end of the file",
                        "experiment a {\n    description \"abc",
                        List.of("""
                                bad.nnx:2:17: error: unterminated string: a '"' is missing before the end of the line
                                    description "abc
                                                ^~""")),
                Arguments.of(
                        "unterminated block comment after the last definition",
                        "experiment a {\n    seed 1\n}\n/* hello\n  more",
                        List.of("""
                                bad.nnx:4:1: error: unterminated comment: '/*' has no '*/'
                                /* hello
                                ^~""")),
                Arguments.of(
                        "unterminated block comment inside an experiment",
                        "experiment a {\n    seed 1 /* never closed\n}\n",
                        List.of("""
                                bad.nnx:2:12: error: unterminated comment: '/*' has no '*/'
                                    seed 1 /* never closed
                                           ^~""")),
                Arguments.of("stray @", "experiment a {\n    seed @1\n}\n", List.of("""
                                bad.nnx:2:10: error: unexpected character '@'
                                    seed @1
                                         ^""")),
                Arguments.of(
                        "stray # and $ on two lines: both reported",
                        "experiment a {\n    seed #1\n    batch_size $2\n}\n",
                        List.of("""
                                bad.nnx:2:10: error: unexpected character '#'
                                    seed #1
                                         ^""", """
                                bad.nnx:3:16: error: unexpected character '$'
                                    batch_size $2
                                               ^""")),
                Arguments.of(
                        "stray characters in two experiments: both reported",
                        "experiment a {\n    seed @1\n}\nexperiment b {\n    seed @2\n}\n",
                        List.of("""
                                bad.nnx:2:10: error: unexpected character '@'
                                    seed @1
                                         ^""", """
                                bad.nnx:5:10: error: unexpected character '@'
                                    seed @2
                                         ^""")),
                Arguments.of(
                        "stray character after a tab keeps the tab in the caret line",
                        "experiment a {\n\tseed @\n}\n",
                        List.of("bad.nnx:2:7: error: unexpected character '@'\n\tseed @\n\t     ^")),
                Arguments.of(
                        "stray character with windows line ends",
                        "experiment a {\r\n    seed @\r\n}\r\n",
                        List.of("""
                                bad.nnx:2:10: error: unexpected character '@'
                                    seed @
                                         ^""")),
                Arguments.of("invalid escape", "experiment a {\n    description \"a\\tb\"\n}\n", List.of("""
                                bad.nnx:2:17: error: invalid escape in string: only \\", \\\\ and \\n are allowed
                                    description "a\\tb"
                                                ^~~~~~""")),
                Arguments.of(
                        "trailing comma in a layer",
                        "experiment a {\n    model {\n        dense 50,\n    }\n}\n",
                        List.of("""
                                bad.nnx:3:18: error: unexpected end of line; expected a value
                                        dense 50,
                                                 ^""")),
                Arguments.of("missing value after a minus", "experiment a {\n    seed -\n}\n", List.of("""
                                bad.nnx:2:11: error: unexpected end of line; expected a value
                                    seed -
                                          ^""")),
                Arguments.of("double comma", "experiment a {\n    dense 50,, 1\n}\n", List.of("""
                                bad.nnx:2:14: error: unexpected ','; expected a value
                                    dense 50,, 1
                                             ^""")),
                Arguments.of("experiment without a name", "experiment {\n}\n", List.of("""
                                bad.nnx:1:12: error: unexpected '{'; expected a name
                                experiment {
                                           ^""")),
                Arguments.of("import of a bare name", "import common.nnx\n", List.of("""
                                bad.nnx:1:8: error: unexpected 'common.nnx'; expected a string
                                import common.nnx
                                       ^~~~~~~~~~""")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void rendersExactly(String label, String source, List<String> expected) {
        NnxParser.Result result = parse(source);
        assertEquals(expected, rendered(result));
        assertTrue(result.file().isEmpty(), "a file with syntax errors has no tree");
    }

    @Test
    void nulByte() {
        NnxParser.Result result = parse("experiment a {\n    seed \u00001\n}\n");
        assertTrue(result.file().isEmpty());
        assertEquals(1, result.diagnostics().size());
        Diagnostic diagnostic = result.diagnostics().get(0);
        assertEquals("bad.nnx:2:10: error: unexpected character U+0000", diagnostic.headline());
        String[] lines = diagnostic.render().split("\n", -1);
        assertEquals(3, lines.length);
        assertEquals("         ^", lines[2]);
    }

    // ---------------------------------------------------------------- errors checked in part
    // (the current messages of these are reported as confusing; only what is right is pinned down here)

    @Test
    void missingClosingBraceAtEndOfFile() {
        NnxParser.Result result = parse("experiment a {\n    seed 1\n");
        assertTrue(result.file().isEmpty());
        assertEquals(1, result.diagnostics().size(), () -> rendered(result).toString());
        String message = result.diagnostics().get(0).message();
        assertTrue(message.startsWith("unexpected end of file") && message.contains("'}'"), message);
    }

    @Test
    void missingClosingBraceOfAModelAtEndOfFile() {
        NnxParser.Result result = parse("experiment a {\n    model {\n        dense 50\n    }\n");
        assertTrue(result.file().isEmpty());
        assertEquals(1, result.diagnostics().size(), () -> rendered(result).toString());
        String message = result.diagnostics().get(0).message();
        assertTrue(message.startsWith("unexpected end of file") && message.contains("'}'"), message);
    }

    @Test
    void statementOutsideAnyExperiment() {
        NnxParser.Result result = parse("seed 1\nexperiment a {\n}\n");
        assertTrue(result.file().isEmpty());
        assertEquals(1, result.diagnostics().size(), () -> rendered(result).toString());
        Diagnostic diagnostic = result.diagnostics().get(0);
        assertEquals("bad.nnx:1:1", diagnostic.location().toString());
        assertEquals(4, diagnostic.location().length());
        assertTrue(diagnostic.message().startsWith("unexpected 'seed'"), diagnostic.message());
        assertTrue(diagnostic.render().endsWith("\nseed 1\n^~~~"), diagnostic.render());
    }

    @Test
    void unclosedParenthesisIsReportedWithoutException() {
        NnxParser.Result result = parse("experiment a {\n    seed (1\n}\n");
        assertTrue(result.file().isEmpty());
        assertFalse(result.diagnostics().isEmpty());
    }

    // ---------------------------------------------------------------- bytes that are not UTF-8

    @TempDir
    Path directory;

    private NnxParser.Result parseBytes(byte[] bytes) throws IOException {
        Path file = directory.resolve("input.nnx");
        Files.write(file, bytes);
        return NnxParser.parse(file, Path.of("shown.nnx"));
    }

    private static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    static Stream<Arguments> invalidUtf8() {
        return Stream.of(
                Arguments.of("0xFF inside a string", "experiment a {\n    description \"caf\u00ff\"\n}\n", """
                        shown.nnx:2:21: error: the file is not valid UTF-8: byte 0xFF here does not begin a complete character
                            description "caf
                                            ^"""),
                Arguments.of("stray continuation byte 0x80", "experiment a {\n    description \"caf\u0080\"\n}\n", """
                        shown.nnx:2:21: error: the file is not valid UTF-8: byte 0x80 here does not begin a complete character
                            description "caf
                                            ^"""),
                Arguments.of("0xFF as the first byte", "\u00ffexperiment a {\n}\n", """
                        shown.nnx:1:1: error: the file is not valid UTF-8: byte 0xFF here does not begin a complete character

                        ^"""),
                Arguments.of(
                        "windows line ends before the bad byte",
                        "experiment a {\r\n    description \"caf\u00ff\"\r\n}\r\n",
                        """
                        shown.nnx:2:21: error: the file is not valid UTF-8: byte 0xFF here does not begin a complete character
                            description "caf
                                            ^"""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidUtf8")
    void invalidUtf8IsOneLocatedDiagnostic(String label, String bytesAsLatin1, String expected) throws IOException {
        NnxParser.Result result = parseBytes(latin1(bytesAsLatin1));
        assertTrue(result.file().isEmpty());
        assertEquals(List.of(expected), rendered(result));
    }

    @Test
    void truncatedUtf8SequenceIsLocated() throws IOException {
        // 0xC3 starts a two-byte character; '(' cannot continue it. Only the place is pinned down here.
        NnxParser.Result result = parseBytes(latin1("experiment a {\n    description \"caf\u00c3(\"\n}\n"));
        assertTrue(result.file().isEmpty());
        assertEquals(1, result.diagnostics().size());
        assertEquals("shown.nnx:2:21", result.diagnostics().get(0).location().toString());
        assertTrue(result.diagnostics().get(0).message().startsWith("the file is not valid UTF-8"));
    }

    @Test
    void validUtf8FromDiskParses() throws IOException {
        NnxParser.Result result =
                parseBytes("experiment a {\n    description \"café ✓ η\"\n}\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), rendered(result));
        assertEquals(Path.of("shown.nnx"), result.file().orElseThrow().source().path());
    }

    // ---------------------------------------------------------------- empty input

    @Test
    void emptyFileHasNoDefinitionsAndNoError() {
        NnxParser.Result result = parse("");
        assertEquals(List.of(), result.diagnostics());
        assertEquals(List.of(), result.file().orElseThrow().definitions());
        assertEquals(List.of(), result.file().orElseThrow().imports());
    }

    @Test
    void emptyFileOnDiskHasNoDefinitionsAndNoError() throws IOException {
        NnxParser.Result result = parseBytes(new byte[0]);
        assertEquals(List.of(), result.diagnostics());
        assertEquals(List.of(), result.file().orElseThrow().definitions());
    }

    // ---------------------------------------------------------------- robustness: never an exception

    private static final int DEEP = 100_000;

    static Stream<Arguments> deepNesting() {
        return Stream.of(
                Arguments.of(
                        "parentheses",
                        "experiment a {\n    seed " + "(".repeat(DEEP) + "1" + ")".repeat(DEEP) + "\n}\n"),
                Arguments.of(
                        "brackets", "experiment a {\n    seed " + "[".repeat(DEEP) + "1" + "]".repeat(DEEP) + "\n}\n"),
                Arguments.of(
                        "calls", "experiment a {\n    seed " + "f(".repeat(DEEP) + "1" + ")".repeat(DEEP) + "\n}\n"),
                Arguments.of("unary minus", "experiment a {\n    seed " + "-".repeat(DEEP) + "1\n}\n"),
                Arguments.of("powers", "experiment a {\n    seed 1" + "^1".repeat(DEEP) + "\n}\n"),
                Arguments.of(
                        "model blocks", "experiment a {\n" + "model {\n".repeat(DEEP) + "}\n".repeat(DEEP) + "}\n"));
    }

    @ParameterizedTest(name = "{0} 100 000 deep")
    @MethodSource("deepNesting")
    @Timeout(60)
    void veryDeepNestingIsADiagnosticNotAnException(String label, String source) {
        NnxParser.Result result = parse(source);
        assertTrue(result.file().isEmpty());
        // One diagnostic; its wording and place are not pinned down here (see the report on 1:1).
        assertEquals(1, result.diagnostics().size(), () -> headlines(result));
        Diagnostic diagnostic = result.diagnostics().get(0);
        assertTrue(diagnostic.location().line() >= 1 && diagnostic.location().line() <= 3 + DEEP, diagnostic::headline);
        assertTrue(!diagnostic.message().isBlank());
    }

    /** The result's diagnostics' headlines, for a failing assertion's message. */
    private static String headlines(NnxParser.Result result) {
        return result.diagnostics().stream().map(Diagnostic::headline).toList().toString();
    }

    static Stream<Arguments> moderateNestingAndLongChains() {
        return Stream.of(
                Arguments.of(
                        "parentheses 2 000 deep",
                        "experiment a {\n    seed " + "(".repeat(2_000) + "1" + ")".repeat(2_000) + "\n}\n"),
                Arguments.of(
                        "parentheses 5 000 deep",
                        "experiment a {\n    seed " + "(".repeat(5_000) + "1" + ")".repeat(5_000) + "\n}\n"),
                Arguments.of(
                        "lists 5 000 deep",
                        "experiment a {\n    seed " + "[".repeat(5_000) + "1" + "]".repeat(5_000) + "\n}\n"),
                Arguments.of("100 000 additions", "experiment a {\n    seed 1" + " + 1".repeat(DEEP) + "\n}\n"),
                Arguments.of("100 000 subtractions", "experiment a {\n    seed 1" + "-1".repeat(DEEP) + "\n}\n"),
                Arguments.of("100 000 alternatives", "experiment a {\n    seed 1" + " | 1".repeat(DEEP) + "\n}\n"));
    }

    /** Whatever the parser makes of these, it answers with a tree or diagnostics, never by throwing. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("moderateNestingAndLongChains")
    @Timeout(60)
    void nestingAndLongChainsNeverThrow(String label, String source) {
        NnxParser.Result result = parse(source);
        assertTrue(
                result.file().isPresent() != !result.diagnostics().isEmpty(),
                "either a tree or diagnostics: " + rendered(result));
    }

    private static final int MEGABYTE = 1 << 20;

    static Stream<Arguments> longLines() {
        return Stream.of(
                Arguments.of("a 1 MB string", true, (Supplier<String>)
                        () -> "experiment a {\n    description \"" + "x".repeat(MEGABYTE) + "\"\n}\n"),
                Arguments.of("a 1 MB name", true, (Supplier<String>)
                        () -> "experiment a {\n    " + "x".repeat(MEGABYTE) + " 1\n}\n"),
                Arguments.of("a 1 MB comment", true, (Supplier<String>)
                        () -> "experiment a {\n    seed 1 // " + "x".repeat(MEGABYTE) + "\n}\n"),
                Arguments.of("a 1 MB argument list", true, (Supplier<String>)
                        () -> "experiment a {\n    seed " + "1, ".repeat(MEGABYTE / 3) + "1\n}\n"),
                Arguments.of("a 1 MB run of stray characters", false, (Supplier<String>)
                        () -> "experiment a {\n    seed 1 " + "@".repeat(MEGABYTE) + "\n}\n"),
                Arguments.of("a 1 MB unterminated string", false, (Supplier<String>)
                        () -> "experiment a {\n    description \"" + "x".repeat(MEGABYTE) + "\n}\n"),
                Arguments.of("a 1 MB line of unexpected values", false, (Supplier<String>)
                        () -> "experiment a {\n    seed " + "1 ".repeat(MEGABYTE / 2) + "\n}\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("longLines")
    void aOneMegabyteLineDoesNotHang(String label, boolean valid, Supplier<String> source) {
        String text = source.get();
        NnxParser.Result result = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> parse(text));
        assertEquals(valid, result.file().isPresent(), () -> headlines(result));
        if (!valid) {
            assertEquals(1, result.diagnostics().size(), () -> headlines(result));
            assertEquals(2, result.diagnostics().get(0).location().line());
        }
    }

    @Test
    void errorsOnSeveralLinesOfALongFileAreAllReportedInOrder() {
        StringBuilder text = new StringBuilder("experiment a {\n");
        for (int i = 0; i < 1000; i++) {
            text.append(i % 100 == 0 ? "    seed @\n" : "    seed 1\n");
        }
        text.append("}\n");
        NnxParser.Result result = parse(text.toString());
        assertEquals(
                List.of(2, 102, 202, 302, 402, 502, 602, 702, 802, 902),
                result.diagnostics().stream().map(d -> d.location().line()).toList());
    }
}
