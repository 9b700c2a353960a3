package org.nnx.plugin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nnx.registry.ComponentKind;
import org.nnx.spi.Component;
import org.nnx.spi.NnxPlugin;

/**
 * What a plugin jar contributes, written into the jar by its build ({@value #RESOURCE}) so that nnx knows
 * the names without running any of the jar's code: the jar's code then runs only when a file names one of
 * them. The format is one line per plugin, {@code plugin acme 2} (its name and the SPI version it was built
 * for), followed by one line per contribution, {@code layer swish}; lines starting with {@code #} are
 * comments. A jar without the resource loads as before: its plugins are made when nnx starts.
 */
public record ContributionIndex(List<IndexedPlugin> plugins) {
    /** Where the index lies in a jar. */
    public static final String RESOURCE = "META-INF/nnx/contributions.index";

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
        StringBuilder text = new StringBuilder("# The names this jar's nnx plugins contribute, read by nnx instead of"
                + " running the plugins' code at start-up.\n");
        for (NnxPlugin plugin : plugins) {
            text.append("plugin ")
                    .append(plugin.name())
                    .append(' ')
                    .append(plugin.spiVersion())
                    .append('\n');
            append(text, ComponentKind.LAYER, plugin.layers());
            append(text, ComponentKind.LOSS, plugin.losses());
            append(text, ComponentKind.OPTIMIZER, plugin.optimizers());
            append(text, ComponentKind.INITIALIZER, plugin.initializers());
            append(text, ComponentKind.DATASET, plugin.datasets());
        }
        return text.toString();
    }

    private static void append(StringBuilder text, ComponentKind kind, List<? extends Component> components) {
        for (Component component : components) {
            text.append(kind.label()).append(' ').append(component.name()).append('\n');
        }
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
            if (words[0].equals("plugin") && words.length == 3 && words[2].matches("\\d{1,9}")) {
                if (plugin != null) {
                    plugins.add(new IndexedPlugin(plugin, spiVersion, names));
                }
                plugin = words[1];
                spiVersion = Integer.parseInt(words[2]);
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
