package org.nnx.plugin;

import java.security.CodeSource;
import java.util.List;
import java.util.ServiceLoader;
import org.nnx.spi.NnxPlugin;

/**
 * Finds nnx's own plugins the way {@link PluginLoader} finds a jar's: with {@link ServiceLoader}, through
 * nnx's own {@code META-INF/services/org.nnx.spi.NnxPlugin}. Plugin loading thus does not depend on the
 * built-in implementations. Only providers from nnx's own code count, so that a plugin someone put on the
 * class path is not taken for a built-in.
 */
final class BuiltInPlugins {
    private BuiltInPlugins() {}

    /** nnx's own plugins, in the order its services file lists them. */
    static List<NnxPlugin> find() {
        String nnx = location(BuiltInPlugins.class);
        List<NnxPlugin> plugins = ServiceLoader.load(NnxPlugin.class, BuiltInPlugins.class.getClassLoader()).stream()
                .filter(provider -> location(provider.type()).equals(nnx))
                .map(ServiceLoader.Provider::get)
                .toList();
        if (plugins.isEmpty()) {
            throw new IllegalStateException(
                    "nnx's built-ins are missing: " + PluginLoader.SERVICE_FILE + " lists none of nnx's own classes");
        }
        return plugins;
    }

    /** The jar or folder a class was loaded from; {@code null} when its class loader does not say. */
    private static String location(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        return String.valueOf(source == null ? null : source.getLocation());
    }
}
