package org.nnx.dsl;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.nnx.dsl.antlr.NnxBaseLexer;

/**
 * {@code nnx fmt}: rewrites a file that parses in the canonical layout, comments kept. Works on the token
 * stream, comments included, so nothing the author wrote is lost: four spaces an indentation level, one
 * statement a line, single spaces around {@code = | + - * /} and after commas, none inside brackets or
 * around {@code ^}, at most one blank line in a row, trailing comments of consecutive lines aligned.
 */
public final class Formatter {
    private static final String INDENT = "    ";

    /** One output line: its code and its trailing comment, for alignment. */
    private static final class Line {
        final StringBuilder code = new StringBuilder();
        String comment = "";
        boolean blank = true;
    }

    private final List<Line> lines = new ArrayList<>();
    private Line line = new Line();
    private int braces;
    private int brackets;
    private Token previous;
    private boolean spaceBeforeNext;
    private int pendingBlankLines;

    private Formatter() {}

    /** The canonical text of {@code source}, which must parse without errors. */
    public static String format(SourceFile source) {
        NnxBaseLexer lexer = new NnxBaseLexer(CharStreams.fromString(source.text()));
        lexer.removeErrorListeners();
        Formatter formatter = new Formatter();
        for (Token token = lexer.nextToken(); token.getType() != Token.EOF; token = lexer.nextToken()) {
            formatter.add(token);
        }
        return formatter.finish();
    }

    private void add(Token token) {
        int type = token.getType();
        switch (type) {
            case NnxBaseLexer.WS -> spaceBeforeNext = true;
            case NnxBaseLexer.NL -> newline();
            case NnxBaseLexer.LINE_COMMENT -> {
                if (line.blank) {
                    startLine();
                    line.code.append(token.getText());
                } else {
                    line.comment = token.getText();
                }
            }
            case NnxBaseLexer.BLOCK_COMMENT -> {
                if (line.blank) {
                    startLine();
                } else {
                    line.code.append(' ');
                }
                String[] parts = token.getText().split("\r\n|\r|\n", -1);
                line.code.append(parts[0]);
                // A comment spanning lines keeps its inner lines exactly as written.
                for (int i = 1; i < parts.length; i++) {
                    lines.add(line);
                    line = new Line();
                    line.blank = false;
                    line.code.append(parts[i]);
                }
                spaceBeforeNext = true;
            }
            default -> code(token);
        }
    }

    private void code(Token token) {
        int type = token.getType();
        if (type == NnxBaseLexer.RBRACE) {
            braces = Math.max(0, braces - 1);
            brackets = 0;
        }
        if (line.blank) {
            startLine(type == NnxBaseLexer.RBRACE || type == NnxBaseLexer.RPAREN || type == NnxBaseLexer.RBRACKET);
        } else if (spaceBefore(token)) {
            line.code.append(' ');
        }
        line.code.append(token.getText());
        switch (type) {
            case NnxBaseLexer.LBRACE -> braces++;
            case NnxBaseLexer.LPAREN, NnxBaseLexer.LBRACKET -> brackets++;
            case NnxBaseLexer.RPAREN, NnxBaseLexer.RBRACKET -> brackets = Math.max(0, brackets - 1);
            default -> {}
        }
        previousBefore = previous;
        previous = token;
        spaceBeforeNext = false;
    }

    private boolean spaceBefore(Token token) {
        int type = token.getType();
        int last = previous == null ? -1 : previous.getType();
        if (type == NnxBaseLexer.COMMA
                || type == NnxBaseLexer.RPAREN
                || type == NnxBaseLexer.RBRACKET
                || type == NnxBaseLexer.CARET
                || last == NnxBaseLexer.CARET
                || last == NnxBaseLexer.LPAREN
                || last == NnxBaseLexer.LBRACKET) {
            return false;
        }
        if (type == NnxBaseLexer.LBRACE || last == NnxBaseLexer.COMMA) {
            return true;
        }
        if (last == NnxBaseLexer.MINUS && unary(previousBefore)) {
            return false;
        }
        if (type == NnxBaseLexer.LPAREN) {
            // name(args) is a call; name (expr) is a statement whose value starts with a bracket: keep which.
            return last != NnxBaseLexer.NAME || spaceBeforeNext;
        }
        return true;
    }

    /** The token before {@link #previous}, to tell a unary minus (after an operator) from a binary one. */
    private Token previousBefore;

    private static boolean unary(Token before) {
        if (before == null) {
            return true;
        }
        return switch (before.getType()) {
            case NnxBaseLexer.NUMBER,
                    NnxBaseLexer.NAME,
                    NnxBaseLexer.STRING,
                    NnxBaseLexer.RPAREN,
                    NnxBaseLexer.RBRACKET -> false;
            default -> true;
        };
    }

    private void startLine() {
        startLine(false);
    }

    /** Starts a line at the current indentation, after one blank line if the author left some (not next to a brace). */
    private void startLine(boolean closes) {
        if (pendingBlankLines > 0 && !closes && !lines.isEmpty() && !opensBlock(lines.get(lines.size() - 1))) {
            lines.add(new Line());
        }
        pendingBlankLines = 0;
        line.blank = false;
        int level = braces + (brackets > 0 && !closes ? 1 : 0);
        line.code.append(INDENT.repeat(level));
    }

    private static boolean opensBlock(Line line) {
        String code = line.code.toString().stripTrailing();
        return code.endsWith("{") || code.endsWith("(") || code.endsWith("[");
    }

    private void newline() {
        if (line.blank) {
            if (!lines.isEmpty()) {
                pendingBlankLines = 1;
            }
        } else {
            lines.add(line);
        }
        line = new Line();
        spaceBeforeNext = false;
    }

    private String finish() {
        newline();
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < lines.size()) {
            // Consecutive lines with code and a trailing comment share one comment column.
            int end = i;
            int width = 0;
            while (end < lines.size() && !lines.get(end).comment.isEmpty() && !lines.get(end).blank) {
                width = Math.max(
                        width, lines.get(end).code.toString().stripTrailing().length());
                end++;
            }
            if (end == i) {
                text.append(lines.get(i).code.toString().stripTrailing()).append('\n');
                i++;
                continue;
            }
            for (int j = i; j < end; j++) {
                String code = lines.get(j).code.toString().stripTrailing();
                text.append(code)
                        .append(" ".repeat(width - code.length() + 2))
                        .append(lines.get(j).comment)
                        .append('\n');
            }
            i = end;
        }
        return text.toString();
    }
}
