package org.nnx.analysis;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.nnx.dsl.ast.Argument;
import org.nnx.dsl.ast.Definition;
import org.nnx.dsl.ast.Expression;
import org.nnx.dsl.ast.LayerChoice;
import org.nnx.dsl.ast.ModelBlock;
import org.nnx.dsl.ast.Node;
import org.nnx.dsl.ast.Setting;
import org.nnx.dsl.ast.Statement;

/**
 * A copy of a definition with some nodes (by identity) replaced: one run of a sweep. An expression's
 * replacement is an expression; a {@link LayerChoice}'s is the layer chosen.
 */
final class Substitution {
    private final Map<Node, Node> replacements;

    private Substitution(Map<Node, Node> replacements) {
        this.replacements = replacements;
    }

    static Definition apply(Definition definition, IdentityHashMap<Node, Node> replacements) {
        if (replacements.isEmpty()) {
            return definition;
        }
        Substitution substitution = new Substitution(replacements);
        return new Definition(
                definition.location(),
                definition.kind(),
                definition.name(),
                definition.parent(),
                substitution.statements(definition.statements()));
    }

    private List<Statement> statements(List<Statement> statements) {
        return statements.stream().map(this::statement).toList();
    }

    private Statement statement(Statement statement) {
        if (statement instanceof ModelBlock model) {
            return new ModelBlock(model.location(), statements(model.layers()));
        }
        if (statement instanceof LayerChoice choice) {
            Node chosen = replacements.get(choice);
            return chosen == null ? choice : statement((Setting) chosen);
        }
        Setting setting = (Setting) statement;
        return new Setting(setting.location(), setting.name(), arguments(setting.arguments()), setting.callForm());
    }

    private List<Argument> arguments(List<Argument> arguments) {
        return arguments.stream()
                .map(a -> new Argument(a.location(), a.name(), expression(a.value())))
                .toList();
    }

    private Expression expression(Expression expression) {
        Node replacement = replacements.get(expression);
        if (replacement != null) {
            return (Expression) replacement;
        }
        if (expression instanceof Expression.Call call) {
            return new Expression.Call(call.location(), call.function(), arguments(call.arguments()));
        }
        if (expression instanceof Expression.ListLiteral list) {
            return new Expression.ListLiteral(
                    list.location(),
                    list.elements().stream().map(this::expression).toList());
        }
        return expression;
    }
}
