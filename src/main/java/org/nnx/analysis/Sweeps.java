package org.nnx.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.nnx.dsl.SourceLocation;
import org.nnx.dsl.ast.Argument;
import org.nnx.dsl.ast.Definition;
import org.nnx.dsl.ast.Expression;
import org.nnx.dsl.ast.LayerChoice;
import org.nnx.dsl.ast.ModelBlock;
import org.nnx.dsl.ast.Node;
import org.nnx.dsl.ast.Setting;
import org.nnx.dsl.ast.Statement;
import org.nnx.model.search.Distribution;
import org.nnx.model.search.RandomPoints;
import org.nnx.model.search.SearchPlan;
import org.nnx.model.search.Sobol;

/**
 * Expands a definition's sets of alternatives ({@code a | b}, {@code log_range(lo, hi, n)},
 * {@code range(from, to, step)}) into the cross product of their values, one variant a run, the first set
 * varying slowest. Each set is labelled by where it stands: {@code learning_rate}, {@code optimizer.momentum},
 * {@code dense.units} ({@code dense[2].units} when the model has several dense layers).
 *
 * <p>A search other than the grid draws its trials instead: a point of the unit cube a trial (random or scrambled
 * Sobol', from the experiment's seed), one coordinate a set or distribution ({@code uniform(a, b)},
 * {@code log_uniform(a, b)}, {@code int_uniform(a, b)}, {@code choice(x, y, …)}), each coordinate turned into a
 * value by that setting's {@link Distribution}; a set is a choice between its values. Random points over sets
 * alone skip combinations already drawn until every one has been ({@link RandomPoints#distinctChoices}).
 */
final class Sweeps {
    /** More runs than this is almost surely a mistake, and would not fit in one report. */
    static final int MAX_RUNS = 10_000;

    /** One run's definition and the value each set takes in it, by label, as text. */
    record Variant(Definition definition, Map<String, String> varying) {}

    /**
     * One set of alternatives: its label, the node it replaces (an {@link Expression} or a {@link LayerChoice})
     * and the options, each with its text for run names.
     */
    private record Axis(String label, Node node, List<? extends Node> options, Distribution distribution) {
        Axis(String label, Node node, List<? extends Node> options) {
            this(label, node, options, new Distribution.Choice(options.size()));
        }

        /** Whether its values are drawn rather than listed: only a search other than the grid can use it. */
        boolean drawn() {
            return !(distribution instanceof Distribution.Choice);
        }

        /** The value at coordinate {@code u} of a trial's point, and its text. */
        Node at(double u) {
            double value = distribution.at(u);
            if (!drawn()) {
                return options.get((int) value);
            }
            String text = ExpressionText.number(value);
            return new Expression.NumberLiteral(node.location(), text, Double.parseDouble(text));
        }

        String text(Node chosen) {
            return chosen instanceof Setting layer
                    ? ExpressionText.layer(layer)
                    : ExpressionText.of((Expression) chosen);
        }

        String text(int option) {
            Node chosen = options.get(option);
            return chosen instanceof Setting layer
                    ? ExpressionText.layer(layer)
                    : ExpressionText.of((Expression) chosen);
        }
    }

    private final List<Axis> axes = new ArrayList<>();
    private final Diagnostics diagnostics;

    private Sweeps(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** The variants of a grid, or none after reporting why the sweep yields no run. */
    static List<Variant> expand(Definition definition, Diagnostics diagnostics) {
        return expand(definition, SearchPlan.GRID, diagnostics);
    }

    /** The variants {@code search} chooses, one a trial; none after reporting why the search yields no run. */
    static List<Variant> expand(Definition definition, SearchPlan search, Diagnostics diagnostics) {
        Sweeps sweeps = new Sweeps(diagnostics);
        int before = diagnostics.count();
        sweeps.statements(definition.statements(), "");
        if (diagnostics.count() > before) {
            return List.of();
        }
        if (!search.isGrid()) {
            return sweeps.draw(definition, search);
        }
        for (Axis axis : sweeps.axes) {
            if (axis.drawn()) {
                diagnostics.error(
                        axis.node().location(),
                        ExpressionText.of((Expression) axis.node()) + " draws its values, which search grid cannot"
                                + " list; write search random(trials = N), sobol(trials = N) or halving(trials = N),"
                                + " or list the values");
            }
        }
        if (diagnostics.count() > before) {
            return List.of();
        }
        long runs = 1;
        for (Axis axis : sweeps.axes) {
            runs *= axis.options().size();
            if (runs > MAX_RUNS) {
                diagnostics.error(
                        definition.name().location(),
                        definition.kind().keyword() + " '" + definition.name().name() + "' sweeps over more than "
                                + MAX_RUNS + " runs");
                return List.of();
            }
        }
        List<Variant> variants = new ArrayList<>();
        int[] choice = new int[sweeps.axes.size()];
        for (long run = 0; run < runs; run++) {
            IdentityHashMap<Node, Node> replacements = new IdentityHashMap<>();
            Map<String, String> varying = new LinkedHashMap<>();
            for (int a = 0; a < choice.length; a++) {
                Axis axis = sweeps.axes.get(a);
                replacements.put(axis.node(), axis.options().get(choice[a]));
                varying.put(axis.label(), axis.text(choice[a]));
            }
            variants.add(new Variant(Substitution.apply(definition, replacements), varying));
            for (int a = choice.length - 1; a >= 0; a--) {
                if (++choice[a] < sweeps.axes.get(a).options().size()) {
                    break;
                }
                choice[a] = 0;
            }
        }
        return variants;
    }

    /** A trial a point of the search's sequence, its values drawn by each axis' distribution. */
    private List<Variant> draw(Definition definition, SearchPlan search) {
        if (axes.isEmpty()) {
            diagnostics.error(
                    definition.name().location(),
                    "search " + search.kind().keyword() + " has nothing to search: no setting of experiment '"
                            + definition.name().name() + "' has a set of values or a distribution");
            return List.of();
        }
        if (search.kind() == SearchPlan.Kind.SOBOL && axes.size() > Sobol.MAX_DIMENSIONS) {
            diagnostics.error(
                    definition.name().location(),
                    "search sobol draws at most " + Sobol.MAX_DIMENSIONS + " settings, and experiment '"
                            + definition.name().name() + "' searches " + axes.size());
            return List.of();
        }
        long seed = searchSeed(definition);
        double[][] points;
        if (search.kind() == SearchPlan.Kind.SOBOL) {
            points = Sobol.scrambled(seed).points(search.trials(), axes.size());
        } else if (axes.stream().noneMatch(Axis::drawn)) {
            // Random draws from sets alone skip repeated combinations; Sobol's would lose their balance.
            points = new RandomPoints(seed)
                    .distinctChoices(
                            search.trials(),
                            axes.stream().mapToInt(a -> a.options().size()).toArray());
        } else {
            points = new RandomPoints(seed).points(search.trials(), axes.size());
        }
        List<Variant> variants = new ArrayList<>();
        for (double[] point : points) {
            IdentityHashMap<Node, Node> replacements = new IdentityHashMap<>();
            Map<String, String> varying = new LinkedHashMap<>();
            for (int a = 0; a < axes.size(); a++) {
                Axis axis = axes.get(a);
                Node chosen = axis.at(point[a]);
                replacements.put(axis.node(), chosen);
                varying.put(axis.label(), axis.text(chosen));
            }
            variants.add(new Variant(Substitution.apply(definition, replacements), varying));
        }
        return variants;
    }

    /**
     * Where a search's points come from: the experiment's {@code seed} (0 when absent or swept), mixed so that
     * the points and the runs' initial weights never draw from the same stream.
     */
    private static long searchSeed(Definition definition) {
        long seed = 0;
        for (Statement statement : definition.statements()) {
            if (statement instanceof Setting setting
                    && setting.name().name().equals("seed")
                    && setting.arguments().size() == 1) {
                seed = (long)
                        Constants.number(setting.arguments().get(0).value()).orElse(0);
            }
        }
        return seed * 0x9E3779B97F4A7C15L + 0x5EA4C4L;
    }

    private void statements(List<Statement> statements, String prefix) {
        statements(statements, prefix, false);
    }

    private void statements(List<Statement> statements, String prefix, boolean inModel) {
        Map<String, Integer> counts = new HashMap<>();
        for (Statement statement : statements) {
            if (statement instanceof Setting setting) {
                counts.merge(setting.name().name(), 1, Integer::sum);
            }
        }
        Map<String, Integer> seen = new HashMap<>();
        int line = 0;
        for (Statement statement : statements) {
            line++;
            if (statement instanceof ModelBlock model) {
                statements(model.layers(), "", true);
                continue;
            }
            if (statement instanceof LayerChoice choice) {
                if (inModel) {
                    layerChoice(choice, "layer[" + line + "]");
                }
                continue;
            }
            Setting setting = (Setting) statement;
            String name = setting.name().name();
            if (name.equals(SearchStatements.SEARCH) || name.equals(SearchStatements.BUDGET)) {
                // How runs are chosen, not what they train: read by SearchStatements.
                continue;
            }
            int occurrence = seen.merge(name, 1, Integer::sum);
            String label = prefix + name + (counts.get(name) > 1 ? "[" + occurrence + "]" : "");
            arguments(setting.arguments(), label);
        }
    }

    /** A model line that is one of several layers; its options sweep nothing of their own. */
    private void layerChoice(LayerChoice choice, String label) {
        for (Setting option : choice.options()) {
            int before = axes.size();
            arguments(option.arguments(), label);
            if (axes.size() > before) {
                axes.subList(before, axes.size()).clear();
                diagnostics.error(
                        option.location(),
                        "an option of '" + ExpressionText.layerChoice(choice)
                                + "' cannot sweep values of its own; make each value an option of its own");
                return;
            }
        }
        axes.add(new Axis(label, choice, choice.options()));
    }

    private void arguments(List<Argument> arguments, String label) {
        for (int i = 0; i < arguments.size(); i++) {
            Argument argument = arguments.get(i);
            String argumentLabel =
                    argument.name().map(n -> label + "." + n.name()).orElse(i == 0 ? label : label + "#" + (i + 1));
            value(argument.value(), argumentLabel);
        }
    }

    private void value(Expression value, String label) {
        if (value instanceof Expression.Alternatives || isRange(value)) {
            int before = diagnostics.count();
            List<Expression> options = options(value);
            if (options.isEmpty()) {
                if (diagnostics.count() == before) {
                    diagnostics.error(value.location(), "the sweep " + ExpressionText.of(value) + " yields no value");
                }
                return;
            }
            String unique = uniqueLabel(label);
            axes.add(new Axis(unique, value, options));
        } else if (Draws.isDraw(value)) {
            Draws.axis((Expression.Call) value, diagnostics).ifPresent(drawn -> {
                axes.add(new Axis(uniqueLabel(label), value, drawn.options(), drawn.distribution()));
            });
        } else if (value instanceof Expression.Call call) {
            arguments(call.arguments(), label);
        } else if (value instanceof Expression.ListLiteral list) {
            for (int i = 0; i < list.elements().size(); i++) {
                value(list.elements().get(i), label + "[" + i + "]");
            }
        }
    }

    private String uniqueLabel(String label) {
        String unique = label;
        for (int n = 2; labelTaken(unique); n++) {
            unique = label + "#" + n;
        }
        return unique;
    }

    private boolean labelTaken(String label) {
        return axes.stream().anyMatch(axis -> axis.label().equals(label));
    }

    private static boolean isRange(Expression value) {
        return value instanceof Expression.Call call
                && (call.function().name().equals("log_range")
                        || call.function().name().equals("range"));
    }

    /** The values of a set, nested sets and ranges flattened in order; empty after reporting a bad range. */
    private List<Expression> options(Expression value) {
        List<Expression> options = new ArrayList<>();
        if (value instanceof Expression.Alternatives alternatives) {
            for (Expression option : alternatives.options()) {
                if (Draws.isDraw(option)) {
                    diagnostics.error(
                            option.location(),
                            "a set of values cannot hold " + ExpressionText.of(option)
                                    + ", which draws values of its own");
                    return List.of();
                }
                options.addAll(options(option));
            }
        } else if (isRange(value)) {
            options.addAll(range((Expression.Call) value));
        } else {
            options.add(value);
        }
        return options;
    }

    private List<Expression> range(Expression.Call call) {
        String function = call.function().name();
        boolean log = function.equals("log_range");
        String usage = log ? "log_range(low, high, count)" : "range(from, to, step)";
        if (call.arguments().size() != 3
                || call.arguments().stream().anyMatch(a -> a.name().isPresent())) {
            diagnostics.error(call.location(), function + " takes three numbers: " + usage);
            return List.of();
        }
        double[] numbers = new double[3];
        for (int i = 0; i < 3; i++) {
            OptionalDouble number = Constants.number(call.arguments().get(i).value());
            if (number.isEmpty() || !Double.isFinite(number.getAsDouble())) {
                diagnostics.error(
                        call.arguments().get(i).location(),
                        function + " takes three numbers: " + usage + "; got "
                                + Constants.describe(call.arguments().get(i).value()));
                return List.of();
            }
            numbers[i] = number.getAsDouble();
        }
        List<Double> values = new ArrayList<>();
        if (log) {
            double low = numbers[0];
            double high = numbers[1];
            double count = numbers[2];
            if (low <= 0 || high <= 0) {
                diagnostics.error(
                        call.location(),
                        "log_range needs positive bounds, got " + Constants.format(low) + " and "
                                + Constants.format(high));
                return List.of();
            }
            if (count < 1 || count != Math.rint(count) || count > MAX_RUNS) {
                diagnostics.error(
                        call.arguments().get(2).location(),
                        "log_range's count must be a whole number in [1, " + MAX_RUNS + "], got "
                                + Constants.format(count));
                return List.of();
            }
            int n = (int) count;
            for (int i = 0; i < n; i++) {
                values.add(n == 1 ? low : Math.exp(Math.log(low) + (Math.log(high) - Math.log(low)) * i / (n - 1)));
            }
        } else {
            double from = numbers[0];
            double to = numbers[1];
            double step = numbers[2];
            if (step == 0) {
                diagnostics.error(call.arguments().get(2).location(), "range's step must not be 0");
                return List.of();
            }
            double tolerance = Math.abs(step) * 1e-9;
            for (int i = 0; i <= MAX_RUNS; i++) {
                double value = from + i * step;
                if (step > 0 ? value > to + tolerance : value < to - tolerance) {
                    break;
                }
                values.add(value);
            }
        }
        SourceLocation where = call.location();
        return values.stream()
                .map(v -> (Expression) new Expression.NumberLiteral(where, ExpressionText.number(v), v))
                .toList();
    }
}
