package org.nnx.dsl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.nnx.dsl.antlr.NnxBaseLexer;
import org.nnx.dsl.antlr.NnxBaseParser;
import org.nnx.dsl.ast.NnxFile;

/**
 * Parses {@code .nnx} text into an {@link NnxFile}. Syntax errors come back as located diagnostics, never
 * as exceptions: a file with any syntax error yields no tree.
 */
public final class NnxParser {

    /** The tree of a file that parsed, or the diagnostics of one that did not. */
    public record Result(Optional<NnxFile> file, List<Diagnostic> diagnostics) {
        public Result {
            diagnostics = List.copyOf(diagnostics);
        }
    }

    private NnxParser() {}

    /** The largest {@code .nnx} file nnx reads: far beyond any experiment, well short of a stray data file. */
    public static final long MAX_FILE_BYTES = 4L << 20;

    /**
     * Reads a file as UTF-8 and parses it.
     *
     * @param shownAs the path diagnostics name the file by
     * @throws SourceFileException when the path is not an {@code .nnx} file nnx will read (see there)
     * @throws IOException         when the file cannot be read at all
     */
    public static Result parse(Path file, Path shownAs) throws IOException {
        checkReadable(file, shownAs);
        byte[] bytes = Files.readAllBytes(file);
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            // A byte-order mark is how some editors start UTF-8; it is not part of the text.
            return parse(new SourceFile(shownAs, text.startsWith("\uFEFF") ? text.substring(1) : text));
        } catch (CharacterCodingException e) {
            return invalidUtf8(shownAs, bytes);
        }
    }

    /**
     * Refuses, before opening it, a path that is not an {@code .nnx} file: reading a fifo would wait forever,
     * a device would never end, and the lines of any other file would be quoted back in syntax errors.
     */
    private static void checkReadable(Path file, Path shownAs) throws IOException {
        if (Files.isDirectory(file)) {
            throw new SourceFileException(shownAs + " is a directory, not an .nnx file");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new SourceFileException(shownAs + " is not a regular file (a device, a fifo or a socket)");
        }
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        if (!name.endsWith(".nnx")) {
            throw new SourceFileException(shownAs + " is not an .nnx file; nnx reads only files named *.nnx");
        }
        if (Files.isRegularFile(file) && Files.size(file) > MAX_FILE_BYTES) {
            throw new SourceFileException(shownAs + " is " + Files.size(file) / (1 << 20)
                    + " MB; an .nnx file may be at most " + (MAX_FILE_BYTES >> 20) + " MB");
        }
    }

    /** Parses text already in memory. */
    public static Result parse(SourceFile source) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        NnxBaseLexer lexer = new NnxBaseLexer(
                CharStreams.fromString(source.text(), source.path().toString()));
        lexer.removeErrorListeners();
        LineJoiningTokenSource tokens = new LineJoiningTokenSource(lexer);
        NnxBaseParser parser = new NnxBaseParser(new CommonTokenStream(tokens));
        parser.removeErrorListeners();
        parser.setErrorHandler(new LineRecoveryStrategy());
        DiagnosticListener listener = new DiagnosticListener(source, diagnostics);
        parser.addErrorListener(listener);
        try {
            NnxBaseParser.FileContext tree = parser.file();
            if (tokens.tooDeep() != null) {
                Token bracket = tokens.tooDeep();
                return new Result(
                        Optional.empty(),
                        List.of(new Diagnostic(
                                new SourceLocation(source, bracket.getLine(), bracket.getCharPositionInLine() + 1, 1),
                                "brackets nest deeper than " + LineJoiningTokenSource.MAX_DEPTH + " levels")));
            }
            if (!diagnostics.isEmpty()) {
                return new Result(Optional.empty(), diagnostics);
            }
            return new Result(Optional.of(new AstBuilder(source).build(tree)), List.of());
        } catch (AstBuilder.TooDeep e) {
            return new Result(
                    Optional.empty(),
                    List.of(new Diagnostic(
                            e.location(),
                            "the expression is too long or nests too deeply (more than " + AstBuilder.MAX_DEPTH
                                    + " levels)")));
        } catch (StackOverflowError e) {
            // Long chains of unary minus or ^ recurse in the generated parser itself; point where it got to.
            Token reached = parser.getCurrentToken();
            SourceLocation where = reached == null || reached.getLine() < 1
                    ? new SourceLocation(source, 1, 1, 1)
                    : new SourceLocation(source, reached.getLine(), reached.getCharPositionInLine() + 1, 1);
            return new Result(
                    Optional.empty(), List.of(new Diagnostic(where, "the expression nests too deeply to be read")));
        }
    }

    /** Points at the first byte that is not UTF-8, counting lines and columns over the valid text before it. */
    private static Result invalidUtf8(Path shownAs, byte[] bytes) {
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int validBytes = 0;
        var in = ByteBuffer.wrap(bytes);
        var out = CharBuffer.allocate(bytes.length + 1);
        var result = decoder.decode(in, out, true);
        if (result.isError()) {
            validBytes = in.position();
        }
        out.flip();
        String valid = out.toString();
        int line = 1;
        int column = 1;
        for (int i = 0; i < valid.length(); i++) {
            if (valid.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        SourceFile source = new SourceFile(shownAs, valid);
        String message = String.format(
                "the file is not valid UTF-8: byte 0x%02X here does not begin a complete character",
                bytes[validBytes] & 0xFF);
        return new Result(
                Optional.empty(), List.of(new Diagnostic(new SourceLocation(source, line, column, 1), message)));
    }

    /** Turns ANTLR's reports into diagnostics a user can act on. */
    private static final class DiagnosticListener extends BaseErrorListener {
        private final SourceFile source;
        private final List<Diagnostic> diagnostics;
        private int lastLine = -1;

        DiagnosticListener(SourceFile source, List<Diagnostic> diagnostics) {
            this.source = source;
            this.diagnostics = diagnostics;
        }

        @Override
        public void syntaxError(
                Recognizer<?, ?> recognizer,
                Object offendingSymbol,
                int line,
                int column,
                String antlrMessage,
                RecognitionException e) {
            // After the first error on a line, the parser's recovery tends to report echoes of it.
            if (line == lastLine) {
                return;
            }
            lastLine = line;
            Token token = (Token) offendingSymbol;
            int length = token.getType() == Token.EOF || token.getType() == NnxBaseLexer.NL
                    ? 1
                    : token.getText().length();
            if (token.getType() == NnxBaseLexer.UNTERMINATED_BLOCK_COMMENT
                    || token.getType() == NnxBaseLexer.UNTERMINATED_STRING) {
                length = 2;
            }
            String message = message(token, (Parser) recognizer);
            diagnostics.add(new Diagnostic(new SourceLocation(source, line, column + 1, length), message));
        }

        private static String message(Token token, Parser parser) {
            return switch (token.getType()) {
                case NnxBaseLexer.UNTERMINATED_STRING ->
                    "unterminated string: a '\"' is missing before the end of the line";
                case NnxBaseLexer.UNTERMINATED_BLOCK_COMMENT -> "unterminated comment: '/*' has no '*/'";
                case NnxBaseLexer.BAD_ESCAPE_STRING -> "invalid escape in string: only \\\", \\\\ and \\n are allowed";
                case NnxBaseLexer.UNEXPECTED_CHARACTER -> "unexpected character " + describeCharacter(token.getText());
                default -> unexpected(token, expected(parser));
            };
        }

        /** Says what was found and what could stand there, in the words of the language rather than the grammar's. */
        private static String unexpected(Token token, TreeSet<String> expected) {
            boolean topLevel = expected.contains("'experiment'");
            if (topLevel && token.getType() == NnxBaseLexer.NAME) {
                return "unexpected '" + token.getText() + "' outside a definition; statements go inside "
                        + "'experiment NAME { … }' or 'objective NAME { … }'";
            }
            if (token.getType() == NnxBaseLexer.RBRACE && !expected.contains("'}'")) {
                return "unexpected '}': no block is open here";
            }
            if (expected.contains("a number") && expected.contains("a name")) {
                // Everything that can start a value: say so once.
                expected.removeAll(List.of("'('", "'-'", "'['", "a name", "a number", "a string"));
                expected.add("a value");
            }
            if (expected.size() > 1) {
                expected.remove("end of line");
            }
            if (expected.size() > 1) {
                expected.remove("end of file");
            }
            String found = "unexpected " + describe(token);
            return expected.isEmpty() || expected.size() > 6
                    ? found
                    : found + "; expected " + String.join(", ", expected);
        }

        private static TreeSet<String> expected(Parser parser) {
            TreeSet<String> names = new TreeSet<>();
            IntervalSet expected;
            try {
                expected = parser.getExpectedTokens();
            } catch (IllegalArgumentException | IllegalStateException e) {
                return names;
            }
            Vocabulary vocabulary = parser.getVocabulary();
            for (int type : expected.toArray()) {
                String name = tokenName(type, vocabulary);
                if (name != null) {
                    names.add(name);
                }
            }
            return names;
        }

        private static String tokenName(int type, Vocabulary vocabulary) {
            return switch (type) {
                case Token.EOF -> "end of file";
                case NnxBaseLexer.NL -> "end of line";
                case NnxBaseLexer.NAME -> "a name";
                case NnxBaseLexer.NUMBER -> "a number";
                case NnxBaseLexer.STRING -> "a string";
                default -> {
                    String literal = vocabulary.getLiteralName(type);
                    yield literal == null ? null : literal;
                }
            };
        }

        private static String describe(Token token) {
            return switch (token.getType()) {
                case Token.EOF -> "end of file";
                case NnxBaseLexer.NL -> "end of line";
                default -> "'" + token.getText() + "'";
            };
        }

        private static String describeCharacter(String text) {
            int c = text.codePointAt(0);
            return c < 0x20 || c == 0x7F ? String.format("U+%04X", c) : "'" + text + "'";
        }
    }
}
