package org.nnx.analysis;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.nnx.dsl.ast.Argument;
import org.nnx.dsl.ast.Definition;
import org.nnx.dsl.ast.Expression;
import org.nnx.dsl.ast.ModelBlock;
import org.nnx.dsl.ast.Setting;
import org.nnx.dsl.ast.Statement;

/** A copy of a definition with some expression nodes (by identity) replaced: one run of a sweep. */
final class Substitution {
    private final Map<Expression, Expression> replacements;

    private Substitution(Map<Expression, Expression> replacements) {
        this.replacements = replacements;
    }

    static Definition apply(Definition definition, IdentityHashMap<Expression, Expression> replacements) {
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
        Setting setting = (Setting) statement;
        return new Setting(setting.location(), setting.name(), arguments(setting.arguments()), setting.callForm());
    }

    private List<Argument> arguments(List<Argument> arguments) {
        return arguments.stream()
                .map(a -> new Argument(a.location(), a.name(), expression(a.value())))
                .toList();
    }

    private Expression expression(Expression expression) {
        Expression replacement = replacements.get(expression);
        if (replacement != null) {
            return replacement;
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
