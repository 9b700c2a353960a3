package org.nnx.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnx.registry.ComponentKind;

/**
 * Where the indexes of jars without one are kept, what a kept one must be to be used, and the text the probe
 * sends them in.
 */
class DerivedIndexesTest {
    @Test
    void theFolderIsTheVariableElseXdgCacheHomeElseTheHomesCache() {
        String property = System.getProperty(DerivedIndexes.PROPERTY);
        System.clearProperty(DerivedIndexes.PROPERTY);
        try {
            assertEquals(
                    Path.of("/kept"),
                    DerivedIndexes.folder(Map.of(DerivedIndexes.VARIABLE, "/kept", "XDG_CACHE_HOME", "/xdg")));
            assertEquals(Path.of("/xdg/nnx/plugin-index"), DerivedIndexes.folder(Map.of("XDG_CACHE_HOME", "/xdg")));
            assertEquals(
                    Path.of(System.getProperty("user.home"), ".cache", "nnx", "plugin-index"),
                    DerivedIndexes.folder(Map.of("XDG_CACHE_HOME", "")));
            System.setProperty(DerivedIndexes.PROPERTY, "/by-property");
            assertEquals(Path.of("/by-property"), DerivedIndexes.folder(Map.of(DerivedIndexes.VARIABLE, "/kept")));
        } finally {
            if (property == null) {
                System.clearProperty(DerivedIndexes.PROPERTY);
            } else {
                System.setProperty(DerivedIndexes.PROPERTY, property);
            }
        }
    }

    @Test
    void aKeptIndexIsUsedWithoutAProbeAndADamagedOneIsNot(@TempDir Path kept) throws IOException {
        DerivedIndexes indexes = new DerivedIndexes(kept);
        String sha256 = "ab".repeat(32);
        Path jar = kept.resolve("absent.jar");
        Files.writeString(indexes.file(sha256), "plugin acme 2\nlayer swish\n");
        DerivedIndexes.Derived derived =
                indexes.of(List.of(new DerivedIndexes.Unindexed(jar, sha256))).get(jar);
        assertFalse(derived.fresh());
        assertEquals(
                List.of("swish"),
                derived.index().orElseThrow().plugins().get(0).names().get(ComponentKind.LAYER));

        // Damaged: learnt again, by a probe, which finds no jar there and keeps nothing.
        Files.writeString(indexes.file(sha256), "layer swish\n");
        derived = indexes.of(List.of(new DerivedIndexes.Unindexed(jar, sha256))).get(jar);
        assertTrue(derived.fresh());
        assertEquals(Optional.empty(), derived.index());
        assertEquals("layer swish\n", Files.readString(indexes.file(sha256)));
    }

    @Test
    void anIndexReadsBackWhatItSaysWithPluginNamesThatHoldSpaces() {
        ContributionIndex index = new ContributionIndex(List.of(
                new ContributionIndex.IndexedPlugin(
                        "acme layers",
                        2,
                        Map.of(ComponentKind.LAYER, List.of("swish", "gelu"), ComponentKind.DATASET, List.of("xor"))),
                new ContributionIndex.IndexedPlugin("other", 1, Map.of())));
        assertEquals(index, ContributionIndex.parse(index.text()));
        assertTrue(
                index.text().endsWith("plugin acme layers 2\nlayer swish\nlayer gelu\ndataset xor\nplugin other 1\n"));
    }

    @Test
    void theProbesLinesCarryLineBreaksAndBackslashes() {
        String text = "plugin a 2\r\nlayer b\n\\n is not a break\\";
        String line = PluginProbe.escape(text);
        assertFalse(line.contains("\n") || line.contains("\r"), line);
        assertEquals(text, PluginProbe.unescape(line));
    }
}
