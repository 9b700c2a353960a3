package org.nnx.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.nnx.dsl.antlr.NnxBaseBaseVisitor;
import org.nnx.dsl.antlr.NnxBaseParser;
import org.nnx.dsl.ast.Argument;
import org.nnx.dsl.ast.Definition;
import org.nnx.dsl.ast.Expression;
import org.nnx.dsl.ast.Identifier;
import org.nnx.dsl.ast.Import;
import org.nnx.dsl.ast.LayerChoice;
import org.nnx.dsl.ast.ModelBlock;
import org.nnx.dsl.ast.NnxFile;
import org.nnx.dsl.ast.Setting;
import org.nnx.dsl.ast.Statement;

/** Turns ANTLR's parse tree of a file that parsed without errors into immutable nodes with locations. */
final class AstBuilder extends NnxBaseBaseVisitor<Object> {
    /** Expressions nested deeper than this are refused, so that no later pass recurses without bound. */
    static final int MAX_DEPTH = 500;

    /** An expression nested deeper than {@link #MAX_DEPTH}. */
    static final class TooDeep extends RuntimeException {
        private final SourceLocation location;

        TooDeep(SourceLocation location) {
            super(null, null, false, false);
            this.location = location;
        }

        SourceLocation location() {
            return location;
        }
    }

    private final SourceFile source;
    private int depth;

    AstBuilder(SourceFile source) {
        this.source = source;
    }

    NnxFile build(NnxBaseParser.FileContext file) {
        List<Import> imports = new ArrayList<>();
        List<Definition> definitions = new ArrayList<>();
        for (NnxBaseParser.TopLevelContext topLevel : file.topLevel()) {
            Object node = visit(topLevel);
            if (node instanceof Import anImport) {
                imports.add(anImport);
            } else {
                definitions.add((Definition) node);
            }
        }
        return new NnxFile(source, imports, definitions);
    }

    @Override
    public Import visitImportDeclaration(NnxBaseParser.ImportDeclarationContext context) {
        return new Import(location(context), unquote(context.path));
    }

    @Override
    public Definition visitDefinition(NnxBaseParser.DefinitionContext context) {
        Definition.Kind kind = context.kind.getType() == NnxBaseParser.EXPERIMENT
                ? Definition.Kind.EXPERIMENT
                : Definition.Kind.OBJECTIVE;
        Optional<Identifier> parent = Optional.ofNullable(context.parent).map(this::identifier);
        return new Definition(location(context), kind, identifier(context.name), parent, statements(context.block()));
    }

    private List<Statement> statements(NnxBaseParser.BlockContext block) {
        return block.statement().stream()
                .map(statement -> (Statement) visit(statement))
                .toList();
    }

    @Override
    public ModelBlock visitModelStatement(NnxBaseParser.ModelStatementContext context) {
        return new ModelBlock(location(context.MODEL().getSymbol()), statements(context.block()));
    }

    @Override
    public LayerChoice visitLayerChoice(NnxBaseParser.LayerChoiceContext context) {
        return new LayerChoice(
                location(context),
                context.layerOption().stream()
                        .map(option -> (Setting) visit(option))
                        .toList());
    }

    @Override
    public Setting visitCallOption(NnxBaseParser.CallOptionContext context) {
        return new Setting(location(context), identifier(context.name), arguments(context.arguments()), true);
    }

    @Override
    public Setting visitPlainOption(NnxBaseParser.PlainOptionContext context) {
        return new Setting(location(context), identifier(context.name), List.of(), false);
    }

    @Override
    public Setting visitCallStatement(NnxBaseParser.CallStatementContext context) {
        return new Setting(location(context), identifier(context.name), arguments(context.arguments()), true);
    }

    @Override
    public Setting visitPlainStatement(NnxBaseParser.PlainStatementContext context) {
        return new Setting(location(context), identifier(context.name), arguments(context.arguments()), false);
    }

    private List<Argument> arguments(NnxBaseParser.ArgumentsContext context) {
        if (context == null) {
            return List.of();
        }
        return context.argument().stream().map(this::argument).toList();
    }

    private Argument argument(NnxBaseParser.ArgumentContext context) {
        return new Argument(
                location(context), Optional.ofNullable(context.name).map(this::identifier), value(context.value()));
    }

    private Expression value(NnxBaseParser.ValueContext context) {
        List<Expression> options =
                context.expression().stream().map(this::expression).toList();
        return options.size() == 1 ? options.get(0) : new Expression.Alternatives(location(context), options);
    }

    private Expression expression(NnxBaseParser.ExpressionContext context) {
        if (++depth > MAX_DEPTH) {
            throw new TooDeep(location(context));
        }
        try {
            return (Expression) visit(context);
        } finally {
            depth--;
        }
    }

    @Override
    public Expression visitBinary(NnxBaseParser.BinaryContext context) {
        return new Expression.Binary(
                location(context), context.op.getText().charAt(0), expression(context.left), expression(context.right));
    }

    @Override
    public Expression visitNegation(NnxBaseParser.NegationContext context) {
        return new Expression.Negation(location(context), expression(context.operand));
    }

    @Override
    public Expression visitCall(NnxBaseParser.CallContext context) {
        return new Expression.Call(location(context), identifier(context.name), arguments(context.arguments()));
    }

    @Override
    public Expression visitList(NnxBaseParser.ListContext context) {
        return new Expression.ListLiteral(
                location(context), context.value().stream().map(this::value).toList());
    }

    @Override
    public Expression visitParenthesized(NnxBaseParser.ParenthesizedContext context) {
        return value(context.value());
    }

    @Override
    public Expression visitNumber(NnxBaseParser.NumberContext context) {
        String text = context.NUMBER().getText();
        return new Expression.NumberLiteral(location(context), text, Double.parseDouble(text));
    }

    @Override
    public Expression visitQuantity(NnxBaseParser.QuantityContext context) {
        String text = context.amount.getText();
        return new Expression.Quantity(
                location(context),
                new Expression.NumberLiteral(location(context.amount), text, Double.parseDouble(text)),
                identifier(context.unit));
    }

    @Override
    public Expression visitString(NnxBaseParser.StringContext context) {
        return new Expression.StringLiteral(
                location(context), unquote(context.STRING().getSymbol()));
    }

    @Override
    public Expression visitName(NnxBaseParser.NameContext context) {
        return new Expression.Name(location(context), context.NAME().getText());
    }

    private Identifier identifier(Token token) {
        return new Identifier(location(token), token.getText());
    }

    /** The text of a string token without its quotes, escapes resolved. */
    static String unquote(Token token) {
        String text = token.getText();
        StringBuilder value = new StringBuilder(text.length());
        for (int i = 1; i < text.length() - 1; i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                char escaped = text.charAt(++i);
                value.append(escaped == 'n' ? '\n' : escaped);
            } else {
                value.append(c);
            }
        }
        return value.toString();
    }

    private SourceLocation location(Token token) {
        return new SourceLocation(
                source,
                token.getLine(),
                token.getCharPositionInLine() + 1,
                Math.max(1, token.getText().length()));
    }

    /** From the first token to the last one, cut at the end of the first line when the node spans lines. */
    private SourceLocation location(ParserRuleContext context) {
        Token start = context.getStart();
        Token stop = context.getStop();
        int length = stop != null && stop.getLine() == start.getLine()
                ? stop.getStopIndex() - start.getStartIndex() + 1
                : source.line(start.getLine()).length() - start.getCharPositionInLine();
        return new SourceLocation(source, start.getLine(), start.getCharPositionInLine() + 1, length);
    }
}
