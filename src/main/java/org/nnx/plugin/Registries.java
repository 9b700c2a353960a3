package org.nnx.plugin;

import com.google.inject.Guice;
import com.google.inject.Stage;
import java.util.List;
import org.nnx.builtins.BuiltinPlugin;
import org.nnx.registry.ComponentRegistry;
import org.nnx.spi.NnxPlugin;

/** Builds the registry through Guice from the built-ins and any other plugins. */
public final class Registries {
    private Registries() {
    }

    /** The built-ins alone. */
    public static ComponentRegistry builtins() {
        return of(List.of(new BuiltinPlugin()));
    }

    public static ComponentRegistry of(List<NnxPlugin> plugins) {
        return Guice.createInjector(Stage.PRODUCTION, new RegistryModule(plugins)).getInstance(ComponentRegistry.class);
    }
}
