package org.nnx.train;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import org.nnx.model.RunConfig;
import org.nnx.registry.ComponentKind;
import org.nnx.registry.ComponentRegistry;
import org.nnx.registry.PluginOrigin;
import org.nnx.spi.Arguments;
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
        forEachPluginComponent(registry, config, (key, origin) -> entries.put(key, origin.describe()));
        return entries;
    }

    /** The file names of the jars whose components the run uses, in the order the run names them; empty for none. */
    public static Set<String> jars(ComponentRegistry registry, RunConfig config) {
        Set<String> jars = new LinkedHashSet<>();
        forEachPluginComponent(registry, config, (key, origin) -> jars.add(origin.jar()));
        return jars;
    }

    /** The file name of the jar whose dataset the run learns from; empty for a built-in dataset. */
    public static Optional<String> datasetJar(ComponentRegistry registry, RunConfig config) {
        return registry.find(ComponentKind.DATASET, config.dataset().name())
                .map(registry::origin)
                .filter(origin -> !origin.builtIn())
                .map(PluginOrigin::jar);
    }

    private static void forEachPluginComponent(
            ComponentRegistry registry, RunConfig config, BiConsumer<String, PluginOrigin> found) {
        add(found, registry, ComponentKind.DATASET, config.dataset());
        for (ComponentCall layer : config.layers()) {
            add(found, registry, ComponentKind.LAYER, layer);
        }
        add(found, registry, ComponentKind.LOSS, config.loss());
        add(found, registry, ComponentKind.OPTIMIZER, config.optimizer());
    }

    /** One component, and the initializers its arguments name (a plugin's {@code init = …} counts too). */
    private static void add(
            BiConsumer<String, PluginOrigin> found,
            ComponentRegistry registry,
            ComponentKind kind,
            ComponentCall call) {
        String name = call.name();
        Arguments arguments = call.arguments();
        var component = registry.find(kind, name);
        if (component.isEmpty()) {
            return;
        }
        PluginOrigin origin = registry.origin(component.get());
        if (!origin.builtIn()) {
            found.accept("plugin " + kind.label() + " " + name, origin);
        }
        for (ParameterSpec parameter : component.get().parameters()) {
            if (parameter.type() == ParameterType.INITIALIZER && arguments.has(parameter.name())) {
                add(found, registry, ComponentKind.INITIALIZER, arguments.call(parameter.name()));
            }
        }
    }
}
