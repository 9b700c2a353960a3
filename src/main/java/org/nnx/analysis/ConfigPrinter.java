package org.nnx.analysis;

import java.util.List;
import java.util.Map;
import org.nnx.model.ComponentUse;
import org.nnx.model.RunConfig;
import org.nnx.model.TrainingLength;
import org.nnx.registry.ComponentRegistry;
import org.nnx.spi.Arguments;
import org.nnx.spi.Component;
import org.nnx.spi.ComponentCall;
import org.nnx.spi.ParameterSpec;
import org.nnx.spi.ParameterType;

/** Writes a run's effective configuration, defaults included, back as {@code .nnx} text. */
final class ConfigPrinter {
    private final ComponentRegistry registry;

    ConfigPrinter(ComponentRegistry registry) {
        this.registry = registry;
    }

    String print(String experiment, String description, List<ComponentUse> writtenLayers, RunConfig config) {
        StringBuilder text = new StringBuilder("experiment ").append(experiment).append(" {\n");
        if (!description.isEmpty()) {
            text.append("    description ").append(quote(description)).append('\n');
        }
        text.append("    dataset ").append(component(registry.dataset(config.dataset().name()), config.dataset(), ", "))
                .append('\n');
        text.append("    model {\n");
        for (ComponentUse layer : writtenLayers) {
            text.append("        ").append(component(registry.layer(layer.name()), layer, " ")).append('\n');
        }
        text.append("    }\n");
        text.append("    loss ").append(component(registry.loss(config.loss().name()), config.loss(), ", ")).append('\n');
        text.append("    optimizer ").append(call(registry.optimizer(config.optimizer().name()),
                new ComponentCall(config.optimizer().name(), config.optimizer().arguments()))).append('\n');
        text.append("    learning_rate ").append(Constants.format(config.learningRate())).append('\n');
        text.append("    batch_size ").append(config.batchSize()).append('\n');
        text.append("    ").append(config.length().unit() == TrainingLength.Unit.EPOCHS ? "epochs " : "iterations ")
                .append(config.length().count()).append('\n');
        text.append("    sampling ").append(config.sampling().name().toLowerCase()).append('\n');
        text.append("    seed ").append(config.seed()).append('\n');
        text.append(config.evaluateEvery() == 0
                ? "    // evaluate_every: once per epoch\n"
                : "    evaluate_every " + config.evaluateEvery() + "\n");
        text.append("}\n");
        return text.toString();
    }

    /** {@code dense 50, init = he, bias = true}: the first required parameter positional, the rest named. */
    private String component(Component component, ComponentUse use, String separator) {
        StringBuilder text = new StringBuilder(use.name());
        boolean first = true;
        for (ParameterSpec parameter : component.parameters()) {
            if (!use.arguments().has(parameter.name())) {
                continue;
            }
            Object value = use.arguments().asMap().get(parameter.name());
            text.append(first ? separator : ", ");
            if (!(first && parameter.required())) {
                text.append(parameter.name()).append(" = ");
            }
            text.append(value(parameter, value));
            first = false;
        }
        return text.toString();
    }

    /** {@code gaussian(std = 0.01)}, or the bare name when it takes nothing. */
    private String call(Component component, ComponentCall call) {
        if (call.arguments().isEmpty()) {
            return call.name();
        }
        StringBuilder text = new StringBuilder(call.name()).append('(');
        boolean first = true;
        for (Map.Entry<String, Object> entry : call.arguments().asMap().entrySet()) {
            ParameterSpec parameter = component.parameters().stream()
                    .filter(p -> p.name().equals(entry.getKey())).findFirst().orElseThrow();
            text.append(first ? "" : ", ").append(entry.getKey()).append(" = ").append(value(parameter, entry.getValue()));
            first = false;
        }
        return text.append(')').toString();
    }

    private String value(ParameterSpec parameter, Object value) {
        if (parameter.type() == ParameterType.STRING) {
            return quote((String) value);
        }
        if (value instanceof ComponentCall call) {
            return call(registry.initializer(call.name()), call);
        }
        return Arguments.formatValue(value);
    }

    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
