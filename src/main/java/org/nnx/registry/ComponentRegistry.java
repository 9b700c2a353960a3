package org.nnx.registry;

import java.util.Collections;
import java.util.EnumMap;
import java.util.IdentityHashMap;
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
 */
public final class ComponentRegistry {
    private final Map<ComponentKind, Map<String, Component>> components = new EnumMap<>(ComponentKind.class);
    private final Map<Component, PluginOrigin> sources;

    /**
     * @param sources where each component came from, by identity; a component not in it is built in
     */
    public ComponentRegistry(
            Map<String, LayerFactory> layers,
            Map<String, LossFactory> losses,
            Map<String, OptimizerFactory> optimizers,
            Map<String, InitializerFactory> initializers,
            Map<String, DatasetFactory> datasets,
            Map<Component, PluginOrigin> sources) {
        components.put(ComponentKind.LAYER, Collections.unmodifiableMap(new TreeMap<>(layers)));
        components.put(ComponentKind.LOSS, Collections.unmodifiableMap(new TreeMap<>(losses)));
        components.put(ComponentKind.OPTIMIZER, Collections.unmodifiableMap(new TreeMap<>(optimizers)));
        components.put(ComponentKind.INITIALIZER, Collections.unmodifiableMap(new TreeMap<>(initializers)));
        components.put(ComponentKind.DATASET, Collections.unmodifiableMap(new TreeMap<>(datasets)));
        // By identity: two plugins' factories may well be equal records, and each must keep its own jar.
        this.sources = Collections.unmodifiableMap(new IdentityHashMap<>(sources));
    }

    public Optional<Component> find(ComponentKind kind, String name) {
        return Optional.ofNullable(components.get(kind).get(name));
    }

    /** The names of one kind, sorted. */
    public SortedSet<String> names(ComponentKind kind) {
        return Collections.unmodifiableSortedSet(
                new TreeSet<>(components.get(kind).keySet()));
    }

    /** All components of one kind by name, sorted by name. */
    public Map<String, Component> all(ComponentKind kind) {
        return components.get(kind);
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
        Component component = components.get(kind).get(name);
        if (component == null) {
            // Plans are checked against this registry before they run, so this is a bug, not bad input.
            throw new IllegalStateException("no " + kind.label() + " named '" + name + "' is registered");
        }
        return type.cast(component);
    }
}
