package org.nnx.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nnx.dsl.ast.Setting;
import org.nnx.dsl.ast.Statement;
import org.nnx.spi.Arguments;
import org.nnx.spi.ComponentCall;

/**
 * Reads an experiment's values through the binder. Problems go to the given diagnostics; checks that
 * depend on values another check validates pass a throwaway {@link Diagnostics} and stop on empty.
 */
final class Resolution {
    private Resolution() {
    }

    /** The component a {@code dataset}, {@code loss} or {@code optimizer} statement names with its arguments. */
    static Optional<ComponentCall> component(Experiment experiment, String statement, AnalysisContext context,
                                             Diagnostics diagnostics) {
        StatementSpec spec = Statements.find(statement).orElseThrow();
        Optional<Setting> setting = experiment.setting(statement);
        if (setting.isEmpty() || setting.get().arguments().isEmpty() || setting.get().arguments().get(0).name().isPresent()) {
            return Optional.empty();
        }
        var arguments = setting.get().arguments();
        return context.binder().component(spec.component(), spec.quoted(), arguments.get(0).value(),
                arguments.subList(1, arguments.size()), diagnostics);
    }

    /** A plain statement's values, or its defaults when it is absent. */
    static Optional<Arguments> values(Experiment experiment, String statement, AnalysisContext context,
                                      Diagnostics diagnostics) {
        StatementSpec spec = Statements.find(statement).orElseThrow();
        Optional<Setting> setting = experiment.setting(statement);
        if (setting.isEmpty()) {
            return spec.parameters().get(0).required()
                    ? Optional.empty()
                    : context.binder().bind(spec.quoted(), experiment.definition().name().location(), List.of(),
                            spec.parameters(), diagnostics);
        }
        return context.binder().bind(spec.quoted(), setting.get().name().location(), setting.get().arguments(),
                spec.parameters(), diagnostics);
    }

    /** The layers of the model with their arguments; empty when any of them is not valid. */
    static Optional<List<ComponentCall>> layers(Experiment experiment, AnalysisContext context, Diagnostics diagnostics) {
        if (experiment.model().isEmpty()) {
            return Optional.empty();
        }
        List<ComponentCall> layers = new ArrayList<>();
        for (Statement statement : experiment.model().get().layers()) {
            if (!(statement instanceof Setting layer)) {
                return Optional.empty();
            }
            String name = layer.name().name();
            var factory = context.registry().find(org.nnx.registry.ComponentKind.LAYER, name);
            if (factory.isEmpty()) {
                return Optional.empty();
            }
            Optional<Arguments> arguments = context.binder().bind("layer '" + name + "'", layer.name().location(),
                    layer.arguments(), factory.get().parameters(), diagnostics);
            if (arguments.isEmpty()) {
                return Optional.empty();
            }
            layers.add(new ComponentCall(name, arguments.get()));
        }
        return layers.isEmpty() ? Optional.empty() : Optional.of(layers);
    }

    /** The seed statement's value, 0 when absent or not valid. */
    static long seed(Experiment experiment, AnalysisContext context) {
        return values(experiment, "seed", context, new Diagnostics()).map(a -> a.integer("seed")).orElse(0L);
    }
}
