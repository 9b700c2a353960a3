package org.nnx.registry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.nnx.spi.Component;
import org.nnx.spi.DatasetFactory;
import org.nnx.spi.InitializerFactory;
import org.nnx.spi.LayerFactory;
import org.nnx.spi.LossFactory;
import org.nnx.spi.OptimizerFactory;

/**
 * Every layer, loss, optimizer, initializer and dataset that can be named in a file, built-in or from a
 * plugin, by kind and name. Immutable; made once at start-up.
 *
 * <p>Every component has a qualified name, {@code plugin.name} ({@link PluginOrigin#qualifier()}:
 * {@code nnx.relu}, {@code acme.gelu}), which never clashes. Its short name, {@code gelu}, also names it
 * while one source alone gives that name; a short name given by two sources names neither, and a file that
 * writes it is told the qualified choices ({@link #ambiguity}).
 */
public final class ComponentRegistry {
    private final Map<ComponentKind, Map<String, Component>> qualified = new EnumMap<>(ComponentKind.class);
    private final Map<ComponentKind, Map<String, Component>> unique = new EnumMap<>(ComponentKind.class);
    private final Map<ComponentKind, Map<String, List<String>>> ambiguous = new EnumMap<>(ComponentKind.class);
    private final Map<Component, PluginOrigin> sources;
    /** Why each name of a component that cannot be used names nothing, short and qualified, by kind. */
    private final Map<ComponentKind, Map<String, String>> unusable = new EnumMap<>(ComponentKind.class);

    /**
     * @param layers  every layer by qualified name, {@code nnx.dense}; likewise the other kinds
     * @param sources where each component came from, by identity; a component not in it is built in
     */
    public ComponentRegistry(
            Map<String, LayerFactory> layers,
            Map<String, LossFactory> losses,
            Map<String, OptimizerFactory> optimizers,
            Map<String, InitializerFactory> initializers,
            Map<String, DatasetFactory> datasets,
            Map<Component, PluginOrigin> sources) {
        index(ComponentKind.LAYER, layers);
        index(ComponentKind.LOSS, losses);
        index(ComponentKind.OPTIMIZER, optimizers);
        index(ComponentKind.INITIALIZER, initializers);
        index(ComponentKind.DATASET, datasets);
        // By identity: two plugins' factories may well be equal records, and each must keep its own jar.
        this.sources = Collections.unmodifiableMap(new IdentityHashMap<>(sources));
        for (ComponentKind kind : ComponentKind.values()) {
            unusable.put(kind, Map.of());
        }
    }

    private ComponentRegistry(
            Map<ComponentKind, Map<String, Component>> byQualifiedName,
            Map<Component, PluginOrigin> sources,
            Map<ComponentKind, Map<String, String>> unusable) {
        byQualifiedName.forEach(this::index);
        this.sources = sources;
        unusable.forEach((kind, reasons) -> this.unusable.put(kind, Collections.unmodifiableMap(reasons)));
    }

    /**
     * A component of a plugin jar that cannot be used, known by its names alone.
     *
     * @param reason why, naming the jar: {@code ending.jar: plugin called System.exit(3) while the file was checked}
     */
    public record Unusable(ComponentKind kind, String name, String qualifiedName, String reason) {}

    /**
     * This registry without the components of the jars in {@code reasons} (by file name), and with {@code others}:
     * each of their names, short and qualified, then names nothing a file can use, and {@link #unusable} says why.
     * No code of those jars runs here.
     */
    public ComponentRegistry withUnusable(Map<String, String> reasons, List<Unusable> others) {
        List<Unusable> all = new ArrayList<>(others);
        Map<ComponentKind, Map<String, Component>> kept = new EnumMap<>(ComponentKind.class);
        for (ComponentKind kind : ComponentKind.values()) {
            Map<String, Component> components = new TreeMap<>();
            qualified.get(kind).forEach((name, component) -> {
                PluginOrigin origin = origin(component);
                String reason = origin.builtIn() ? null : reasons.get(origin.jar());
                if (reason == null) {
                    components.put(name, component);
                } else {
                    all.add(new Unusable(kind, component.name(), name, reason));
                }
            });
            kept.put(kind, components);
        }
        Map<ComponentKind, Map<String, String>> why = new EnumMap<>(ComponentKind.class);
        for (ComponentKind kind : ComponentKind.values()) {
            why.put(kind, new TreeMap<>(unusable.get(kind)));
        }
        for (Unusable component : all) {
            why.get(component.kind()).putIfAbsent(component.name(), component.reason());
            why.get(component.kind()).putIfAbsent(component.qualifiedName(), component.reason());
        }
        return new ComponentRegistry(kept, sources, why);
    }

    /**
     * Why {@code name} names a component that cannot be used ({@link #withUnusable}); empty when it names one that
     * can, or none at all.
     */
    public Optional<String> unusable(ComponentKind kind, String name) {
        return find(kind, name).isPresent()
                ? Optional.empty()
                : Optional.ofNullable(unusable.get(kind).get(name));
    }

    /** Whether any name of this registry names a component that cannot be used. */
    public boolean hasUnusable() {
        return unusable.values().stream().anyMatch(names -> !names.isEmpty());
    }

    private void index(ComponentKind kind, Map<String, ? extends Component> byQualifiedName) {
        Map<String, Component> all = new TreeMap<>(byQualifiedName);
        Map<String, List<String>> byShortName = new TreeMap<>();
        all.forEach((name, component) -> byShortName
                .computeIfAbsent(component.name(), n -> new ArrayList<>())
                .add(name));
        Map<String, Component> shortNames = new TreeMap<>();
        Map<String, List<String>> clashes = new TreeMap<>();
        byShortName.forEach((name, choices) -> {
            if (choices.size() == 1) {
                shortNames.put(name, all.get(choices.get(0)));
            } else {
                clashes.put(name, List.copyOf(choices));
            }
        });
        qualified.put(kind, Collections.unmodifiableMap(all));
        unique.put(kind, Collections.unmodifiableMap(shortNames));
        ambiguous.put(kind, Collections.unmodifiableMap(clashes));
    }

    /** The component a file names, by its short name (when only one source gives it) or its qualified name. */
    public Optional<Component> find(ComponentKind kind, String name) {
        Component component = unique.get(kind).get(name);
        return Optional.ofNullable(
                component != null ? component : qualified.get(kind).get(name));
    }

    /**
     * Why a short name given by two sources names nothing: {@code optimizer 'adagrad' is given by
     * nnx's built-ins and adagrad.jar; write nnx.adagrad or fancy.adagrad}; empty for any other name.
     */
    public Optional<String> ambiguity(ComponentKind kind, String name) {
        List<String> choices = ambiguous.get(kind).get(name);
        if (choices == null) {
            return Optional.empty();
        }
        List<String> givers = new ArrayList<>();
        for (String choice : choices) {
            givers.add(giver(origin(qualified.get(kind).get(choice))));
        }
        return Optional.of(kind.label() + " '" + name + "' is given by " + orList(givers, " and ") + "; write "
                + orList(choices, " or "));
    }

    private static String giver(PluginOrigin origin) {
        if (origin == PluginOrigin.BUILT_IN) {
            return "nnx's built-ins";
        }
        return origin.builtIn() ? "plugin '" + origin.plugin() + "'" : origin.jar();
    }

    private static String orList(List<String> items, String last) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + last + items.get(items.size() - 1);
    }

    /** The short names of one kind, sorted: the names a misspelt name is compared with. */
    public SortedSet<String> names(ComponentKind kind) {
        TreeSet<String> names = new TreeSet<>(unique.get(kind).keySet());
        names.addAll(ambiguous.get(kind).keySet());
        return Collections.unmodifiableSortedSet(names);
    }

    /**
     * Every component of one kind once, sorted by name, under the name a file writes for it: its short name
     * when only one source gives it, else its qualified name.
     */
    public Map<String, Component> all(ComponentKind kind) {
        Map<String, Component> all = new TreeMap<>(unique.get(kind));
        ambiguous
                .get(kind)
                .values()
                .forEach(choices -> choices.forEach(
                        choice -> all.put(choice, qualified.get(kind).get(choice))));
        return Collections.unmodifiableMap(all);
    }

    /** Every name of one kind a file may write, short and qualified, with the component it names. */
    public Map<String, Component> resolvable(ComponentKind kind) {
        Map<String, Component> all = new LinkedHashMap<>(unique.get(kind));
        all.putAll(qualified.get(kind));
        return Collections.unmodifiableMap(all);
    }

    /** Where a component came from: {@code built-in} or the jar that contributed it, with its version. */
    public String source(Component component) {
        return origin(component).labelWithVersion();
    }

    /** Where a component came from: {@link PluginOrigin#BUILT_IN} or the jar that contributed it. */
    public PluginOrigin origin(Component component) {
        return sources.getOrDefault(component, PluginOrigin.BUILT_IN);
    }

    public LayerFactory layer(String name) {
        return get(ComponentKind.LAYER, name, LayerFactory.class);
    }

    public LossFactory loss(String name) {
        return get(ComponentKind.LOSS, name, LossFactory.class);
    }

    public OptimizerFactory optimizer(String name) {
        return get(ComponentKind.OPTIMIZER, name, OptimizerFactory.class);
    }

    public InitializerFactory initializer(String name) {
        return get(ComponentKind.INITIALIZER, name, InitializerFactory.class);
    }

    public DatasetFactory dataset(String name) {
        return get(ComponentKind.DATASET, name, DatasetFactory.class);
    }

    private <T extends Component> T get(ComponentKind kind, String name, Class<T> type) {
        // Plans are checked against this registry before they run, so a name it lacks is a bug, not bad input.
        return type.cast(find(kind, name)
                .orElseThrow(
                        () -> new IllegalStateException("no " + kind.label() + " named '" + name + "' is registered")));
    }
}
