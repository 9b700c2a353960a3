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

    /** The bare name that stands for every coordinate inside {@code sum}, {@code max} and {@code min}. */
    static final String EVERY_COORDINATE = "x";

    private final int coordinates;
    private final Diagnostics diagnostics;
    /** While a reduction over every coordinate is read: the coordinate {@code x} stands for; -1 otherwise. */
    private int coordinate = -1;

    private Formulas(int coordinates, Diagnostics diagnostics) {
        this.coordinates = coordinates;
        this.diagnostics = diagnostics;
    }

    /**
     * The formula of {@code minimize EXPR}; empty after reporting its problems.
     *
     * @param coordinates how many coordinates the start point has, for {@code sum(x^2)}; -1 when not known
     */
    static Optional<Formula> minimize(Setting minimize, int coordinates, Diagnostics diagnostics) {
        if (minimize.arguments().size() != 1
                || minimize.arguments().get(0).name().isPresent()) {
            diagnostics.error(minimize.name().location(), "'minimize' takes one expression of x0, x1, …");
            return Optional.empty();
        }
        int before = diagnostics.count();
        Formula formula = new Formulas(coordinates, diagnostics)
                .formula(minimize.arguments().get(0).value());
        return diagnostics.count() == before ? Optional.of(formula) : Optional.empty();
    }

    private Formula formula(Expression expression) {
        if (expression instanceof Expression.NumberLiteral number) {
            if (!Double.isFinite(number.value())) {
                diagnostics.error(number.location(), "the number " + number.text() + " is too large");
            }
            return new Formula.Constant(number.value());
        }
        if (expression instanceof Expression.Name name) {
            return variable(name);
        }
        if (expression instanceof Expression.Negation negation) {
            return new Formula.Negation(formula(negation.operand()));
        }
        if (expression instanceof Expression.Binary binary) {
            return new Formula.Binary(binary.operator(), formula(binary.left()), formula(binary.right()));
        }
        if (expression instanceof Expression.Call call) {
            return call(call);
        }
        diagnostics.error(
                expression.location(),
                "a formula is made of numbers, x0, x1, …, + - * / ^ and " + String.join(" ", Formula.allFunctions())
                        + "; got " + Constants.describe(expression));
        return new Formula.Constant(0);
    }

    private Formula variable(Expression.Name name) {
        if (name.name().equals(EVERY_COORDINATE)) {
            if (coordinate >= 0) {
                return new Formula.Variable(coordinate);
            }
            diagnostics.error(
                    name.location(),
                    "'x' stands for every coordinate only inside sum, max or min, "
                            + "as in sum(x^2); elsewhere name one: x0, x1, …");
            return new Formula.Constant(0);
        }
        if (VARIABLE.matcher(name.name()).matches()) {
            return new Formula.Variable(Integer.parseInt(name.name().substring(1)));
        }
        diagnostics.error(
                name.location(),
                Suggestions.unknown("variable", name.name(), List.of("x0", "x1", "x2")) + " (variables are x0, x1, …)");
        return new Formula.Constant(0);
    }

    private Formula call(Expression.Call call) {
        String function = call.function().name();
        if (Formula.REDUCTIONS.contains(function)) {
            return reduction(call);
        }
        if (Formula.LOSSES.contains(function)) {
            return loss(call);
        }
        if (!Formula.FUNCTIONS.contains(function)) {
            diagnostics.error(
                    call.function().location(),
                    Suggestions.unknown("function", function, Formula.allFunctions()) + "; the functions are "
                            + String.join(", ", Formula.allFunctions()));
            return new Formula.Constant(0);
        }
        if (call.arguments().size() != 1 || call.arguments().get(0).name().isPresent()) {
            diagnostics.error(call.location(), "'" + function + "' takes one argument");
            return new Formula.Constant(0);
        }
        return new Formula.Function(function, formula(call.arguments().get(0).value()));
    }

    /** {@code sum(a, b, …)}; or, with one term that names {@code x}, that term once for every coordinate. */
    private Formula reduction(Expression.Call call) {
        String function = call.function().name();
        if (call.arguments().isEmpty()
                || call.arguments().stream().anyMatch(a -> a.name().isPresent())) {
            diagnostics.error(
                    call.location(),
                    "'" + function + "' takes terms: " + function + "(x0, x1^2) or " + function
                            + "(x^2) for every coordinate");
            return new Formula.Constant(0);
        }
        List<Formula> terms = new ArrayList<>();
        if (call.arguments().size() == 1
                && mentionsEveryCoordinate(call.arguments().get(0).value())) {
            if (coordinates < 1 || coordinate >= 0) {
                // Without a start point 'start' reports what is missing; nested, x would be ambiguous.
                if (coordinate >= 0) {
                    diagnostics.error(
                            call.location(),
                            "'" + function + "' over every coordinate cannot be nested" + " in another");
                }
                return new Formula.Constant(0);
            }
            for (int i = 0; i < coordinates; i++) {
                coordinate = i;
                terms.add(formula(call.arguments().get(0).value()));
            }
            coordinate = -1;
        } else {
            call.arguments().forEach(argument -> terms.add(formula(argument.value())));
        }
        return new Formula.Reduction(function, terms);
    }

    /** {@code mse([y…], [t…])}: outputs against targets, lists of the same length. */
    private Formula loss(Expression.Call call) {
        String function = call.function().name();
        if (call.arguments().size() != 2
                || call.arguments().stream()
                        .anyMatch(a -> a.name().isPresent() || !(a.value() instanceof Expression.ListLiteral))) {
            diagnostics.error(
                    call.location(),
                    "'" + function + "' takes two lists, outputs and targets: " + function
                            + "([0.1, 0.6, 0.3], [0, 1, 0])");
            return new Formula.Constant(0);
        }
        List<Expression> outputs =
                ((Expression.ListLiteral) call.arguments().get(0).value()).elements();
        List<Expression> targets =
                ((Expression.ListLiteral) call.arguments().get(1).value()).elements();
        if (outputs.isEmpty() || outputs.size() != targets.size()) {
            diagnostics.error(
                    call.location(),
                    "'" + function + "' needs as many targets as outputs, got " + outputs.size() + " outputs and "
                            + targets.size() + " targets");
            return new Formula.Constant(0);
        }
        return new Formula.LossOf(
                function,
                outputs.stream().map(this::formula).toList(),
                targets.stream().map(this::formula).toList());
    }

    private static boolean mentionsEveryCoordinate(Expression expression) {
        if (expression instanceof Expression.Name name) {
            return name.name().equals(EVERY_COORDINATE);
        }
        if (expression instanceof Expression.Negation negation) {
            return mentionsEveryCoordinate(negation.operand());
        }
        if (expression instanceof Expression.Binary binary) {
            return mentionsEveryCoordinate(binary.left()) || mentionsEveryCoordinate(binary.right());
        }
        if (expression instanceof Expression.Call call) {
            return !Formula.REDUCTIONS.contains(call.function().name())
                    && call.arguments().stream().anyMatch(a -> mentionsEveryCoordinate(a.value()));
        }
        return false;
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
