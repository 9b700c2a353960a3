package org.nnx.cli;

import java.io.PrintStream;
import java.util.List;
import org.nnx.plugin.PluginContributions;
import org.nnx.plugin.PluginException;
import org.nnx.plugin.PluginLoader;
import org.nnx.plugin.Registries.LoadedPlugins;
import org.nnx.registry.ComponentKind;
import org.nnx.registry.ComponentRegistry;
import org.nnx.spi.ParameterSpec;

/**
 * What can be named in a file: every layer, loss, optimizer, initializer and dataset with its parameters,
 * defaults and description, and where it comes from.
 */
final class PluginListing {
    private final PrintStream out;

    PluginListing(PrintStream out) {
        this.out = out;
    }

    /** Lists everything; returns the exit status. */
    int list(LoadedPlugins plugins) {
        ComponentRegistry registry = plugins.registry();
        out.println("plugin folders: "
                + (plugins.directories().isEmpty()
                        ? "none (no plugins/ here, no --plugins, no " + "NNX_PLUGIN_PATH)"
                        : String.join(
                                ", ",
                                plugins.directories().stream()
                                        .map(Object::toString)
                                        .toList())));
        if (plugins.jars().isEmpty()) {
            out.println("plugin jars: none");
        } else {
            out.println("plugin jars:");
            for (PluginLoader.LoadedJar jar : plugins.jars()) {
                for (PluginContributions plugin : jar.plugins()) {
                    out.println("  " + jar.path() + ": plugin '"
                            + plugin.origin().plugin() + "' " + jar.version() + ", SPI " + jar.spiVersions()
                            + ", sha256:" + jar.sha256() + "; " + plugin.summary());
                }
            }
        }
        for (ComponentKind kind : ComponentKind.values()) {
            out.println();
            registry.all(kind).forEach((name, component) -> {
                String description;
                List<ParameterSpec> parameters;
                try {
                    description = component.description();
                    parameters = component.parameters();
                } catch (PluginException e) {
                    // An indexed jar whose plugins cannot be made: its names are known, nothing else.
                    out.println(kind.label() + " " + name + " (" + registry.source(component) + "): unusable: "
                            + e.getMessage());
                    return;
                }
                out.println(kind.label() + " " + name + " (" + registry.source(component) + "): " + description);
                for (ParameterSpec parameter : parameters) {
                    out.println(
                            "    " + parameter.describe() + (parameter.doc().isEmpty() ? "" : " — " + parameter.doc()));
                }
            });
        }
        return ExitStatus.OK;
    }
}
