package org.nnx.plugin;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.nnx.registry.ComponentKind;
import org.nnx.registry.PluginOrigin;
import org.nnx.spi.Component;
import org.nnx.spi.DatasetFactory;
import org.nnx.spi.InitializerFactory;
import org.nnx.spi.LayerFactory;
import org.nnx.spi.LossFactory;
import org.nnx.spi.NnxPlugin;
import org.nnx.spi.OptimizerFactory;
import org.nnx.spi.ParameterSpec;

/**
 * What one plugin contributes, asked once at start-up and kept: its factories by kind, and where they come
 * from. A jar's factories are wrapped ({@link PluginLayerFactory}, {@link PluginGuard}) so that nnx
 * never calls the plugin's code for a name, a description or a schema again, and so that anything the
 * plugin throws later names its jar.
 */
public record PluginContributions(PluginOrigin origin, Map<ComponentKind, List<Component>> byKind) {
    /** The names a file can use: the language's names. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public PluginContributions {
        Map<ComponentKind, List<Component>> copy = new LinkedHashMap<>();
        for (ComponentKind kind : ComponentKind.values()) {
            copy.put(kind, List.copyOf(byKind.getOrDefault(kind, List.of())));
        }
        byKind = Collections.unmodifiableMap(copy);
    }

    /** Why a jar's plugin cannot be used; the message is the reason the warning gives. */
    static final class Rejected extends Exception {
        Rejected(String reason) {
            super(reason);
        }
    }

    /** A plugin that is part of nnx (the built-ins, or one given in-process): used as it is. */
    public static PluginContributions builtIn(NnxPlugin plugin) {
        Map<ComponentKind, List<Component>> byKind = new LinkedHashMap<>();
        byKind.put(ComponentKind.LAYER, List.copyOf(plugin.layers()));
        byKind.put(ComponentKind.LOSS, List.copyOf(plugin.losses()));
        byKind.put(ComponentKind.OPTIMIZER, List.copyOf(plugin.optimizers()));
        byKind.put(ComponentKind.INITIALIZER, List.copyOf(plugin.initializers()));
        byKind.put(ComponentKind.DATASET, List.copyOf(plugin.datasets()));
        PluginOrigin origin = plugin.name().equals(PluginOrigin.BUILT_IN.plugin())
                ? PluginOrigin.BUILT_IN
                : new PluginOrigin(plugin.name(), null, null, null, null);
        return new PluginContributions(origin, byKind);
    }

    /**
     * A jar's plugin: every list and every factory's name, description and schema asked for now, checked,
     * and kept; its factories wrapped.
     *
     * @throws Rejected when the plugin throws, returns null, or names something the language cannot write
     */
    static PluginContributions fromJar(NnxPlugin plugin, PluginOrigin origin) throws Rejected {
        String type = plugin.getClass().getName();
        Map<ComponentKind, List<Component>> byKind = new LinkedHashMap<>();
        for (LayerFactory factory : list(type + ".layers()", plugin::layers)) {
            Snapshot s = snapshot(ComponentKind.LAYER, factory);
            add(
                    byKind,
                    ComponentKind.LAYER,
                    new PluginLayerFactory(factory, origin, s.name, s.description, s.parameters));
        }
        guard(byKind, origin, ComponentKind.LOSS, LossFactory.class, list(type + ".losses()", plugin::losses));
        guard(
                byKind,
                origin,
                ComponentKind.OPTIMIZER,
                OptimizerFactory.class,
                list(type + ".optimizers()", plugin::optimizers));
        guard(
                byKind,
                origin,
                ComponentKind.INITIALIZER,
                InitializerFactory.class,
                list(type + ".initializers()", plugin::initializers));
        guard(
                byKind,
                origin,
                ComponentKind.DATASET,
                DatasetFactory.class,
                list(type + ".datasets()", plugin::datasets));
        return new PluginContributions(origin, byKind);
    }

    /** Every contribution, kind by kind. */
    public List<Component> all() {
        List<Component> all = new ArrayList<>();
        byKind.values().forEach(all::addAll);
        return all;
    }

    /** {@code layers swish; optimizers lion; datasets xor}: for {@code nnx plugins}. */
    public String summary() {
        List<String> parts = new ArrayList<>();
        byKind.forEach((kind, components) -> {
            if (!components.isEmpty()) {
                parts.add(kind.label()
                        + (components.size() == 1 ? " " : "s ")
                        + String.join(
                                ", ", components.stream().map(Component::name).toList()));
            }
        });
        return parts.isEmpty() ? "nothing" : String.join("; ", parts);
    }

    /** Each factory guarded ({@link PluginGuard}), answering what it said at start-up without asking again. */
    private static <T extends Component> void guard(
            Map<ComponentKind, List<Component>> byKind,
            PluginOrigin origin,
            ComponentKind kind,
            Class<T> type,
            List<T> factories)
            throws Rejected {
        for (T factory : factories) {
            Snapshot s = snapshot(kind, factory);
            Map<String, Object> answers =
                    new HashMap<>(Map.of("name", s.name, "description", s.description, "parameters", s.parameters));
            if (kind == ComponentKind.LOSS && factory instanceof LossFactory loss) {
                String what = factory.getClass().getName() + ".appliesSoftmax()";
                answers.put("appliesSoftmax", ask(what, loss::appliesSoftmax));
            }
            add(byKind, kind, new PluginGuard(kind, s.name, origin).guard(type, factory, answers));
        }
    }

    private record Snapshot(String name, String description, List<ParameterSpec> parameters) {}

    private static Snapshot snapshot(ComponentKind kind, Component factory) throws Rejected {
        String type = factory.getClass().getName();
        String name = ask(type + ".name()", factory::name);
        if (name == null || !NAME.matcher(name).matches()) {
            throw new Rejected(kind.label() + " factory " + type + " is named "
                    + (name == null ? "null" : "'" + name + "'") + ", which a file cannot write"
                    + " (a name is a letter or _ followed by letters, digits or _)");
        }
        String description = ask(type + ".description()", factory::description);
        List<ParameterSpec> parameters = ask(type + ".parameters()", factory::parameters);
        if (parameters == null || parameters.stream().anyMatch(Objects::isNull)) {
            throw new Rejected(type + ".parameters() returned " + (parameters == null ? "null" : "a null parameter"));
        }
        List<String> seen = new ArrayList<>();
        for (ParameterSpec parameter : parameters) {
            if (seen.contains(parameter.name())) {
                throw new Rejected(
                        kind.label() + " '" + name + "' has two parameters named '" + parameter.name() + "'");
            }
            seen.add(parameter.name());
        }
        return new Snapshot(name, description == null ? "" : description, List.copyOf(parameters));
    }

    private static <T> List<T> list(String what, Supplier<List<T>> call) throws Rejected {
        List<T> list = ask(what, call);
        if (list == null || list.stream().anyMatch(Objects::isNull)) {
            throw new Rejected(what + " returned " + (list == null ? "null" : "a null factory"));
        }
        return List.copyOf(list);
    }

    /** Calls the plugin; whatever it throws becomes the reason it is rejected, naming the method. */
    private static <T> T ask(String what, Supplier<T> call) throws Rejected {
        try {
            return call.get();
        } catch (RuntimeException | LinkageError e) {
            throw new Rejected(RejectionReasons.of(what, e));
        }
    }

    private static void add(Map<ComponentKind, List<Component>> byKind, ComponentKind kind, Component component) {
        byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(component);
    }
}
