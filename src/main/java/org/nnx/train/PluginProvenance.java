package org.nnx.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nnx.model.RunConfig;
import org.nnx.registry.ComponentKind;
import org.nnx.registry.ComponentRegistry;
import org.nnx.registry.PluginOrigin;
import org.nnx.spi.Arguments;
import org.nnx.spi.Component;
import org.nnx.spi.ComponentCall;
import org.nnx.spi.ParameterSpec;
import org.nnx.spi.ParameterType;

/**
 * Which jar supplied each plugin component a run uses, for the run's provenance:
 * {@code plugin layer swish → acme-layers.jar 1.0 sha256:…}. Built-ins are not listed; nnx's own version
 * already names them.
 */
public final class PluginProvenance {
    private PluginProvenance() {}

    /** The entries for one run, keyed {@code plugin KIND NAME}, in the order the run names them. */
    public static Map<String, String> of(ComponentRegistry registry, RunConfig config) {
        Map<String, String> entries = new LinkedHashMap<>();
        add(entries, registry, ComponentKind.DATASET, config.dataset());
        for (ComponentCall layer : config.layers()) {
            add(entries, registry, ComponentKind.LAYER, layer);
        }
        add(entries, registry, ComponentKind.LOSS, config.loss());
        add(entries, registry, ComponentKind.OPTIMIZER, config.optimizer());
        return entries;
    }

    /** One component, and the initializers its arguments name (a plugin's {@code init = …} counts too). */
    private static void add(
            Map<String, String> entries, ComponentRegistry registry, ComponentKind kind, ComponentCall call) {
        String name = call.name();
        Arguments arguments = call.arguments();
        var found = registry.find(kind, name);
        if (found.isEmpty()) {
            return;
        }
        Component component = found.get();
        PluginOrigin origin = registry.origin(component);
        if (!origin.builtIn()) {
            entries.put("plugin " + kind.label() + " " + name, origin.describe());
        }
        List<ParameterSpec> parameters = component.parameters();
        for (ParameterSpec parameter : parameters) {
            if (parameter.type() == ParameterType.INITIALIZER && arguments.has(parameter.name())) {
                add(entries, registry, ComponentKind.INITIALIZER, arguments.call(parameter.name()));
            }
        }
    }
}
