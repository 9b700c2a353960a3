package org.nnx.report;

import static org.nnx.report.Html.escape;

import java.util.Base64;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import org.nnx.tensor.Tensor;
import org.nnx.train.LearnedFilters;
import org.nnx.train.ModelDescription;
import org.nnx.train.RunResult;

/**
 * For image models, the first filter layer's filters of each experiment's best run (highest final test accuracy
 * among the runs trained now) as small images, before and after training: random noise at the start, edges and
 * blobs once trained.
 */
record FiltersSection(ReportModel model) implements ReportSection {
    @Override
    public void appendTo(StringBuilder html) {
        boolean opened = false;
        for (ReportedExperiment experiment : model.experiments) {
            Optional<RunResult> run = best(experiment);
            if (run.isEmpty()) {
                continue;
            }
            LearnedFilters filters =
                    experiment.descriptions().get(run.get().name()).filters().orElseThrow();
            if (!opened) {
                html.append(Html.section("Learned filters"));
                opened = true;
            }
            html.append("<p>")
                    .append(model.comparison ? escape(experiment.result().plan().name()) + ": " : "")
                    .append("the ")
                    .append(filters.count())
                    .append(String.format(
                            Locale.ROOT,
                            " filters of %d×%d×%d of layer %d of ",
                            filters.channels(),
                            filters.height(),
                            filters.width(),
                            filters.layer() + 1))
                    .append(Html.code(run.get().name()))
                    .append(", each shaded from its smallest weight (black) to its largest (white).</p>\n")
                    .append("<div class=\"filters\">\n");
            figure(html, filters.before(), filters, "before training");
            figure(html, filters.after(), filters, "after training");
            html.append("</div>\n");
        }
        if (opened) {
            html.append(Html.SECTION_END);
        }
    }

    /** The run with learned filters and the highest final test accuracy. */
    private static Optional<RunResult> best(ReportedExperiment experiment) {
        return experiment.result().runs().stream()
                .filter(r -> {
                    ModelDescription description = experiment.descriptions().get(r.name());
                    return description != null && description.filters().isPresent();
                })
                .max(Comparator.comparingDouble(r -> Double.isNaN(r.testAccuracy()) ? -1 : r.testAccuracy()));
    }

    private static void figure(StringBuilder html, Tensor weights, LearnedFilters filters, String caption) {
        html.append("<figure style=\"display:inline-block;margin:0 24px 12px 0\"><img alt=\"the filters ")
                .append(caption)
                .append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder()
                        .encodeToString(
                                FilterImages.png(weights, filters.channels(), filters.height(), filters.width())))
                .append("\"><figcaption class=\"note\">")
                .append(caption)
                .append("</figcaption></figure>\n");
    }
}
