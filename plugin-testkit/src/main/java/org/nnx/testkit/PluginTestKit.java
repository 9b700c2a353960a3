package org.nnx.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nnx.files.AtomicFile;
import org.nnx.plugin.ContributionIndex;
import org.nnx.plugin.PluginVerifier;
import org.nnx.spi.NnxPlugin;

/**
 * A plugin's own tests in one call: {@code PluginTestKit.verify(new MyPlugin())} checks the whole plugin the
 * way nnx will, with nnx's own checks (the ones {@code nnx plugins --verify} runs):
 * <ul>
 *   <li>that nnx would load it: its SPI version is one nnx provides, its lists are not null, each name is
 *       one a file can write, and no kind has a name twice;</li>
 *   <li>every layer's gradients, of its parameters and its input, against central differences in double
 *       precision;</li>
 *   <li>every loss's gradient with respect to the network's output, likewise;</li>
 *   <li>every optimizer on a quadratic bowl, whose value its steps must decrease;</li>
 *   <li>every initializer's values: finite, the same for the same seed, of the variance it declares;</li>
 *   <li>every dataset: the same samples for the same seed, labels within its classes, finite features of
 *       its width.</li>
 * </ul>
 * Each contribution is built with its parameters' defaults, or sample values where there is none.
 */
public final class PluginTestKit {
    private PluginTestKit() {}

    /**
     * Checks every contribution of the plugin.
     *
     * @throws AssertionError listing each failed check, one a line, when any fails
     */
    public static void verify(NnxPlugin plugin) {
        List<String> failures = new ArrayList<>(PluginVerifier.loadProblems(plugin));
        if (failures.isEmpty()) {
            for (PluginVerifier.Finding finding : new PluginVerifier().verify(plugin)) {
                if (finding.verdict().failed()) {
                    failures.add(finding.toString());
                }
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(plugin.getClass().getName() + " fails " + failures.size()
                    + (failures.size() == 1 ? " check" : " checks") + " of nnx:\n" + String.join("\n", failures));
        }
    }

    /**
     * Writes the contribution index of the plugins into a folder of classes the jar is made from
     * ({@code target/classes}), so that nnx knows the jar's names without running its code.
     *
     * @return the file written
     */
    public static Path writeIndex(Path classes, NnxPlugin... plugins) throws IOException {
        Path index = classes.resolve(ContributionIndex.RESOURCE);
        Files.createDirectories(index.getParent());
        AtomicFile.writeString(index, ContributionIndex.format(List.of(plugins)));
        return index;
    }
}
