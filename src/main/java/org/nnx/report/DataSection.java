package org.nnx.report;

import static org.nnx.report.Html.definition;
import static org.nnx.report.Html.escape;

import java.util.Base64;
import java.util.stream.Collectors;
import org.nnx.train.DatasetSummary;

/** The data each experiment learned from: sizes, class balance and, for images, the first samples of each class. */
record DataSection(ReportModel model) implements ReportSection {
    /** Sample images of each class shown in the grid. */
    private static final int SAMPLE_COLUMNS = 10;
    /** How many times larger than the images' own pixels the grid draws them. */
    private static final int SAMPLE_SCALE = 2;

    @Override
    public void appendTo(StringBuilder html) {
        for (ReportedExperiment experiment : model.experiments) {
            experiment.result().data().ifPresent(data -> data(html, data));
            experiment
                    .result()
                    .dataUnavailable()
                    .ifPresent(reason -> html.append(Html.section("Data"))
                            .append("<p>The data summary is unavailable: ")
                            .append(escape(reason))
                            .append("</p>\n"));
        }
    }

    private static void data(StringBuilder html, DatasetSummary data) {
        html.append(Html.section("Data"))
                .append("<p>")
                .append(escape(data.description()))
                .append("</p>\n");
        html.append("<dl class=\"provenance\">\n")
                .append(definition("training samples", Integer.toString(data.trainSize() - data.validationSize())));
        if (data.validationSize() > 0) {
            html.append(definition(
                    "validation samples", data.validationSize() + " (held out of " + data.trainSize() + ")"));
        }
        html.append(definition("test samples", Integer.toString(data.testSize())))
                .append(definition(
                        "features",
                        data.features()
                                + data.imageShape()
                                        .map(shape -> " ("
                                                + shape.stream()
                                                        .map(String::valueOf)
                                                        .collect(Collectors.joining("×")) + " images)")
                                        .orElse("")))
                .append(definition("classes", Integer.toString(data.classes())));
        html.append("</dl>\n<div class=\"table-wrap\">\n<table class=\"sortable balance\">\n<thead>\n<tr><th>Class</th>"
                + "<th class=\"num\">Training</th><th class=\"num\">Test</th></tr>\n</thead>\n<tbody>\n");
        for (int c = 0; c < data.classes(); c++) {
            html.append("<tr><td>")
                    .append(escape(data.classNames().get(c)))
                    .append("</td><td class=\"num\">")
                    .append(data.trainClassCounts().get(c))
                    .append("</td><td class=\"num\">")
                    .append(data.testClassCounts().get(c))
                    .append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n</div>\n");
        SampleGrid.png(data, SAMPLE_COLUMNS, SAMPLE_SCALE)
                .ifPresent(png -> html.append(
                                "<figure><img alt=\"the first training images of each class, one class a row\" "
                                        + "src=\"data:image/png;base64,")
                        .append(Base64.getEncoder().encodeToString(png))
                        .append(
                                "\"><figcaption class=\"note\">The first training images of each class, one class a row, "
                                        + "as the network sees them.</figcaption></figure>\n"));
        html.append(Html.SECTION_END);
    }
}
