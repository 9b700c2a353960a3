package org.nnx.plugin;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.nnx.registry.ComponentRegistry;
import org.nnx.registry.PluginOrigin;
import org.nnx.spi.Component;
import org.nnx.spi.DatasetFactory;
import org.nnx.spi.InitializerFactory;
import org.nnx.spi.LayerFactory;
import org.nnx.spi.LossFactory;
import org.nnx.spi.OptimizerFactory;

/**
 * The composition root's module: one {@link PluginModule} per plugin, built-ins and jars alike, and the
 * registry made from what they bind, each component with the jar it came from.
 */
public final class RegistryModule extends AbstractModule {
    private final List<PluginContributions> plugins;

    public RegistryModule(List<PluginContributions> plugins) {
        this.plugins = List.copyOf(plugins);
    }

    @Override
    protected void configure() {
        plugins.forEach(plugin -> install(new PluginModule(plugin)));
    }

    @Provides
    @Singleton
    ComponentRegistry registry(
            Map<String, LayerFactory> layers,
            Map<String, LossFactory> losses,
            Map<String, OptimizerFactory> optimizers,
            Map<String, InitializerFactory> initializers,
            Map<String, DatasetFactory> datasets) {
        Map<Component, PluginOrigin> sources = new IdentityHashMap<>();
        for (PluginContributions plugin : plugins) {
            if (plugin.origin() != PluginOrigin.BUILT_IN) {
                plugin.all().forEach(component -> sources.put(component, plugin.origin()));
            }
        }
        return new ComponentRegistry(layers, losses, optimizers, initializers, datasets, sources);
    }
}
