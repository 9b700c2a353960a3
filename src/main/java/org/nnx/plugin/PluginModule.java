package org.nnx.plugin;

import com.google.inject.AbstractModule;
import org.nnx.registry.ComponentKind;
import org.nnx.registry.PluginOrigin;
import org.nnx.spi.Component;
import org.nnx.spi.DatasetFactory;
import org.nnx.spi.InitializerFactory;
import org.nnx.spi.LayerFactory;
import org.nnx.spi.LossFactory;
import org.nnx.spi.NnxPlugin;
import org.nnx.spi.OptimizerFactory;

/**
 * The Guice module a plugin yields: each of its factories bound under its qualified name ({@link PluginOrigin#qualify}) through
 * {@link NnxBinders}. A jar's factories arrive already wrapped ({@link PluginContributions#fromJar}).
 */
public final class PluginModule extends AbstractModule {
    private final PluginContributions contributions;

    public PluginModule(PluginContributions contributions) {
        this.contributions = contributions;
    }

    /** A plugin that is part of nnx, used as it is. */
    public PluginModule(NnxPlugin plugin) {
        this(PluginContributions.builtIn(plugin));
    }

    @Override
    protected void configure() {
        // Touch every binder so that an empty map, rather than a missing binding, results when no plugin
        // contributes a kind.
        PluginOrigin origin = contributions.origin();
        var layers = NnxBinders.layers(binder());
        var losses = NnxBinders.losses(binder());
        var optimizers = NnxBinders.optimizers(binder());
        var initializers = NnxBinders.initializers(binder());
        var datasets = NnxBinders.datasets(binder());
        for (Component c : contributions.byKind().get(ComponentKind.LAYER)) {
            layers.addBinding(origin.qualify(c.name())).toInstance((LayerFactory) c);
        }
        for (Component c : contributions.byKind().get(ComponentKind.LOSS)) {
            losses.addBinding(origin.qualify(c.name())).toInstance((LossFactory) c);
        }
        for (Component c : contributions.byKind().get(ComponentKind.OPTIMIZER)) {
            optimizers.addBinding(origin.qualify(c.name())).toInstance((OptimizerFactory) c);
        }
        for (Component c : contributions.byKind().get(ComponentKind.INITIALIZER)) {
            initializers.addBinding(origin.qualify(c.name())).toInstance((InitializerFactory) c);
        }
        for (Component c : contributions.byKind().get(ComponentKind.DATASET)) {
            datasets.addBinding(origin.qualify(c.name())).toInstance((DatasetFactory) c);
        }
    }
}
