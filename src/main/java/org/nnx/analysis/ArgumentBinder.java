package org.nnx.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;
import org.nnx.dsl.SourceLocation;
import org.nnx.dsl.ast.Argument;
import org.nnx.dsl.ast.Expression;
import org.nnx.dsl.ast.Identifier;
import org.nnx.registry.ComponentKind;
import org.nnx.registry.ComponentRegistry;
import org.nnx.spi.Arguments;
import org.nnx.spi.ComponentCall;
import org.nnx.spi.ParameterSpec;

/**
 * Binds written arguments to a parameter schema: positional ones in order, named ones by name; checks
 * each value's type and range; fills in defaults. Every problem goes to the given {@link Diagnostics}, and
 * the arguments come back only when there was none, so a caller can bind once to check and again to build.
 */
final class ArgumentBinder {
    private final ComponentRegistry registry;

    ArgumentBinder(ComponentRegistry registry) {
        this.registry = registry;
    }

    /**
     * @param owner    how messages name what takes the arguments: {@code layer 'dense'}
     * @param location where the owner was written, for missing arguments
     */
    Optional<Arguments> bind(
            String owner,
            SourceLocation location,
            List<Argument> arguments,
            List<ParameterSpec> parameters,
            Diagnostics diagnostics) {
        int before = diagnostics.count();
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Argument> given = new HashMap<>();
        boolean namedSeen = false;
        boolean misplaced = false;
        int position = 0;
        for (Argument argument : arguments) {
            ParameterSpec parameter;
            if (argument.name().isPresent()) {
                namedSeen = true;
                String name = argument.name().get().name();
                parameter = parameters.stream()
                        .filter(p -> p.name().equals(name))
                        .findFirst()
                        .orElse(null);
                if (parameter == null) {
                    diagnostics.error(
                            argument.name().get().location(),
                            Suggestions.unknown(
                                    "option",
                                    name,
                                    parameters.stream().map(ParameterSpec::name).toList(),
                                    " for " + owner));
                    continue;
                }
            } else {
                if (namedSeen) {
                    diagnostics.error(
                            argument.location(), "a positional argument cannot follow a named one in " + owner);
                    misplaced = true;
                    continue;
                }
                if (position >= parameters.size()) {
                    diagnostics.error(
                            argument.location(),
                            owner + " takes " + count(parameters.size()) + ", got " + arguments.size());
                    position++;
                    continue;
                }
                parameter = parameters.get(position++);
            }
            Argument earlier = given.putIfAbsent(parameter.name(), argument);
            if (earlier != null) {
                diagnostics.error(
                        argument.location(),
                        "'" + parameter.name() + "' of " + owner + " is given twice; first at "
                                + earlier.location().line() + ":"
                                + earlier.location().column());
                continue;
            }
            convert(subject(parameter, owner), argument.value(), parameter, diagnostics)
                    .ifPresent(value -> values.put(parameter.name(), value));
        }
        for (ParameterSpec parameter : parameters) {
            if (given.containsKey(parameter.name())) {
                continue;
            }
            if (parameter.required() && !misplaced) {
                diagnostics.error(location, owner + " needs '" + parameter.name() + "' (" + parameter.doc() + ")");
            } else if (parameter.defaultValue() != null) {
                values.put(parameter.name(), parameter.defaultValue());
            }
        }
        return diagnostics.count() == before ? Optional.of(new Arguments(order(values, parameters))) : Optional.empty();
    }

    /** A statement's own values name the statement; a component's parameters name both. */
    private static String subject(ParameterSpec parameter, String owner) {
        return owner.startsWith("'") ? owner : "'" + parameter.name() + "' of " + owner;
    }

    private static String count(int n) {
        return n == 0 ? "no arguments" : n == 1 ? "1 argument" : n + " arguments";
    }

    private static Map<String, Object> order(Map<String, Object> values, List<ParameterSpec> parameters) {
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (ParameterSpec parameter : parameters) {
            if (values.containsKey(parameter.name())) {
                ordered.put(parameter.name(), values.get(parameter.name()));
            }
        }
        return ordered;
    }

    /** One value checked against its parameter; empty after reporting why it does not fit. */
    Optional<Object> convert(String subject, Expression value, ParameterSpec parameter, Diagnostics diagnostics) {
        switch (parameter.type()) {
            case NUMBER, INTEGER -> {
                OptionalDouble number = Constants.number(value);
                if (number.isEmpty()) {
                    diagnostics.error(
                            value.location(), subject + " must be a number, got " + Constants.describe(value));
                    return Optional.empty();
                }
                double x = number.getAsDouble();
                if (!Double.isFinite(x)) {
                    diagnostics.error(
                            value.location(),
                            subject
                                    + (Double.isNaN(x) || Constants.dividesByZero(value)
                                            ? " is not a number: " + Constants.describe(value) + " divides by zero"
                                            : " is too large: " + Constants.describe(value)));
                    return Optional.empty();
                }
                boolean whole = parameter.type() == org.nnx.spi.ParameterType.INTEGER;
                if (whole && Math.abs(x) > 9.007199254740992E15) {
                    diagnostics.error(value.location(), subject + " is too large: " + Constants.describe(value));
                    return Optional.empty();
                }
                if (whole && x != Math.rint(x)) {
                    diagnostics.error(
                            value.location(), subject + " must be a whole number, got " + Constants.describe(value));
                    return Optional.empty();
                }
                if (!parameter.range().contains(x)) {
                    diagnostics.error(
                            value.location(),
                            subject + " must be " + parameter.range().requirement(x) + ", got "
                                    + Constants.describe(value));
                    return Optional.empty();
                }
                return Optional.of(whole ? (Object) (long) x : (Object) x);
            }
            case SIZE -> {
                return size(subject, value, parameter, diagnostics);
            }
            case IMAGE_SHAPE -> {
                return imageShape(subject, value, parameter, diagnostics);
            }
            case BOOLEAN -> {
                if (value instanceof Expression.Name name
                        && (name.name().equals("true") || name.name().equals("false"))) {
                    return Optional.of(Boolean.parseBoolean(name.name()));
                }
                diagnostics.error(
                        value.location(), subject + " must be true or false, got " + Constants.describe(value));
                return Optional.empty();
            }
            case STRING -> {
                if (value instanceof Expression.StringLiteral string) {
                    return Optional.of(string.value());
                }
                diagnostics.error(
                        value.location(), subject + " must be a string in quotes, got " + Constants.describe(value));
                return Optional.empty();
            }
            case CHOICE -> {
                if (value instanceof Expression.Name name) {
                    if (parameter.choices().contains(name.name())) {
                        return Optional.of(name.name());
                    }
                    diagnostics.error(
                            value.location(),
                            Suggestions.unknown("value", name.name(), parameter.choices(), " for " + subject)
                                    + choices(parameter));
                    return Optional.empty();
                }
                diagnostics.error(
                        value.location(),
                        subject + " must be one of " + String.join(", ", parameter.choices()) + ", got "
                                + Constants.describe(value));
                return Optional.empty();
            }
            case INITIALIZER -> {
                return component(ComponentKind.INITIALIZER, subject, value, List.of(), diagnostics)
                        .map(call -> (Object) call);
            }
            default -> throw new IllegalStateException("unhandled parameter type " + parameter.type());
        }
    }

    /** A {@link org.nnx.spi.ParameterType#SIZE}: {@code n} for {@code [n, n]}, or {@code [height, width]}. */
    private Optional<Object> size(String subject, Expression value, ParameterSpec parameter, Diagnostics diagnostics) {
        List<Expression> elements;
        if (value instanceof Expression.ListLiteral list) {
            if (list.elements().size() != 2) {
                diagnostics.error(
                        value.location(),
                        subject + " must be a whole number or [height, width], got "
                                + list.elements().size() + (list.elements().size() == 1 ? " value" : " values"));
                return Optional.empty();
            }
            elements = list.elements();
        } else {
            elements = List.of(value, value);
        }
        ParameterSpec each = eachSize(parameter);
        Optional<Object> height = convert(subject, elements.get(0), each, diagnostics);
        if (height.isEmpty()) {
            return Optional.empty();
        }
        if (elements.get(1) == elements.get(0)) {
            return Optional.of(List.of(height.get(), height.get()));
        }
        return convert(subject, elements.get(1), each, diagnostics).map(width -> List.of(height.get(), width));
    }

    /**
     * A {@link org.nnx.spi.ParameterType#IMAGE_SHAPE}: {@code [channels, height, width]} or {@code [height, width]}
     * as three sizes, or a string passed on as it is.
     */
    private Optional<Object> imageShape(
            String subject, Expression value, ParameterSpec parameter, Diagnostics diagnostics) {
        if (value instanceof Expression.StringLiteral string) {
            return Optional.of(string.value());
        }
        if (!(value instanceof Expression.ListLiteral list)) {
            diagnostics.error(
                    value.location(),
                    subject + " must be [channels, height, width] or [height, width], got "
                            + Constants.describe(value));
            return Optional.empty();
        }
        int count = list.elements().size();
        if (count != 2 && count != 3) {
            diagnostics.error(
                    value.location(),
                    subject + " must be [channels, height, width] or [height, width], got " + count
                            + (count == 1 ? " value" : " values"));
            return Optional.empty();
        }
        ParameterSpec each = eachSize(parameter);
        List<Object> sizes = new ArrayList<>();
        if (count == 2) {
            sizes.add(1L);
        }
        boolean fits = true;
        for (Expression element : list.elements()) {
            Optional<Object> size = convert(subject, element, each, diagnostics);
            fits &= size.isPresent();
            size.ifPresent(sizes::add);
        }
        return fits ? Optional.of(List.copyOf(sizes)) : Optional.empty();
    }

    /** One size of a {@code SIZE} or {@code IMAGE_SHAPE} parameter: a required whole number in its range. */
    private static ParameterSpec eachSize(ParameterSpec parameter) {
        return new ParameterSpec(
                parameter.name(),
                org.nnx.spi.ParameterType.INTEGER,
                null,
                true,
                parameter.range(),
                List.of(),
                parameter.doc());
    }

    private static String choices(ParameterSpec parameter) {
        return parameter.choices().size() <= 6 ? " (one of " + String.join(", ", parameter.choices()) + ")" : "";
    }

    /**
     * A component named by a value, {@code he} or {@code gaussian(0.01)}, with the call's arguments and then
     * {@code extra} bound to the component's schema.
     */
    Optional<ComponentCall> component(
            ComponentKind kind, String subject, Expression value, List<Argument> extra, Diagnostics diagnostics) {
        Optional<String> ambiguity =
                Expression.componentName(value).flatMap(name -> registry.ambiguity(kind, name.name()));
        if (ambiguity.isPresent()) {
            diagnostics.error(value.location(), ambiguity.get());
            return Optional.empty();
        }
        if (Expression.componentName(value)
                .filter(name -> unusable(kind, name, diagnostics))
                .isPresent()) {
            return Optional.empty();
        }
        // Only the named component is asked for its schema: asking a plugin's makes its jar's plugins, which a
        // file that does not use them must not pay for (or run the code of).
        var resolvable = registry.resolvable(kind);
        return named(
                kind.label(),
                article(kind),
                resolvable.keySet(),
                chosen -> resolvable.get(chosen).parameters(),
                subject,
                value,
                extra,
                diagnostics);
    }

    /**
     * Whether {@code name} names a component that cannot be used: if so, the use is reported as such (its runs
     * fail), and the statement is not bound.
     */
    boolean unusable(ComponentKind kind, Identifier name, Diagnostics diagnostics) {
        Optional<String> reason = registry.unusable(kind, name.name());
        reason.ifPresent(why -> diagnostics.unusable(
                name.location(), kind.label() + " '" + name.name() + "' cannot be used: " + why, why));
        return reason.isPresent();
    }

    /** A mode of a statement, {@code numerical(h = 1e-3)}: like a component, from a fixed set. */
    Optional<ComponentCall> mode(
            String subject,
            Map<String, List<ParameterSpec>> modes,
            Expression value,
            List<Argument> extra,
            Diagnostics diagnostics) {
        return named("mode", "a mode", modes.keySet(), modes::get, subject, value, extra, diagnostics);
    }

    private Optional<ComponentCall> named(
            String what,
            String aWhat,
            Set<String> known,
            Function<String, List<ParameterSpec>> parametersOf,
            String subject,
            Expression value,
            List<Argument> extra,
            Diagnostics diagnostics) {
        Optional<Identifier> name = Expression.componentName(value);
        if (name.isEmpty()) {
            diagnostics.error(
                    value.location(),
                    subject + " must name " + aWhat + ", got " + Constants.describe(value) + bookHint(what, value));
            return Optional.empty();
        }
        String chosen = name.get().name();
        List<ParameterSpec> parameters = known.contains(chosen) ? parametersOf.apply(chosen) : null;
        if (parameters == null && what.equals("loss") && chosen.equals("accuracy")) {
            diagnostics.error(
                    name.get().location(),
                    "accuracy cannot be the loss: a small change of the weights "
                            + "rarely changes how many samples are right, so its gradient is 0 almost everywhere and nothing "
                            + "learns; use cross_entropy or mse, and read the accuracy in the report");
            return Optional.empty();
        }
        if (parameters == null) {
            diagnostics.error(
                    name.get().location(),
                    Suggestions.unknown(what, chosen, known, what.equals("mode") ? " for " + subject : ""));
            return Optional.empty();
        }
        List<Argument> arguments = new ArrayList<>();
        if (value instanceof Expression.Call call) {
            arguments.addAll(call.arguments());
        }
        arguments.addAll(extra);
        return bind(what + " '" + chosen + "'", name.get().location(), arguments, parameters, diagnostics)
                .map(bound -> new ComponentCall(chosen, bound));
    }

    /** The book writes an initial weight's spread as a number, {@code weight_init_std = 0.01}. */
    private static String bookHint(String what, Expression value) {
        return what.equals(ComponentKind.INITIALIZER.label()) && value instanceof Expression.NumberLiteral number
                ? "; the book's weight_init_std " + number.text() + " is init = gaussian(" + number.text() + ")"
                : "";
    }

    private static String article(ComponentKind kind) {
        return (kind == ComponentKind.INITIALIZER || kind == ComponentKind.OPTIMIZER ? "an " : "a ") + kind.label();
    }
}
