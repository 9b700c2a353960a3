package org.nnx.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.nnx.model.ExperimentPlan;
import org.nnx.model.RunConfig;
import org.nnx.model.RunPlan;
import org.nnx.registry.ComponentRegistry;
import org.nnx.registry.DatasetLoader;
import org.nnx.spi.Dataset;
import org.nnx.spi.DatasetContext;
import org.nnx.spi.DatasetException;
import org.nnx.train.LayerTable;

/**
 * An experiment's model as a table, as Keras' {@code summary()} prints it: each layer as written, its output
 * shape and its trainable parameters, the input first and the total last. Runs that sweep the model get the
 * first run's.
 */
final class ModelSummary {
    private ModelSummary() {}

    /** The table's lines; empty when the experiment has no runs or its data does not load. */
    static List<String> lines(ExperimentPlan plan, ComponentRegistry registry, DatasetLoader datasets) {
        // A run that fails without training (it names what cannot be used) has no model to show.
        Optional<RunConfig> training = plan.runs().stream()
                .filter(run -> !run.fails())
                .map(RunPlan::config)
                .findFirst();
        if (training.isEmpty()) {
            return List.of();
        }
        RunConfig config = training.get();
        Optional<Dataset> dataset = load(plan, config, datasets);
        if (dataset.isEmpty()) {
            return List.of();
        }
        LayerTable table =
                LayerTable.of(registry, config.layers(), dataset.get().sampleShape());
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"layer", "output shape", "parameters"});
        rows.add(new String[] {"input", table.input().toString(), ""});
        for (LayerTable.Row row : table.rows()) {
            rows.add(new String[] {
                row.layer(), row.output().toString(), String.format(Locale.ROOT, "%,d", row.parameters())
            });
        }
        rows.add(new String[] {"total", "", String.format(Locale.ROOT, "%,d", table.total())});
        int[] widths = new int[3];
        for (String[] row : rows) {
            for (int i = 0; i < 3; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (String[] row : rows) {
            lines.add(("  " + pad(row[0], widths[0]) + "  " + pad(row[1], widths[1]) + "  "
                            + " ".repeat(widths[2] - row[2].length()) + row[2])
                    .stripTrailing());
        }
        return lines;
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }

    private static Optional<Dataset> load(ExperimentPlan plan, RunConfig config, DatasetLoader datasets) {
        try {
            return Optional.of(datasets.load(
                    config.dataset().name(),
                    config.dataset().arguments(),
                    new DatasetContext(plan.source().toAbsolutePath().getParent(), config.seed())));
        } catch (DatasetException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
