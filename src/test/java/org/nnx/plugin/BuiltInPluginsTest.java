package org.nnx.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.nnx.registry.ComponentRegistry;
import org.nnx.registry.PluginOrigin;
import org.nnx.spi.NnxPlugin;

/** nnx finds its own built-ins through its services file, as it finds a jar's plugins, without naming them. */
class BuiltInPluginsTest {

    @Test
    void theBuiltInsAreTheOneProviderOfNnxsOwnServicesFile() {
        List<NnxPlugin> plugins = BuiltInPlugins.find();
        assertEquals(
                List.of("org.nnx.builtins.BuiltinPlugin"),
                plugins.stream().map(p -> p.getClass().getName()).toList());
        assertEquals("built-in", plugins.get(0).name());
    }

    @Test
    void theBuiltInsKeepTheirOrigin() {
        ComponentRegistry registry = Registries.builtins();
        assertEquals(PluginOrigin.BUILT_IN, registry.origin(registry.layer("relu")));
        assertEquals(PluginOrigin.BUILT_IN, registry.origin(registry.dataset("spiral")));
    }

    @Test
    void pluginLoadingNamesNoBuiltInImplementation() throws IOException {
        try (Stream<Path> sources = Files.list(Path.of("src", "main", "java", "org", "nnx", "plugin"))) {
            List<String> offenders = sources.filter(
                            file -> read(file).matches("(?s).*\\borg\\.nnx\\.(builtins|nn)\\..*"))
                    .map(file -> file.getFileName().toString())
                    .toList();
            assertEquals(List.of(), offenders);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
