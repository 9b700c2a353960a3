package org.nnx.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nnx.dsl.ast.ModelBlock;
import org.nnx.dsl.ast.Setting;
import org.nnx.dsl.ast.Statement;
import org.nnx.model.Formula;
import org.nnx.registry.ComponentKind;
import org.nnx.spi.Arguments;
import org.nnx.spi.ComponentCall;
import org.nnx.spi.Dataset;
import org.nnx.spi.DatasetContext;
import org.nnx.spi.DatasetException;

/**
 * One run's definition with every statement bound once into typed values: {@link Arguments} for plain
 * statements (their defaults when absent), a {@link ComponentCall} for components and modes, the model's
 * layers, an objective's formula and start point. Binding reports every problem it finds; a value that did
 * not bind is absent, and the checks that need it stay silent. The checks and the plan read these values
 * and never bind a statement again.
 */
final class BoundDefinition {
    private final DefinitionView view;
    private final Map<String, Arguments> values = new HashMap<>();
    private final Map<String, ComponentCall> components = new HashMap<>();
    private final Optional<List<ComponentCall>> layers;
    private final Optional<Formula> minimize;
    private final Optional<List<Double>> start;

    private BoundDefinition(DefinitionView view, AnalysisContext context, Diagnostics diagnostics) {
        this.view = view;
        for (Setting setting : view.settings()) {
            Optional<StatementSpec> spec =
                    Statements.find(view.kind(), setting.name().name());
            if (spec.isEmpty()) {
                continue;
            }
            // Every statement is bound, so each reports its problems; the first of a name is the one that counts.
            Resolution.bind(spec.get(), setting, context, diagnostics).ifPresent(value -> {
                if (value instanceof ComponentCall call) {
                    components.putIfAbsent(spec.get().name(), call);
                } else {
                    values.putIfAbsent(spec.get().name(), (Arguments) value);
                }
            });
        }
        for (StatementSpec spec : Statements.all(view.kind())) {
            boolean defaulted = spec.form() == StatementSpec.Form.VALUES
                    && view.setting(spec.name()).isEmpty()
                    && !spec.parameters().get(0).required();
            if (defaulted) {
                context.binder()
                        .bind(
                                spec.quoted(),
                                view.definition().name().location(),
                                List.of(),
                                spec.parameters(),
                                diagnostics)
                        .ifPresent(arguments -> values.put(spec.name(), arguments));
            }
        }
        this.layers = view.model().flatMap(model -> layers(model, context, diagnostics));
        this.start = view.setting("start").flatMap(s -> Formulas.start(s, diagnostics));
        int coordinates = start.map(List::size).orElse(-1);
        this.minimize = view.setting("minimize").flatMap(s -> Formulas.minimize(s, coordinates, diagnostics));
    }

    /** Binds every statement of {@code view}, reporting each problem to {@code diagnostics}. */
    static BoundDefinition bind(DefinitionView view, AnalysisContext context, Diagnostics diagnostics) {
        return new BoundDefinition(view, context, diagnostics);
    }

    DefinitionView view() {
        return view;
    }

    /** A plain statement's values: as written, or its defaults; empty when it is absent or did not bind. */
    Optional<Arguments> values(String statement) {
        return Optional.ofNullable(values.get(statement));
    }

    /** The component or mode a statement names; empty when it is absent or did not bind. */
    Optional<ComponentCall> component(String statement) {
        return Optional.ofNullable(components.get(statement));
    }

    /** The model's layers with their arguments; empty when there is no model or any layer did not bind. */
    Optional<List<ComponentCall>> layers() {
        return layers;
    }

    Optional<Formula> minimize() {
        return minimize;
    }

    Optional<List<Double>> start() {
        return start;
    }

    /**
     * The data the {@code dataset} statement names, loaded once for all checks (the loader keeps it); empty when
     * the statement did not bind. {@link ModelFitsDataset} reports data that does not load.
     *
     * @throws DatasetException when the data is missing or malformed
     */
    Optional<Dataset> dataset(AnalysisContext context) throws DatasetException {
        Optional<ComponentCall> call = component("dataset");
        if (call.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(context.datasets()
                .load(call.get().name(), call.get().arguments(), new DatasetContext(view.baseDirectory(), seed())));
    }

    /** {@link #dataset}, or empty when it does not load, for checks that leave that to {@link ModelFitsDataset}. */
    Optional<Dataset> loadedDataset(AnalysisContext context) {
        try {
            return dataset(context);
        } catch (DatasetException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The seed, 0 when it did not bind. */
    long seed() {
        return values("seed").map(a -> a.integer("seed")).orElse(0L);
    }

    /** A value the checks guarantee once they pass: its absence is a bug in a check. */
    Arguments required(String statement) {
        return values(statement).orElseThrow(() -> new IllegalStateException("'" + statement + "' was not bound"));
    }

    private static Optional<List<ComponentCall>> layers(
            ModelBlock model, AnalysisContext context, Diagnostics diagnostics) {
        List<ComponentCall> layers = new ArrayList<>();
        boolean complete = !model.layers().isEmpty();
        for (Statement statement : model.layers()) {
            if (!(statement instanceof Setting layer)) {
                complete = false;
                continue;
            }
            String name = layer.name().name();
            var factory = context.registry().find(ComponentKind.LAYER, name);
            if (factory.isEmpty() && context.binder().unusable(ComponentKind.LAYER, layer.name(), diagnostics)) {
                complete = false;
                continue;
            }
            if (factory.isEmpty()) {
                diagnostics.error(
                        layer.name().location(),
                        context.registry()
                                .ambiguity(ComponentKind.LAYER, name)
                                .orElseGet(() -> Suggestions.unknown(
                                        "layer", name, context.registry().names(ComponentKind.LAYER))));
                complete = false;
                continue;
            }
            Optional<Arguments> arguments = context.binder()
                    .bind(
                            "layer '" + name + "'",
                            layer.name().location(),
                            layer.arguments(),
                            factory.get().parameters(),
                            diagnostics);
            if (arguments.isEmpty()) {
                complete = false;
                continue;
            }
            layers.add(new ComponentCall(name, arguments.get()));
        }
        return complete ? Optional.of(List.copyOf(layers)) : Optional.empty();
    }
}
