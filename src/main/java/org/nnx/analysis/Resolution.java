package org.nnx.analysis;

import java.util.List;
import java.util.Optional;
import org.nnx.dsl.ast.Argument;
import org.nnx.dsl.ast.Setting;
import org.nnx.spi.Arguments;
import org.nnx.spi.ComponentCall;

/** Binds one statement through the argument binder, by the statement's form; problems go to the diagnostics. */
final class Resolution {
    private Resolution() {}

    /** Checks one statement by its form; the value when it is valid: {@link Arguments} or {@link ComponentCall}. */
    static Optional<Object> bind(
            StatementSpec spec, Setting setting, AnalysisContext context, Diagnostics diagnostics) {
        List<Argument> arguments = setting.arguments();
        switch (spec.form()) {
            case VALUES -> {
                return context.binder()
                        .bind(spec.quoted(), setting.name().location(), arguments, spec.parameters(), diagnostics)
                        .map(Object.class::cast);
            }
            case COMPONENT, MODE -> {
                String what = spec.form() == StatementSpec.Form.MODE
                        ? "mode"
                        : spec.component().label();
                String aWhat = (what.startsWith("o") || what.startsWith("i") ? "an " : "a ") + what;
                if (arguments.isEmpty()) {
                    diagnostics.error(setting.name().location(), spec.quoted() + " needs " + aWhat + " name");
                    return Optional.empty();
                }
                Argument first = arguments.get(0);
                if (first.name().isPresent()) {
                    diagnostics.error(
                            first.location(), spec.quoted() + " must start with " + aWhat + " name, before any option");
                    return Optional.empty();
                }
                List<Argument> options = arguments.subList(1, arguments.size());
                Optional<ComponentCall> call = spec.form() == StatementSpec.Form.MODE
                        ? context.binder().mode(spec.quoted(), spec.modes(), first.value(), options, diagnostics)
                        : context.binder()
                                .component(spec.component(), spec.quoted(), first.value(), options, diagnostics);
                return call.map(Object.class::cast);
            }
            default -> {
                return Optional.empty();
            }
        }
    }
}
