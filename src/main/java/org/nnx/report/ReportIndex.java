package org.nnx.report;

import static org.nnx.report.Html.escape;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nnx.model.ObjectivePlan;
import org.nnx.train.ExperimentResult;
import org.nnx.train.ObjectiveResult;
import org.nnx.train.RunResult;
import org.nnx.train.RunStatus;

/**
 * The page that {@code nnx run FOLDER} writes at the top of the output folder: every experiment and objective of
 * the folder's files, in the order they ran, each with its description, how its runs ended and a link to its
 * report. A tour, such as {@code experiments/book}, reads as its table of contents.
 */
public final class ReportIndex {
    /** No script, no fetch: the page only links to the reports beside it. */
    private static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'";

    /**
     * One report of the page.
     *
     * @param folder  the report's folder
     * @param outcome how its runs ended, in a line
     */
    public record Entry(String kind, String name, String description, Path source, Path folder, String outcome) {
        public static Entry of(ExperimentResult result, Path folder) {
            Map<RunStatus, Integer> counts = new EnumMap<>(RunStatus.class);
            result.runs().forEach(run -> counts.merge(run.status(), 1, Integer::sum));
            StringBuilder outcome =
                    new StringBuilder(result.runs().size() + (result.runs().size() == 1 ? " run" : " runs"));
            counts.forEach((status, count) ->
                    outcome.append(", ").append(count).append(' ').append(status.label()));
            result.runs().stream()
                    .filter(run -> run.status() == RunStatus.OK)
                    .mapToDouble(RunResult::testAccuracy)
                    .filter(Double::isFinite)
                    .max()
                    .ifPresent(best -> outcome.append(String.format(Locale.ROOT, "; best test accuracy %.4f", best)));
            return new Entry(
                    "experiment",
                    result.plan().name(),
                    result.plan().description(),
                    result.plan().source(),
                    folder,
                    outcome.toString());
        }

        public static Entry of(ObjectivePlan plan, List<ObjectiveResult> results, Path folder) {
            long ok = results.stream().filter(r -> r.status() == RunStatus.OK).count();
            String outcome = results.size() + (results.size() == 1 ? " run" : " runs") + ", " + ok + " ok; f = "
                    + String.join(
                            ", ",
                            results.stream()
                                    .map(r -> String.format(Locale.ROOT, "%.4g", r.finalValue()))
                                    .toList());
            return new Entry("objective", plan.name(), plan.description(), plan.source(), folder, outcome);
        }
    }

    private ReportIndex() {}

    /** The page, its links relative to {@code root}, where it is written. */
    public static String render(String title, Path root, List<Entry> entries) {
        StringBuilder html = new StringBuilder(
                        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"")
                .append(POLICY)
                .append("\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(escape(title))
                .append("</title>\n<style>\n")
                .append("body { font: 15px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; "
                        + "padding: 0 1rem; color: #1f2328; }\n")
                .append(
                        "ol { padding-left: 1.5rem; } li { margin: 0 0 1rem; } .meta { color: #59636e; font-size: 90%; }\n")
                .append("code { font-size: 90%; }\n</style>\n</head>\n<body>\n<h1>")
                .append(escape(title))
                .append("</h1>\n<p class=\"meta\">")
                .append(entries.size())
                .append(entries.size() == 1 ? " report" : " reports")
                .append(", in the order they ran.</p>\n<ol>\n");
        for (Entry entry : entries) {
            String link = root.relativize(entry.folder().resolve(ReportWriter.INDEX_FILE))
                    .toString()
                    .replace('\\', '/');
            html.append("<li><a href=\"")
                    .append(escape(link))
                    .append("\"><strong>")
                    .append(escape(entry.name()))
                    .append("</strong></a> <span class=\"meta\">")
                    .append(entry.kind())
                    .append(
                            entry.source() == null
                                    ? ""
                                    : ", "
                                            + escape(String.valueOf(
                                                    entry.source().getFileName())))
                    .append("</span>");
            if (entry.description() != null && !entry.description().isEmpty()) {
                html.append("<br>").append(escape(entry.description()));
            }
            html.append("<br><span class=\"meta\">")
                    .append(escape(entry.outcome()))
                    .append("</span></li>\n");
        }
        return html.append("</ol>\n</body>\n</html>\n").toString();
    }
}
