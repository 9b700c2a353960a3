package org.nnx.report;

import static org.nnx.report.Html.escape;

import java.util.Locale;
import java.util.Optional;
import org.nnx.train.LayerTable;
import org.nnx.train.ModelDescription;
import org.nnx.train.RunResult;

/**
 * Each experiment's model as {@code nnx check} prints it: a row a layer with its output shape and trainable
 * parameters, the input first and the total last. Runs that sweep the model show the first run's.
 */
record LayerTableSection(ReportModel model) implements ReportSection {
    @Override
    public void appendTo(StringBuilder html) {
        boolean opened = false;
        for (ReportedExperiment experiment : model.experiments) {
            Optional<LayerTable> table = first(experiment);
            if (table.isEmpty()) {
                continue;
            }
            if (!opened) {
                html.append(Html.section("Model"));
                opened = true;
            }
            if (model.comparison) {
                html.append("<h3>")
                        .append(escape(experiment.result().plan().name()))
                        .append("</h3>\n");
            }
            table(html, table.get());
        }
        if (opened) {
            html.append(Html.SECTION_END);
        }
    }

    private static Optional<LayerTable> first(ReportedExperiment experiment) {
        for (RunResult run : experiment.result().runs()) {
            ModelDescription description = experiment.descriptions().get(run.name());
            if (description != null) {
                return Optional.of(description.layers());
            }
        }
        return Optional.empty();
    }

    private static void table(StringBuilder html, LayerTable table) {
        html.append("<div class=\"table-wrap\">\n<table class=\"layers\">\n<thead>\n<tr><th>layer</th>")
                .append("<th>output shape</th><th class=\"num\">parameters</th></tr>\n</thead>\n<tbody>\n")
                .append("<tr><td>input</td><td>")
                .append(escape(table.input().toString()))
                .append("</td><td class=\"num\"></td></tr>\n");
        for (LayerTable.Row row : table.rows()) {
            html.append("<tr><td><code>")
                    .append(escape(row.layer()))
                    .append("</code></td><td>")
                    .append(escape(row.output().toString()))
                    .append("</td><td class=\"num\">")
                    .append(count(row.parameters()))
                    .append("</td></tr>\n");
        }
        html.append("</tbody>\n<tfoot>\n<tr><th>total</th><td></td><td class=\"num\"><strong>")
                .append(count(table.total()))
                .append("</strong></td></tr>\n</tfoot>\n</table>\n</div>\n");
    }

    private static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
