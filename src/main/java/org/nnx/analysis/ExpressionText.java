package org.nnx.analysis;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.stream.Collectors;
import org.nnx.dsl.ast.Argument;
import org.nnx.dsl.ast.Expression;
import org.nnx.dsl.ast.LayerChoice;
import org.nnx.dsl.ast.Setting;

/** An expression as canonical {@code .nnx} text: for run names, messages and the formatter's checks. */
final class ExpressionText {
    private ExpressionText() {}

    static String of(Expression expression) {
        if (expression instanceof Expression.NumberLiteral number) {
            return number.text();
        }
        if (expression instanceof Expression.Quantity quantity) {
            return quantity.amount().text() + " " + quantity.unit().name();
        }
        if (expression instanceof Expression.StringLiteral string) {
            return quote(string.value());
        }
        if (expression instanceof Expression.Name name) {
            return name.name();
        }
        if (expression instanceof Expression.Call call) {
            return call.function().name() + "(" + arguments(call.arguments()) + ")";
        }
        if (expression instanceof Expression.ListLiteral list) {
            return list.elements().stream().map(ExpressionText::of).collect(Collectors.joining(", ", "[", "]"));
        }
        if (expression instanceof Expression.Negation negation) {
            return "-" + operand(negation.operand(), precedence(negation), false);
        }
        if (expression instanceof Expression.Binary binary) {
            int own = precedence(binary);
            boolean rightAssociative = binary.operator() == '^';
            // ^ binds tightest and is written without spaces, as nnx fmt writes it: x0^2 + x1^2.
            String operator = rightAssociative ? "^" : " " + binary.operator() + " ";
            return operand(binary.left(), own, rightAssociative)
                    + operator
                    + operand(binary.right(), own, !rightAssociative);
        }
        Expression.Alternatives alternatives = (Expression.Alternatives) expression;
        return alternatives.options().stream().map(ExpressionText::of).collect(Collectors.joining(" | "));
    }

    /** A string literal with its escapes: {@code "a \"b\""}. */
    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    /** A statement or layer line as written: {@code dense 50, init = he}, or its call form {@code relu()}. */
    static String layer(Setting setting) {
        String arguments = arguments(setting.arguments());
        if (setting.callForm()) {
            return setting.name().name() + "(" + arguments + ")";
        }
        return arguments.isEmpty() ? setting.name().name() : setting.name().name() + " " + arguments;
    }

    /** {@code sigmoid | step | relu}. */
    static String layerChoice(LayerChoice choice) {
        return choice.options().stream().map(ExpressionText::layer).collect(Collectors.joining(" | "));
    }

    static String arguments(List<Argument> arguments) {
        return arguments.stream()
                .map(a -> a.name().map(n -> n.name() + " = ").orElse("") + of(a.value()))
                .collect(Collectors.joining(", "));
    }

    /** Parenthesized when it binds looser than its parent, or as tightly on the side that would regroup. */
    private static String operand(Expression expression, int parent, boolean strictSide) {
        int own = precedence(expression);
        boolean parens = own < parent || (own == parent && strictSide);
        return parens ? "(" + of(expression) + ")" : of(expression);
    }

    /** How tightly an expression binds, as the grammar orders it: | loosest, then + -, * /, unary -, ^. */
    private static int precedence(Expression expression) {
        if (expression instanceof Expression.Alternatives) {
            return 0;
        }
        if (expression instanceof Expression.Binary binary) {
            return switch (binary.operator()) {
                case '+', '-' -> 1;
                case '*', '/' -> 2;
                default -> 4;
            };
        }
        if (expression instanceof Expression.Negation) {
            return 3;
        }
        return 5;
    }

    /** A generated number in its shortest readable form, six significant digits: {@code 0.001}, {@code 1e-05}. */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros();
        String plain = rounded.toPlainString();
        String scientific = rounded.toString().replace("E", "e").replace("e+", "e");
        return plain.length() <= scientific.length() ? plain : scientific;
    }
}
