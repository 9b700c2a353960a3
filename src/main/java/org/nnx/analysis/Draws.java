package org.nnx.analysis;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.nnx.dsl.ast.Argument;
import org.nnx.dsl.ast.Expression;
import org.nnx.model.search.Distribution;

/**
 * The distributions a searched setting may draw from, as written: {@code uniform(a, b)}, {@code log_uniform(a,
 * b)}, {@code int_uniform(a, b)} and {@code choice(x, y, …)}; each checked here, with its mistakes located.
 */
final class Draws {
    static final Set<String> FUNCTIONS = Set.of("uniform", "log_uniform", "int_uniform", "choice");

    /** A distribution and, for a choice, the values it picks between. */
    record Drawn(Distribution distribution, List<Expression> options) {}

    private Draws() {}

    static boolean isDraw(Expression value) {
        return value instanceof Expression.Call call
                && FUNCTIONS.contains(call.function().name());
    }

    /** The distribution a call describes, or empty after reporting what is wrong with it. */
    static Optional<Drawn> axis(Expression.Call call, Diagnostics diagnostics) {
        String function = call.function().name();
        for (Argument argument : call.arguments()) {
            if (argument.name().isPresent()) {
                diagnostics.error(argument.location(), function + "'s values are written without names");
                return Optional.empty();
            }
            if (argument.value() instanceof Expression.Alternatives) {
                diagnostics.error(argument.location(), function + " takes single values, not a set");
                return Optional.empty();
            }
        }
        if (function.equals("choice")) {
            if (call.arguments().isEmpty()) {
                diagnostics.error(call.location(), "choice needs at least one value: choice(x, y, …)");
                return Optional.empty();
            }
            List<Expression> options =
                    call.arguments().stream().map(Argument::value).toList();
            return Optional.of(new Drawn(new Distribution.Choice(options.size()), options));
        }
        String usage = function + "(low, high)";
        if (call.arguments().size() != 2) {
            diagnostics.error(call.location(), function + " takes two numbers: " + usage);
            return Optional.empty();
        }
        double[] bounds = new double[2];
        for (int i = 0; i < 2; i++) {
            Expression value = call.arguments().get(i).value();
            OptionalDouble number = Constants.number(value);
            if (number.isEmpty() || !Double.isFinite(number.getAsDouble())) {
                diagnostics.error(
                        value.location(),
                        function + " takes two numbers: " + usage + "; got " + Constants.describe(value));
                return Optional.empty();
            }
            bounds[i] = number.getAsDouble();
        }
        double low = bounds[0];
        double high = bounds[1];
        String shown = Constants.format(low) + " and " + Constants.format(high);
        if (function.equals("int_uniform")) {
            if (low != Math.rint(low) || high != Math.rint(high)) {
                diagnostics.error(call.location(), "int_uniform takes whole numbers, got " + shown);
                return Optional.empty();
            }
            if (low > high) {
                diagnostics.error(call.location(), "int_uniform's low must not be above its high, got " + shown);
                return Optional.empty();
            }
            return Optional.of(new Drawn(new Distribution.IntUniform((long) low, (long) high), List.of()));
        }
        if (!(low < high)) {
            diagnostics.error(call.location(), function + "'s low must be below its high, got " + shown);
            return Optional.empty();
        }
        if (function.equals("log_uniform")) {
            if (low <= 0) {
                diagnostics.error(call.location(), "log_uniform needs positive bounds, got " + shown);
                return Optional.empty();
            }
            return Optional.of(new Drawn(new Distribution.LogUniform(low, high), List.of()));
        }
        return Optional.of(new Drawn(new Distribution.Uniform(low, high), List.of()));
    }
}
