package org.nnx.plugin;

import com.google.inject.Guice;
import com.google.inject.Stage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.nnx.registry.ComponentKind;
import org.nnx.registry.ComponentRegistry;
import org.nnx.registry.PluginOrigin;
import org.nnx.spi.Component;
import org.nnx.spi.NnxPlugin;

/**
 * Builds the registry through one Guice injector from the built-ins ({@link BuiltInPlugins}) and the plugins:
 * one {@link PluginModule} each. A qualified name contributed twice (two plugins of the same name) is refused
 * here, before Guice would, with a message naming both sides.
 */
public final class Registries {
    private Registries() {}

    /** The built-ins alone. */
    public static ComponentRegistry builtins() {
        return of(BuiltInPlugins.find());
    }

    /**
     * In-process plugins, used as they are (tests, embedding).
     *
     * @throws IllegalArgumentException when two of them of the same name contribute the same name
     */
    public static ComponentRegistry of(List<NnxPlugin> plugins) {
        try {
            return assemble(plugins.stream().map(PluginContributions::builtIn).toList());
        } catch (PluginStartupException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * The built-ins and every jar in {@code directories} ({@link PluginLoader} has the rules). Jars that
     * cannot load are skipped with a warning.
     *
     * @param warnings receives each warning, without the {@code nnx: warning: } prefix
     * @throws PluginStartupException when a qualified name is contributed twice; every such name is listed
     */
    public static LoadedPlugins load(List<Path> directories, Consumer<String> warnings) throws PluginStartupException {
        return load(directories, Optional.empty(), warnings);
    }

    /** As {@link #load(List, Consumer)}; with a lock, only jars that match their pins load. */
    public static LoadedPlugins load(List<Path> directories, Optional<PluginLock> lock, Consumer<String> warnings)
            throws PluginStartupException {
        return load(directories, lock, warnings, true);
    }

    /**
     * As {@link #load(List, Optional, Consumer)}; {@code probeFirst} false makes an indexed jar's plugins in
     * this process straight away when first used, where this process is itself one to spare (a worker's).
     */
    public static LoadedPlugins load(
            List<Path> directories, Optional<PluginLock> lock, Consumer<String> warnings, boolean probeFirst)
            throws PluginStartupException {
        PluginLoader loader = new PluginLoader(warnings, lock, probeFirst);
        List<PluginLoader.LoadedJar> jars = loader.load(directories);
        List<PluginContributions> plugins = new ArrayList<>();
        BuiltInPlugins.find().forEach(plugin -> plugins.add(PluginContributions.builtIn(plugin)));
        jars.forEach(jar -> plugins.addAll(jar.plugins()));
        try {
            ComponentRegistry registry = assemble(plugins);
            if (!loader.refused().isEmpty()) {
                registry = registry.withUnusable(Map.of(), loader.refused());
            }
            return new LoadedPlugins(registry, directories, jars);
        } catch (PluginStartupException | RuntimeException e) {
            jars.forEach(Registries::closeQuietly);
            throw e;
        }
    }

    private static ComponentRegistry assemble(List<PluginContributions> plugins) throws PluginStartupException {
        List<String> conflicts = conflicts(plugins);
        if (!conflicts.isEmpty()) {
            throw new PluginStartupException(conflicts);
        }
        return Guice.createInjector(Stage.PRODUCTION, new RegistryModule(plugins))
                .getInstance(ComponentRegistry.class);
    }

    /**
     * {@code layer 'acme.swish' is contributed by both acme-layers.jar and other.jar}, for each qualified name
     * given twice: only two plugins of the same name can do that. A short name given twice is no conflict
     * here: {@link ComponentRegistry#ambiguity} tells a file that writes it.
     */
    private static List<String> conflicts(List<PluginContributions> plugins) {
        List<String> conflicts = new ArrayList<>();
        for (ComponentKind kind : ComponentKind.values()) {
            Map<String, PluginOrigin> first = new LinkedHashMap<>();
            for (PluginContributions plugin : plugins) {
                for (Component component : plugin.byKind().get(kind)) {
                    String name = plugin.origin().qualify(component.name());
                    PluginOrigin earlier = first.putIfAbsent(name, plugin.origin());
                    if (earlier != null) {
                        conflicts.add(kind.label() + " '" + name + "' is contributed by both "
                                + name(earlier, plugin.origin()) + " and " + name(plugin.origin(), earlier)
                                + ", plugins of the same name; remove one");
                    }
                }
            }
        }
        return conflicts;
    }

    /** How a conflict names one side: the jar's file name, or its path when both jars have the same name. */
    private static String name(PluginOrigin side, PluginOrigin other) {
        if (side.builtIn()) {
            return side == PluginOrigin.BUILT_IN ? "nnx's built-ins" : "plugin '" + side.plugin() + "'";
        }
        return side.jar().equals(other.jar()) && !side.path().equals(other.path()) ? side.path() : side.jar();
    }

    private static void closeQuietly(PluginLoader.LoadedJar jar) {
        try {
            jar.loader().close();
        } catch (IOException e) {
            // Only the jar file's handle is at stake; nnx is about to exit.
        }
    }

    /**
     * The registry with the plugin jars it came from. Closing it closes the jars' class loaders: nothing a
     * plugin contributed may be used afterwards.
     */
    public record LoadedPlugins(ComponentRegistry registry, List<Path> directories, List<PluginLoader.LoadedJar> jars)
            implements AutoCloseable {
        public LoadedPlugins {
            directories = List.copyOf(directories);
            jars = List.copyOf(jars);
        }

        @Override
        public void close() {
            jars.forEach(Registries::closeQuietly);
        }
    }
}
