package org.nnx.plugin;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Enumeration;
import java.util.List;

/**
 * The class loader of one plugin jar. Its parent is the JDK's platform class loader, so a plugin sees the
 * JDK and its own jar but not nnx's internals or nnx's dependencies (Guice, ANTLR, JFreeChart): a plugin
 * that needs a library bundles it. Classes and resources of the SPI packages ({@code org.nnx.spi},
 * {@code org.nnx.tensor}) alone come from nnx's own class loader, so that the plugin's {@code Layer} is
 * nnx's {@code Layer} even when a jar carries a stray copy of the SPI. The same arrangement as Trino's
 * {@code PluginClassLoader}.
 */
final class PluginClassLoader extends URLClassLoader {
    /** Package prefixes, as class names, that a plugin shares with nnx. */
    static final List<String> SPI_PACKAGES = List.of("org.nnx.spi.", "org.nnx.tensor.");

    private static final List<String> SPI_RESOURCES =
            SPI_PACKAGES.stream().map(p -> p.replace('.', '/')).toList();

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader spiLoader;

    /**
     * @param jarName   names the loader in stack traces
     * @param spiLoader the loader of nnx's SPI classes
     */
    PluginClassLoader(String jarName, URL jar, ClassLoader spiLoader) {
        super(jarName, new URL[] {jar}, ClassLoader.getPlatformClassLoader());
        this.spiLoader = spiLoader;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                loaded = isSpiClass(name) ? spiLoader.loadClass(name) : super.loadClass(name, false);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    @Override
    public URL getResource(String name) {
        return isSpiResource(name) ? spiLoader.getResource(name) : super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return isSpiResource(name) ? spiLoader.getResources(name) : super.getResources(name);
    }

    private static boolean isSpiClass(String name) {
        return SPI_PACKAGES.stream().anyMatch(name::startsWith);
    }

    private static boolean isSpiResource(String name) {
        return SPI_RESOURCES.stream().anyMatch(name::startsWith);
    }
}
