package org.nnx.plugin;

import com.google.inject.AbstractModule;
import org.nnx.spi.NnxPlugin;

/** The Guice module a plugin yields: each of its factories bound under its DSL name. */
public final class PluginModule extends AbstractModule {
    private final NnxPlugin plugin;

    public PluginModule(NnxPlugin plugin) {
        this.plugin = plugin;
    }

    @Override
    protected void configure() {
        // Touch every binder so that an empty map, rather than a missing binding, results when no plugin
        // contributes a kind.
        var layers = NnxBinders.layers(binder());
        var losses = NnxBinders.losses(binder());
        var optimizers = NnxBinders.optimizers(binder());
        var initializers = NnxBinders.initializers(binder());
        var datasets = NnxBinders.datasets(binder());
        plugin.layers().forEach(f -> layers.addBinding(f.name()).toInstance(f));
        plugin.losses().forEach(f -> losses.addBinding(f.name()).toInstance(f));
        plugin.optimizers().forEach(f -> optimizers.addBinding(f.name()).toInstance(f));
        plugin.initializers().forEach(f -> initializers.addBinding(f.name()).toInstance(f));
        plugin.datasets().forEach(f -> datasets.addBinding(f.name()).toInstance(f));
    }
}
