package org.nnx.report;

import static org.nnx.report.Html.escape;

import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.nnx.saved.ModelFile;
import org.nnx.train.KeptBest;
import org.nnx.train.RunResult;
import org.nnx.train.TestOutcome;

/**
 * Each experiment's best run (highest final test accuracy among the runs trained now): where its saved model is
 * (and with {@code keep best}, the model of its best evaluation),
 * its confusion matrix on the test set, and for image data the first test samples it gets wrong with their true
 * and predicted classes.
 */
record BestRunSection(ReportModel model) implements ReportSection {
    @Override
    public void appendTo(StringBuilder html) {
        for (ReportedExperiment experiment : model.experiments) {
            best(experiment).ifPresent(run -> bestRun(html, experiment, run));
        }
    }

    private static Optional<RunResult> best(ReportedExperiment experiment) {
        return experiment.result().runs().stream()
                .filter(r -> experiment.outcomes().containsKey(r.name()) && !Double.isNaN(r.testAccuracy()))
                .max(Comparator.comparingDouble(RunResult::testAccuracy));
    }

    private static void bestRun(StringBuilder html, ReportedExperiment experiment, RunResult run) {
        TestOutcome outcome = experiment.outcomes().get(run.name());
        html.append(Html.section("Best run"))
                .append("<p>")
                .append(Html.code(run.name()))
                .append(String.format(Locale.ROOT, ", test accuracy %.4f.", run.testAccuracy()));
        String model = experiment.models().get(run.name());
        if (model != null) {
            html.append(" Its trained network: <a href=\"")
                    .append(escape(model))
                    .append("\">")
                    .append(escape(model))
                    .append("</a> (<code>nnx predict</code>, <code>nnx evaluate</code>, <code>nnx export</code>).");
            String kept = run.provenance().get(KeptBest.PROVENANCE_KEY);
            if (kept != null) {
                String best = model.substring(0, model.lastIndexOf('/') + 1) + ModelFile.BEST_NAME;
                html.append(" Its best evaluation, by ")
                        .append(escape(kept))
                        .append(": <a href=\"")
                        .append(escape(best))
                        .append("\">")
                        .append(escape(best))
                        .append("</a>.");
            }
        }
        html.append("</p>\n");
        confusion(html, outcome);
        misclassified(html, outcome);
        html.append(Html.SECTION_END);
    }

    private static void confusion(StringBuilder html, TestOutcome outcome) {
        List<String> names = outcome.classNames();
        html.append("<div class=\"table-wrap\">\n<table class=\"confusion\">\n<caption>Test set: rows are true classes,"
                + " columns the classes the network predicts</caption>\n<thead>\n<tr><th></th>");
        for (String name : names) {
            html.append("<th class=\"num\">").append(escape(name)).append("</th>");
        }
        html.append("</tr>\n</thead>\n<tbody>\n");
        for (int t = 0; t < names.size(); t++) {
            html.append("<tr><th>").append(escape(names.get(t))).append("</th>");
            for (int p = 0; p < names.size(); p++) {
                long n = outcome.confusion()[t][p];
                html.append(t == p ? "<td class=\"num\"><strong>" : "<td class=\"num\">")
                        .append(n)
                        .append(t == p ? "</strong></td>" : "</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n</div>\n");
    }

    private static void misclassified(StringBuilder html, TestOutcome outcome) {
        if (outcome.imageShape().isEmpty() || outcome.misclassified().isEmpty()) {
            return;
        }
        int[] shape = outcome.imageShape().get();
        List<String> names = outcome.classNames();
        html.append("<div class=\"misclassified\">\n");
        for (TestOutcome.Misclassified sample : outcome.misclassified()) {
            String caption = "true " + names.get(sample.truth()) + ", predicted " + names.get(sample.predicted());
            html.append("<figure style=\"display:inline-block;margin:4px\"><img alt=\"test sample ")
                    .append(sample.index())
                    .append(": ")
                    .append(escape(caption))
                    .append("\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(MisclassifiedImages.png(sample, shape)))
                    .append("\"><figcaption class=\"note\">")
                    .append(escape(caption))
                    .append("</figcaption></figure>\n");
        }
        html.append("</div>\n")
                .append(Html.note("The first " + outcome.misclassified().size()
                        + " test samples the best run's network gets wrong, in test-set order."));
    }
}
