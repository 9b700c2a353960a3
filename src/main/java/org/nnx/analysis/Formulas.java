package org.nnx.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;
import org.nnx.dsl.ast.Expression;
import org.nnx.dsl.ast.Setting;
import org.nnx.model.Formula;

/** Reads an objective's {@code minimize} expression and {@code start} point, reporting what does not fit. */
final class Formulas {
    private static final Pattern VARIABLE = Pattern.compile("x(0|[1-9][0-9]{0,5})");

    private Formulas() {}

    /** The formula of {@code minimize EXPR}; empty after reporting its problems. */
    static Optional<Formula> minimize(Setting minimize, Diagnostics diagnostics) {
        if (minimize.arguments().size() != 1
                || minimize.arguments().get(0).name().isPresent()) {
            diagnostics.error(minimize.name().location(), "'minimize' takes one expression of x0, x1, …");
            return Optional.empty();
        }
        int before = diagnostics.count();
        Formula formula = formula(minimize.arguments().get(0).value(), diagnostics);
        return diagnostics.count() == before ? Optional.of(formula) : Optional.empty();
    }

    private static Formula formula(Expression expression, Diagnostics diagnostics) {
        if (expression instanceof Expression.NumberLiteral number) {
            if (!Double.isFinite(number.value())) {
                diagnostics.error(number.location(), "the number " + number.text() + " is too large");
            }
            return new Formula.Constant(number.value());
        }
        if (expression instanceof Expression.Name name) {
            if (VARIABLE.matcher(name.name()).matches()) {
                return new Formula.Variable(Integer.parseInt(name.name().substring(1)));
            }
            diagnostics.error(
                    name.location(),
                    Suggestions.unknown("variable", name.name(), List.of("x0", "x1", "x2"))
                            + " (variables are x0, x1, …)");
            return new Formula.Constant(0);
        }
        if (expression instanceof Expression.Negation negation) {
            return new Formula.Negation(formula(negation.operand(), diagnostics));
        }
        if (expression instanceof Expression.Binary binary) {
            return new Formula.Binary(
                    binary.operator(), formula(binary.left(), diagnostics), formula(binary.right(), diagnostics));
        }
        if (expression instanceof Expression.Call call) {
            String function = call.function().name();
            if (!Formula.FUNCTIONS.contains(function)) {
                diagnostics.error(
                        call.function().location(), Suggestions.unknown("function", function, Formula.FUNCTIONS));
                return new Formula.Constant(0);
            }
            if (call.arguments().size() != 1 || call.arguments().get(0).name().isPresent()) {
                diagnostics.error(call.location(), "'" + function + "' takes one argument");
                return new Formula.Constant(0);
            }
            return new Formula.Function(
                    function, formula(call.arguments().get(0).value(), diagnostics));
        }
        diagnostics.error(
                expression.location(),
                "a formula is made of numbers, x0, x1, …, + - * / ^ and " + String.join(" ", Formula.FUNCTIONS)
                        + "; got " + Constants.describe(expression));
        return new Formula.Constant(0);
    }

    /** The point of {@code start [a, b, …]}; empty after reporting its problems. */
    static Optional<List<Double>> start(Setting start, Diagnostics diagnostics) {
        if (start.arguments().size() != 1
                || start.arguments().get(0).name().isPresent()
                || !(start.arguments().get(0).value() instanceof Expression.ListLiteral list)) {
            diagnostics.error(start.name().location(), "'start' takes a point as a list of numbers: start [-3.0, 4.0]");
            return Optional.empty();
        }
        List<Double> point = new ArrayList<>();
        for (Expression element : list.elements()) {
            OptionalDouble value = Constants.number(element);
            if (value.isEmpty() || !Double.isFinite(value.getAsDouble())) {
                diagnostics.error(
                        element.location(),
                        "a coordinate of 'start' must be a finite number, got " + Constants.describe(element));
                return Optional.empty();
            }
            point.add(value.getAsDouble());
        }
        if (point.isEmpty()) {
            diagnostics.error(list.location(), "'start' needs at least one coordinate");
            return Optional.empty();
        }
        return Optional.of(point);
    }
}
