package org.nnx.registry;

import java.util.Objects;

/**
 * Where a registered component comes from: nnx itself, or a plugin jar identified by file name, version
 * and content hash, so that a report can say exactly which code produced a run.
 *
 * @param plugin  the plugin's own name ({@code NnxPlugin.name()})
 * @param jar     the jar's file name, {@code acme-layers-1.0.jar}; null for the built-ins
 * @param path    the jar as found, {@code plugins/acme-layers-1.0.jar}; null for the built-ins
 * @param version the jar manifest's {@code Implementation-Version}, else the version in its file name,
 *                else {@code unversioned}; null for the built-ins
 * @param sha256  the jar's SHA-256 in lower-case hex; null for the built-ins
 */
public record PluginOrigin(String plugin, String jar, String path, String version, String sha256) {

    /** nnx's own components. */
    public static final PluginOrigin BUILT_IN = new PluginOrigin("built-in", null, null, null, null);

    /** The qualifier of nnx's own components: {@code nnx.relu}. */
    public static final String NNX = "nnx";

    public PluginOrigin {
        Objects.requireNonNull(plugin, "plugin");
    }

    /**
     * The first part of this plugin's qualified names, {@code acme} in {@code acme.gelu}: {@code nnx} for the
     * built-ins, else the plugin's name with every character a name cannot hold replaced by {@code _}
     * ({@code acme-layers} gives {@code acme_layers}).
     */
    public String qualifier() {
        if (this == BUILT_IN || equals(BUILT_IN)) {
            return NNX;
        }
        String qualifier = plugin.replaceAll("[^A-Za-z0-9_]", "_");
        return qualifier.isEmpty() || Character.isDigit(qualifier.charAt(0)) ? "_" + qualifier : qualifier;
    }

    /** {@code nnx.relu}: a component's name that no other source can give. */
    public String qualify(String name) {
        return qualifier() + "." + name;
    }

    public boolean builtIn() {
        return jar == null;
    }

    /** As messages name it: {@code acme-layers.jar}, or {@code built-in}. */
    public String label() {
        return builtIn() ? "built-in" : jar;
    }

    /** {@code acme-layers.jar 1.0}, or {@code built-in}: what {@code nnx plugins} shows. */
    public String labelWithVersion() {
        return builtIn() ? "built-in" : jar + " " + version;
    }

    /** {@code acme-layers.jar 1.0 sha256:…}, or {@code built-in}: what a run's provenance records. */
    public String describe() {
        return builtIn() ? "built-in" : jar + " " + version + " sha256:" + sha256;
    }
}
