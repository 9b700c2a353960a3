package org.nnx.plugin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nnx.registry.ComponentKind;
import org.nnx.spi.Component;
import org.nnx.spi.NnxPlugin;

/**
 * What a plugin jar contributes, written into the jar by its build ({@value #RESOURCE}) so that nnx knows
 * the names without running any of the jar's code: the jar's code then runs only when a file names one of
 * them. The format is one line per plugin, {@code plugin acme 2} (its name and the SPI version it was built
 * for), followed by one line per contribution, {@code layer swish}; lines starting with {@code #} are
 * comments. For a jar without the resource nnx makes the index itself, in a process of its own
 * ({@link PluginProbe#indexes}), and keeps it ({@link DerivedIndexes}).
 */
public record ContributionIndex(List<IndexedPlugin> plugins) {
    /** Where the index lies in a jar. */
    public static final String RESOURCE = "META-INF/nnx/contributions.index";

    /** {@code plugin acme 2}; a plugin's name may hold spaces, as its {@code name()} may. */
    private static final Pattern PLUGIN_LINE = Pattern.compile("plugin\\s+(\\S.*?)\\s+(\\d{1,9})");

    /** One plugin of the index: its name, the SPI version it was built for and its names by kind. */
    public record IndexedPlugin(String name, int spiVersion, Map<ComponentKind, List<String>> names) {
        public IndexedPlugin {
            Map<ComponentKind, List<String>> copy = new LinkedHashMap<>();
            for (ComponentKind kind : ComponentKind.values()) {
                copy.put(kind, List.copyOf(names.getOrDefault(kind, List.of())));
            }
            names = Map.copyOf(copy);
        }
    }

    public ContributionIndex {
        plugins = List.copyOf(plugins);
    }

    /** The index of these plugins, as a jar holds it; their lists are asked for once each. */
    public static String format(List<NnxPlugin> plugins) {
        List<IndexedPlugin> indexed = new ArrayList<>();
        for (NnxPlugin plugin : plugins) {
            Map<ComponentKind, List<String>> names = new LinkedHashMap<>();
            names.put(ComponentKind.LAYER, names(plugin.layers()));
            names.put(ComponentKind.LOSS, names(plugin.losses()));
            names.put(ComponentKind.OPTIMIZER, names(plugin.optimizers()));
            names.put(ComponentKind.INITIALIZER, names(plugin.initializers()));
            names.put(ComponentKind.DATASET, names(plugin.datasets()));
            indexed.add(new IndexedPlugin(plugin.name(), plugin.spiVersion(), names));
        }
        return new ContributionIndex(indexed).text();
    }

    /**
     * The index of a jar's plugins as nnx made them, for a jar without one.
     *
     * @param spiVersions the SPI version each plugin was built for, in the same order
     */
    static ContributionIndex of(List<PluginContributions> plugins, List<Integer> spiVersions) {
        List<IndexedPlugin> indexed = new ArrayList<>();
        for (int i = 0; i < plugins.size(); i++) {
            Map<ComponentKind, List<String>> names = new LinkedHashMap<>();
            plugins.get(i).byKind().forEach((kind, components) -> names.put(kind, names(components)));
            indexed.add(new IndexedPlugin(plugins.get(i).origin().plugin(), spiVersions.get(i), names));
        }
        return new ContributionIndex(indexed);
    }

    private static List<String> names(List<? extends Component> components) {
        return components.stream().map(Component::name).toList();
    }

    /** The index as a jar holds it, which {@link #parse} reads back. */
    public String text() {
        StringBuilder text = new StringBuilder("# The names this jar's nnx plugins contribute, read by nnx instead of"
                + " running the plugins' code at start-up.\n");
        for (IndexedPlugin plugin : plugins) {
            text.append("plugin ")
                    .append(plugin.name())
                    .append(' ')
                    .append(plugin.spiVersion())
                    .append('\n');
            for (ComponentKind kind : ComponentKind.values()) {
                plugin.names()
                        .get(kind)
                        .forEach(name -> text.append(kind.label())
                                .append(' ')
                                .append(name)
                                .append('\n'));
            }
        }
        return text.toString();
    }

    /**
     * Reads an index.
     *
     * @throws IllegalArgumentException naming the line that cannot be read
     */
    public static ContributionIndex parse(String text) {
        List<IndexedPlugin> plugins = new ArrayList<>();
        String plugin = null;
        int spiVersion = 0;
        Map<ComponentKind, List<String>> names = new LinkedHashMap<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] words = line.split("\\s+");
            Matcher pluginLine = PLUGIN_LINE.matcher(line);
            if (pluginLine.matches()) {
                if (plugin != null) {
                    plugins.add(new IndexedPlugin(plugin, spiVersion, names));
                }
                plugin = pluginLine.group(1);
                spiVersion = Integer.parseInt(pluginLine.group(2));
                names = new LinkedHashMap<>();
                continue;
            }
            ComponentKind kind = kind(words[0]);
            if (kind == null || words.length != 2 || plugin == null) {
                throw new IllegalArgumentException("line " + (i + 1) + " is not 'plugin NAME SPI_VERSION' or 'KIND"
                        + " NAME' after a plugin line: " + line);
            }
            names.computeIfAbsent(kind, k -> new ArrayList<>()).add(words[1]);
        }
        if (plugin == null) {
            throw new IllegalArgumentException("it names no plugin");
        }
        plugins.add(new IndexedPlugin(plugin, spiVersion, names));
        return new ContributionIndex(plugins);
    }

    private static ComponentKind kind(String label) {
        for (ComponentKind kind : ComponentKind.values()) {
            if (kind.label().equals(label)) {
                return kind;
            }
        }
        return null;
    }
}
