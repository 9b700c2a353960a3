package org.nnx.analysis;

import java.util.OptionalDouble;
import org.nnx.dsl.ast.Expression;

/** Folds constant arithmetic ({@code -3}, {@code 1/3}, {@code 2^-10}) and names values in messages. */
final class Constants {
    private Constants() {}

    /** The value of a constant numeric expression, or empty when it is not one. */
    static OptionalDouble number(Expression expression) {
        if (expression instanceof Expression.NumberLiteral number) {
            return OptionalDouble.of(number.value());
        }
        if (expression instanceof Expression.Negation negation) {
            OptionalDouble operand = number(negation.operand());
            return operand.isPresent() ? OptionalDouble.of(-operand.getAsDouble()) : operand;
        }
        if (expression instanceof Expression.Binary binary) {
            OptionalDouble left = number(binary.left());
            OptionalDouble right = number(binary.right());
            if (left.isEmpty() || right.isEmpty()) {
                return OptionalDouble.empty();
            }
            double a = left.getAsDouble();
            double b = right.getAsDouble();
            return OptionalDouble.of(
                    switch (binary.operator()) {
                        case '+' -> a + b;
                        case '-' -> a - b;
                        case '*' -> a * b;
                        case '/' -> a / b;
                        case '^' -> Math.pow(a, b);
                        default -> throw new IllegalStateException("unknown operator " + binary.operator());
                    });
        }
        return OptionalDouble.empty();
    }

    /** Whether a constant expression divides by zero somewhere. */
    static boolean dividesByZero(Expression expression) {
        if (expression instanceof Expression.Binary binary) {
            OptionalDouble right = number(binary.right());
            return binary.operator() == '/' && right.isPresent() && right.getAsDouble() == 0
                    || dividesByZero(binary.left())
                    || dividesByZero(binary.right());
        }
        return expression instanceof Expression.Negation negation && dividesByZero(negation.operand());
    }

    /** A value as a message shows it: {@code 0}, {@code "abc"}, {@code 'he'}, {@code a list}. */
    static String describe(Expression expression) {
        String shown;
        if (expression instanceof Expression.NumberLiteral number) {
            shown = number.text();
        } else if (expression instanceof Expression.StringLiteral string) {
            shown = "\"" + string.value() + "\"";
        } else if (expression instanceof Expression.Name name) {
            shown = "'" + name.name() + "'";
        } else if (expression instanceof Expression.Call call) {
            shown = "'" + call.function().name() + "(…)'";
        } else if (expression instanceof Expression.ListLiteral) {
            shown = "a list";
        } else if (expression instanceof Expression.Quantity) {
            shown = "'" + ExpressionText.of(expression) + "'";
        } else if (expression instanceof Expression.Alternatives) {
            shown = "a set of alternatives inside an expression (write the set outermost: a | b)";
        } else {
            OptionalDouble value = number(expression);
            String text = ExpressionText.of(expression);
            String result = value.isPresent() ? format(value.getAsDouble()) : "";
            // Show what was written, and what it comes to when that differs: 1 - 2 = -1.
            shown = value.isEmpty()
                    ? "an expression"
                    : text.equals(result) || !Double.isFinite(value.getAsDouble()) ? text : text + " = " + result;
        }
        return shown.length() > 60 ? shown.substring(0, 57) + "…" : shown;
    }

    static String format(double value) {
        return org.nnx.spi.Arguments.formatNumber(value);
    }
}
