package org.nnx.plugin;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.util.List;
import java.util.Map;
import org.nnx.registry.ComponentRegistry;
import org.nnx.spi.DatasetFactory;
import org.nnx.spi.InitializerFactory;
import org.nnx.spi.LayerFactory;
import org.nnx.spi.LossFactory;
import org.nnx.spi.NnxPlugin;
import org.nnx.spi.OptimizerFactory;

/** The composition root's module: one {@link PluginModule} per plugin, and the registry made from them. */
public final class RegistryModule extends AbstractModule {
    private final List<NnxPlugin> plugins;

    public RegistryModule(List<NnxPlugin> plugins) {
        this.plugins = List.copyOf(plugins);
    }

    @Override
    protected void configure() {
        plugins.forEach(plugin -> install(new PluginModule(plugin)));
    }

    @Provides
    @Singleton
    ComponentRegistry registry(Map<String, LayerFactory> layers, Map<String, LossFactory> losses,
                               Map<String, OptimizerFactory> optimizers, Map<String, InitializerFactory> initializers,
                               Map<String, DatasetFactory> datasets) {
        return new ComponentRegistry(layers, losses, optimizers, initializers, datasets, Map.of());
    }
}
