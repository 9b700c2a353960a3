package org.nnx.analysis;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nnx.dsl.NnxParser;
import org.nnx.dsl.SourceFile;
import org.nnx.dsl.ast.Definition;

/**
 * Each run's own settings as {@code .nnx} text, recovered from an experiment's effective configuration
 * (the text {@code nnx run} prints into the report and {@code experiment.nnx}): the configuration with
 * every set of alternatives replaced by the value the run took. Used by the report to show what differed
 * between runs, also by {@code nnx compare}, which has only the files.
 */
public final class RunSettings {
    /**
     * The base and the runs' texts, all printed alike so they can be compared line by line.
     *
     * @param base  the configuration with its sets of alternatives, as printed
     * @param byRun the text of each variant, keyed by the swept values (label → value, as in a run's
     *              {@code varying} without {@code seed})
     */
    public record Texts(String base, Map<Map<String, String>, String> byRun) {
        public Texts {
            byRun = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byRun));
        }
    }

    private RunSettings() {
    }

    /** The texts, or empty when {@code effectiveConfig} does not parse as one definition with valid sweeps. */
    public static Optional<Texts> of(String effectiveConfig) {
        if (effectiveConfig == null || effectiveConfig.isBlank()) {
            return Optional.empty();
        }
        NnxParser.Result parsed = NnxParser.parse(new SourceFile(Path.of("experiment.nnx"), effectiveConfig));
        if (!parsed.diagnostics().isEmpty() || parsed.file().isEmpty()
                || parsed.file().get().definitions().size() != 1) {
            return Optional.empty();
        }
        Definition definition = parsed.file().get().definitions().get(0);
        Diagnostics diagnostics = new Diagnostics();
        List<Sweeps.Variant> variants = Sweeps.expand(definition, diagnostics);
        if (!diagnostics.isEmpty()) {
            return Optional.empty();
        }
        Map<Map<String, String>, String> byRun = new LinkedHashMap<>();
        for (Sweeps.Variant variant : variants) {
            byRun.put(variant.varying(), DefinitionPrinter.print(variant.definition()));
        }
        return Optional.of(new Texts(DefinitionPrinter.print(definition), byRun));
    }

    /**
     * {@code text} with its {@code seed} statement set to {@code seed} (added before the closing brace
     * when absent): the text of one repeat, whose seed is not among the sets of alternatives.
     */
    public static String withSeed(String text, String seed) {
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder();
        boolean replaced = false;
        for (String line : lines) {
            if (!replaced && line.matches("    seed\\b.*")) {
                out.append("    seed ").append(seed).append('\n');
                replaced = true;
            } else {
                out.append(line).append('\n');
            }
        }
        String result = out.substring(0, out.length() - 1);
        if (!replaced) {
            int close = result.lastIndexOf('}');
            if (close >= 0) {
                result = result.substring(0, close) + "    seed " + seed + "\n" + result.substring(close);
            }
        }
        return result;
    }
}
