package org.nnx.dsl;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;
import org.nnx.dsl.antlr.NnxBaseLexer;

/**
 * Drops line breaks inside {@code ( )} and {@code [ ]}, where the language lets an argument list span
 * lines; everywhere else a line break ends a statement. Doing this between lexer and parser keeps the
 * grammar free of actions.
 */
final class LineJoiningTokenSource implements TokenSource {
    /** Deeper bracket nesting than this is not a file a person wrote; stop before the parser recurses that deep. */
    static final int MAX_DEPTH = 200;

    private final NnxBaseLexer lexer;
    private int depth;
    private Token tooDeep;

    LineJoiningTokenSource(NnxBaseLexer lexer) {
        this.lexer = lexer;
    }

    /** The bracket that went past {@link #MAX_DEPTH}, or null. */
    Token tooDeep() {
        return tooDeep;
    }

    @Override
    public Token nextToken() {
        while (true) {
            Token token = lexer.nextToken();
            if (tooDeep != null) {
                return lexer.getTokenFactory().create(Token.EOF, null);
            }
            switch (token.getType()) {
                case NnxBaseLexer.LPAREN, NnxBaseLexer.LBRACKET -> {
                    if (++depth > MAX_DEPTH) {
                        tooDeep = token;
                        return lexer.getTokenFactory().create(Token.EOF, null);
                    }
                }
                case NnxBaseLexer.RPAREN, NnxBaseLexer.RBRACKET -> depth = Math.max(0, depth - 1);
                // A block brace cannot stand inside brackets; one that does means the brackets were
                // left open, so start counting afresh rather than swallowing every following line break.
                case NnxBaseLexer.LBRACE, NnxBaseLexer.RBRACE -> depth = 0;
                case NnxBaseLexer.NL -> {
                    if (depth > 0) {
                        continue;
                    }
                }
                default -> {}
            }
            return token;
        }
    }

    @Override
    public int getLine() {
        return lexer.getLine();
    }

    @Override
    public int getCharPositionInLine() {
        return lexer.getCharPositionInLine();
    }

    @Override
    public CharStream getInputStream() {
        return lexer.getInputStream();
    }

    @Override
    public String getSourceName() {
        return lexer.getSourceName();
    }

    @Override
    public void setTokenFactory(TokenFactory<?> factory) {
        lexer.setTokenFactory(factory);
    }

    @Override
    public TokenFactory<?> getTokenFactory() {
        return lexer.getTokenFactory();
    }
}
