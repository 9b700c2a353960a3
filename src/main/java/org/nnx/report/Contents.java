package org.nnx.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The page's contents bar: a link to each section the page has, in page order, and to the experiment's
 * {@code summary.csv} beside the page (not on a comparison, which is written elsewhere). It stays at the top
 * of the window while the page scrolls.
 */
final class Contents {
    private static final Pattern SECTION = Pattern.compile("<section id=\"([^\"]+)\">\\n<h2>(.*?)</h2>");

    private Contents() {}

    /** The bar for the sections in {@code sectionsHtml}. */
    static String of(String sectionsHtml, ReportModel model) {
        StringBuilder nav = new StringBuilder("<nav class=\"contents\" aria-label=\"contents\">");
        Matcher section = SECTION.matcher(sectionsHtml);
        while (section.find()) {
            nav.append("<a href=\"#").append(section.group(1)).append("\">");
            nav.append(section.group(2).replaceAll("<[^>]*>", "")).append("</a>");
        }
        if (!model.comparison) {
            nav.append("<span class=\"files\">Files: <a href=\"")
                    .append(ReportWriter.SUMMARY_FILE)
                    .append("\" title=\"a row per run\">")
                    .append(ReportWriter.SUMMARY_FILE)
                    .append("</a></span>");
        }
        return nav.append("</nav>\n").toString();
    }
}
