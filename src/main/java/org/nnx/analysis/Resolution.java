package org.nnx.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nnx.dsl.ast.Argument;
import org.nnx.dsl.ast.Setting;
import org.nnx.dsl.ast.Statement;
import org.nnx.registry.ComponentKind;
import org.nnx.spi.Arguments;
import org.nnx.spi.ComponentCall;

/**
 * Reads a definition's values through the binder, by each statement's form. Problems go to the given
 * diagnostics; checks that depend on values another check validates pass a throwaway {@link Diagnostics}
 * and stop on empty.
 */
final class Resolution {
    private Resolution() {
    }

    /** Checks one statement by its form; the value when it is valid: {@link Arguments} or {@link ComponentCall}. */
    static Optional<Object> bind(StatementSpec spec, Setting setting, AnalysisContext context, Diagnostics diagnostics) {
        List<Argument> arguments = setting.arguments();
        switch (spec.form()) {
            case VALUES -> {
                return context.binder().bind(spec.quoted(), setting.name().location(), arguments, spec.parameters(),
                        diagnostics).map(Object.class::cast);
            }
            case COMPONENT, MODE -> {
                String what = spec.form() == StatementSpec.Form.MODE ? "mode" : spec.component().label();
                String aWhat = (what.startsWith("o") || what.startsWith("i") ? "an " : "a ") + what;
                if (arguments.isEmpty()) {
                    diagnostics.error(setting.name().location(), spec.quoted() + " needs " + aWhat + " name");
                    return Optional.empty();
                }
                Argument first = arguments.get(0);
                if (first.name().isPresent()) {
                    diagnostics.error(first.location(), spec.quoted() + " must start with " + aWhat
                            + " name, before any option");
                    return Optional.empty();
                }
                List<Argument> options = arguments.subList(1, arguments.size());
                Optional<ComponentCall> call = spec.form() == StatementSpec.Form.MODE
                        ? context.binder().mode(spec.quoted(), spec.modes(), first.value(), options, diagnostics)
                        : context.binder().component(spec.component(), spec.quoted(), first.value(), options, diagnostics);
                return call.map(Object.class::cast);
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    /** The component or mode a statement names, with its arguments; empty when absent or not valid. */
    static Optional<ComponentCall> component(DefinitionView definition, String statement, AnalysisContext context,
                                             Diagnostics diagnostics) {
        StatementSpec spec = Statements.get(definition.kind(), statement);
        return definition.setting(statement)
                .flatMap(setting -> bind(spec, setting, context, diagnostics))
                .map(ComponentCall.class::cast);
    }

    /** A plain statement's values, or its defaults when it is absent and has them. */
    static Optional<Arguments> values(DefinitionView definition, String statement, AnalysisContext context,
                                      Diagnostics diagnostics) {
        StatementSpec spec = Statements.get(definition.kind(), statement);
        Optional<Setting> setting = definition.setting(statement);
        if (setting.isEmpty()) {
            return spec.parameters().get(0).required()
                    ? Optional.empty()
                    : context.binder().bind(spec.quoted(), definition.definition().name().location(), List.of(),
                            spec.parameters(), diagnostics);
        }
        return bind(spec, setting.get(), context, diagnostics).map(Arguments.class::cast);
    }

    /** The layers of the model with their arguments; empty when any of them is not valid. */
    static Optional<List<ComponentCall>> layers(DefinitionView definition, AnalysisContext context,
                                                Diagnostics diagnostics) {
        if (definition.model().isEmpty()) {
            return Optional.empty();
        }
        List<ComponentCall> layers = new ArrayList<>();
        for (Statement statement : definition.model().get().layers()) {
            if (!(statement instanceof Setting layer)) {
                return Optional.empty();
            }
            String name = layer.name().name();
            var factory = context.registry().find(ComponentKind.LAYER, name);
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
    static long seed(DefinitionView definition, AnalysisContext context) {
        return values(definition, "seed", context, new Diagnostics()).map(a -> a.integer("seed")).orElse(0L);
    }
}
