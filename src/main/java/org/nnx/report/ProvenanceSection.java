package org.nnx.report;

import static org.nnx.report.Html.escape;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.nnx.model.ExperimentPlan;

/**
 * What the runs ran on: nnx, JDK, BLAS backend, plugins, dataset, seed, and each experiment's file
 * and its hash. Values all runs share once; values that differ, grouped by value.
 */
record ProvenanceSection(ReportModel model) implements ReportSection {
    /** Runs named beside a value before "and N more runs". */
    private static final int NAMED_PER_VALUE = 3;
    /** The keys shown first, in this order; plugins and anything else after. */
    private static final List<String> FIRST_KEYS = List.of("nnx", "jdk", "blas", "dataset", "dataset sha256", "seed");

    @Override
    public void appendTo(StringBuilder html) {
        TreeSet<String> keys = new TreeSet<>(
                Comparator.comparingInt(ProvenanceSection::keyOrder).thenComparing(Comparator.naturalOrder()));
        model.runs.forEach(run -> keys.addAll(run.result.provenance().keys()));
        html.append(Html.section("Provenance")).append("<dl class=\"provenance\">\n");
        model.experiments.forEach(experiment -> sourceFile(html, experiment));
        keys.forEach(key -> value(html, key));
        html.append("</dl>\n");
        if (keys.isEmpty()) {
            html.append(Html.note("The runs recorded no environment."));
        }
        html.append(Html.SECTION_END);
    }

    /** The experiment's file and its hash, each when known; named by experiment in a comparison. */
    private void sourceFile(StringBuilder html, ReportedExperiment experiment) {
        ExperimentPlan plan = experiment.result().plan();
        String prefix = escape(model.comparison ? plan.name() + ": " : "");
        if (plan.source() != null) {
            html.append("<dt>")
                    .append(prefix)
                    .append("file</dt><dd>")
                    .append(Html.code(plan.source().toString()))
                    .append("</dd>\n");
        }
        if (!experiment.sourceSha256().isEmpty()) {
            html.append("<dt>")
                    .append(prefix)
                    .append("file sha256</dt><dd>")
                    .append(Html.code(experiment.sourceSha256()))
                    .append("</dd>\n");
        }
    }

    /** One provenance key: its value once when all runs share it, else each value with the runs that had it. */
    private void value(StringBuilder html, String key) {
        Map<String, List<String>> runsByValue = new LinkedHashMap<>();
        for (ReportedRun run : model.runs) {
            runsByValue
                    .computeIfAbsent(run.result.provenance().getOrDefault(key, "—"), v -> new ArrayList<>())
                    .add(run.label);
        }
        html.append("<dt>").append(escape(key)).append("</dt><dd>");
        if (runsByValue.size() == 1) {
            html.append(escape(runsByValue.keySet().iterator().next()));
        } else {
            List<String> lines = new ArrayList<>();
            runsByValue.forEach((value, runs) -> lines.add(escape(value) + " <span class=\"where\">("
                    + escape(
                            runs.size() <= NAMED_PER_VALUE
                                    ? String.join(", ", runs)
                                    : String.join(", ", runs.subList(0, NAMED_PER_VALUE)) + " and "
                                            + (runs.size() - NAMED_PER_VALUE) + " more runs")
                    + ")</span>"));
            html.append(String.join("<br>", lines));
        }
        html.append("</dd>\n");
    }

    private static int keyOrder(String key) {
        int at = FIRST_KEYS.indexOf(key);
        return at >= 0 ? at : key.startsWith("plugin") ? 10 : 20;
    }
}
