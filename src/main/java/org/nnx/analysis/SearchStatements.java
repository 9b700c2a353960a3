package org.nnx.analysis;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.nnx.dsl.SourceLocation;
import org.nnx.dsl.ast.Argument;
import org.nnx.dsl.ast.Definition;
import org.nnx.dsl.ast.Expression;
import org.nnx.dsl.ast.Setting;
import org.nnx.dsl.ast.Statement;
import org.nnx.model.search.Budget;
import org.nnx.model.search.Halving;
import org.nnx.model.search.SearchPlan;

/**
 * Reads an experiment's {@code search} and {@code budget} statements into its {@link SearchPlan}, reporting
 * each mistake where it stands: {@code search halving(trials = 27, min = 1 epoch, factor = 3, metric =
 * val_accuracy)}, {@code budget 200 epochs}, {@code budget 10 minutes}.
 */
final class SearchStatements {
    static final String SEARCH = "search";
    static final String BUDGET = "budget";

    /** What ranks halving's trials: the metrics every evaluation records. */
    static final List<String> HALVING_METRICS = List.of("val_accuracy", "val_loss", "train_accuracy", "test_accuracy");

    private static final Map<String, List<String>> OPTIONS = new LinkedHashMap<>();

    static {
        OPTIONS.put("grid", List.of());
        OPTIONS.put("halving", List.of("trials", "min", "factor", "metric"));
        OPTIONS.put("random", List.of("trials"));
        OPTIONS.put("sobol", List.of("trials"));
    }

    private final Diagnostics diagnostics;

    private SearchStatements(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** The plan of the search, or empty after reporting why there is none. */
    static Optional<SearchPlan> read(Definition definition, Diagnostics diagnostics) {
        return new SearchStatements(diagnostics).read(definition);
    }

    private Optional<SearchPlan> read(Definition definition) {
        int before = diagnostics.count();
        SearchPlan plan =
                setting(definition, SEARCH).map(s -> search(s, definition)).orElse(SearchPlan.GRID);
        Budget budget = setting(definition, BUDGET).map(this::budget).orElse(Budget.NONE);
        if (budget != null
                && budget.epochs() > 0
                && setting(definition, Statements.EPOCHS).isEmpty()) {
            diagnostics.error(
                    setting(definition, BUDGET).orElseThrow().location(),
                    "a budget of epochs counts each run's 'epochs'; write the runs' length in epochs, not"
                            + " iterations");
        }
        return diagnostics.count() > before || plan == null ? Optional.empty() : Optional.of(plan.withBudget(budget));
    }

    private static Optional<Setting> setting(Definition definition, String name) {
        for (Statement statement : definition.statements()) {
            if (statement instanceof Setting setting && setting.name().name().equals(name)) {
                return Optional.of(setting);
            }
        }
        return Optional.empty();
    }

    /** The search a {@code search} statement names, or null after reporting why not. */
    private SearchPlan search(Setting setting, Definition definition) {
        Optional<Expression> only = onlyValue(setting, "'search' takes one of grid, halving, random, sobol");
        if (only.isEmpty()) {
            return null;
        }
        Expression value = only.get();
        Optional<org.nnx.dsl.ast.Identifier> name = Expression.componentName(value);
        if (name.isEmpty()) {
            diagnostics.error(
                    value.location(),
                    "'search' takes one of grid, halving, random, sobol; got " + Constants.describe(value));
            return null;
        }
        String kind = name.get().name();
        if (!OPTIONS.containsKey(kind)) {
            diagnostics.error(name.get().location(), Suggestions.unknown("search", kind, OPTIONS.keySet()));
            return null;
        }
        Map<String, Argument> options = options(kind, value);
        if (options == null) {
            return null;
        }
        if (kind.equals("grid")) {
            return SearchPlan.GRID;
        }
        Argument trialsOption = options.get("trials");
        if (trialsOption == null) {
            diagnostics.error(
                    value.location(), "search " + kind + " needs its number of trials: " + kind + "(trials = N)");
            return null;
        }
        OptionalDouble trials = whole(trialsOption.value(), 1, Sweeps.MAX_RUNS, "search " + kind + "'s trials");
        if (trials.isEmpty()) {
            return null;
        }
        SearchPlan.Kind searchKind = SearchPlan.Kind.valueOf(kind.toUpperCase());
        if (searchKind != SearchPlan.Kind.HALVING) {
            return new SearchPlan(searchKind, (int) trials.getAsDouble(), Optional.empty(), Budget.NONE);
        }
        return halving(value, options, definition)
                .map(h -> new SearchPlan(searchKind, (int) trials.getAsDouble(), Optional.of(h), Budget.NONE))
                .orElse(null);
    }

    private Optional<Halving> halving(Expression value, Map<String, Argument> options, Definition definition) {
        long min = 1;
        if (options.containsKey("min")) {
            Expression written = options.get("min").value();
            Expression amount = written;
            if (written instanceof Expression.Quantity quantity) {
                if (!Set.of("epoch", "epochs").contains(quantity.unit().name())) {
                    diagnostics.error(
                            quantity.unit().location(),
                            "search halving's min is counted in epochs: min = "
                                    + quantity.amount().text()
                                    + " epoch" + (quantity.amount().value() == 1 ? "" : "s") + "; got '"
                                    + quantity.unit().name() + "'");
                    return Optional.empty();
                }
                amount = quantity.amount();
            }
            OptionalDouble epochs = whole(amount, 1, Integer.MAX_VALUE, "search halving's min");
            if (epochs.isEmpty()) {
                return Optional.empty();
            }
            min = (long) epochs.getAsDouble();
        }
        long factor = 3;
        if (options.containsKey("factor")) {
            OptionalDouble written = whole(options.get("factor").value(), 2, 100, "search halving's factor");
            if (written.isEmpty()) {
                return Optional.empty();
            }
            factor = (long) written.getAsDouble();
        }
        String metric = "val_accuracy";
        if (options.containsKey("metric")) {
            Expression written = options.get("metric").value();
            if (!(written instanceof Expression.Name metricName) || !HALVING_METRICS.contains(metricName.name())) {
                diagnostics.error(
                        written.location(),
                        "search halving's metric is one of " + String.join(", ", HALVING_METRICS) + "; got "
                                + Constants.describe(written));
                return Optional.empty();
            }
            metric = metricName.name();
        }
        Optional<Setting> epochsSetting = setting(definition, Statements.EPOCHS);
        OptionalDouble epochs = epochsSetting
                .filter(s -> s.arguments().size() == 1)
                .map(s -> Constants.number(s.arguments().get(0).value()))
                .orElse(OptionalDouble.empty());
        if (epochs.isEmpty()) {
            diagnostics.error(
                    value.location(),
                    "search halving counts its rungs in epochs: it needs one number of 'epochs', the length of the"
                            + " trials that survive every rung");
            return Optional.empty();
        }
        long maxEpochs = (long) epochs.getAsDouble();
        if (min > maxEpochs) {
            diagnostics.error(
                    options.containsKey("min") ? options.get("min").location() : value.location(),
                    "search halving's min of " + min + " epochs is more than the " + maxEpochs
                            + " epochs its trials train at most");
            return Optional.empty();
        }
        if (metric.startsWith("val_") && validation(definition) <= 0) {
            diagnostics.error(
                    value.location(),
                    "search halving ranks trials by " + metric + ", which needs 'validation'; add validation 0.1"
                            + " or rank by train_accuracy");
            return Optional.empty();
        }
        return Optional.of(new Halving(min, (int) factor, metric, maxEpochs));
    }

    private static double validation(Definition definition) {
        return setting(definition, "validation")
                .filter(s -> s.arguments().size() == 1)
                .map(s -> Constants.number(s.arguments().get(0).value()).orElse(0))
                .orElse(0.0);
    }

    /** The search's options by name (the first may be written without {@code trials =}); null after an error. */
    private Map<String, Argument> options(String kind, Expression value) {
        Map<String, Argument> options = new LinkedHashMap<>();
        if (!(value instanceof Expression.Call call)) {
            return options;
        }
        List<String> known = OPTIONS.get(kind);
        for (int i = 0; i < call.arguments().size(); i++) {
            Argument argument = call.arguments().get(i);
            if (argument.value() instanceof Expression.Alternatives) {
                diagnostics.error(argument.location(), "a search's options take one value, not a set");
                return null;
            }
            String option;
            if (argument.name().isPresent()) {
                option = argument.name().get().name();
            } else if (i == 0 && !known.isEmpty()) {
                option = known.get(0);
            } else {
                diagnostics.error(
                        argument.location(),
                        known.isEmpty()
                                ? "search grid takes no options"
                                : "search " + kind + "'s options are named: " + String.join(", ", known));
                return null;
            }
            if (!known.contains(option)) {
                diagnostics.error(
                        argument.name().map(n -> n.location()).orElse(argument.location()),
                        known.isEmpty()
                                ? "search grid takes no options"
                                : Suggestions.unknown("option", option, known, " of search " + kind));
                return null;
            }
            if (options.putIfAbsent(option, argument) != null) {
                diagnostics.error(argument.location(), "search " + kind + " has '" + option + "' twice");
                return null;
            }
        }
        return options;
    }

    private Budget budget(Setting setting) {
        String usage = "'budget' takes an amount and a unit: budget 200 epochs, budget 10 minutes";
        Optional<Expression> only = onlyValue(setting, usage);
        if (only.isEmpty()) {
            return null;
        }
        if (!(only.get() instanceof Expression.Quantity quantity)) {
            diagnostics.error(only.get().location(), usage + "; got " + Constants.describe(only.get()));
            return null;
        }
        double amount = quantity.amount().value();
        String unit = quantity.unit().name();
        if (!(amount > 0)) {
            diagnostics.error(
                    quantity.location(),
                    "a budget must be more than 0, got " + quantity.amount().text());
            return null;
        }
        return switch (unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit) {
            case "epoch" -> {
                if (amount != Math.rint(amount)) {
                    diagnostics.error(
                            quantity.amount().location(),
                            "a budget of epochs is a whole number, got "
                                    + quantity.amount().text());
                    yield null;
                }
                yield Budget.ofEpochs((long) amount);
            }
            case "second" -> Budget.ofTime(Duration.ofMillis(Math.round(amount * 1000)));
            case "minute" -> Budget.ofTime(Duration.ofMillis(Math.round(amount * 60_000)));
            case "hour" -> Budget.ofTime(Duration.ofMillis(Math.round(amount * 3_600_000)));
            default -> {
                diagnostics.error(
                        quantity.unit().location(),
                        Suggestions.unknown(
                                "unit",
                                unit,
                                List.of("epochs", "seconds", "minutes", "hours"),
                                " of 'budget'; a budget is counted in epochs, seconds, minutes or hours"));
                yield null;
            }
        };
    }

    /** The statement's one value, written without a name; empty after reporting otherwise. */
    private Optional<Expression> onlyValue(Setting setting, String usage) {
        if (setting.arguments().size() != 1 || setting.arguments().get(0).name().isPresent()) {
            diagnostics.error(setting.name().location(), usage);
            return Optional.empty();
        }
        Expression value = setting.arguments().get(0).value();
        if (value instanceof Expression.Alternatives) {
            diagnostics.error(value.location(), "'" + setting.name().name() + "' takes one value, not a set: " + usage);
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** A whole number in [low, high], or empty after reporting what was wrong. */
    private OptionalDouble whole(Expression value, long low, long high, String what) {
        OptionalDouble number = Constants.number(value);
        if (number.isEmpty()
                || number.getAsDouble() != Math.rint(number.getAsDouble())
                || number.getAsDouble() < low
                || number.getAsDouble() > high) {
            SourceLocation where = value.location();
            diagnostics.error(
                    where,
                    what + " must be a whole number in [" + low + ", " + high + "], got " + Constants.describe(value));
            return OptionalDouble.empty();
        }
        return number;
    }
}
