package org.nnx.report;

import java.awt.Color;

/**
 * The markup every section of the report page writes the same way: escaped text, colour swatches and
 * table cells that the page's script sorts by their {@code data-v} value.
 */
final class Html {
    /** Closes a section opened by {@link #section(String)}. */
    static final String SECTION_END = "</section>\n";

    private Html() {}

    /**
     * {@code text} made safe as HTML element content and as a quoted attribute value: {@code & < > " '}
     * become character references. {@code null} becomes the empty string.
     */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /**
     * The opening of a section with the heading {@code title} (markup allowed), its id the heading's text as
     * an anchor ({@code Training curves} → {@code training-curves}) for the page's contents bar.
     */
    static String section(String title) {
        return "\n<section id=\"" + anchor(title) + "\">\n<h2>" + title + "</h2>\n";
    }

    /** {@code title} without markup, lower case, runs of other characters as single hyphens. */
    static String anchor(String title) {
        String text = title.replaceAll("<[^>]*>", "").replaceAll("&[a-z]+;|&#\\d+;", " ");
        String slug = text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return slug.replaceAll("^-+|-+$", "");
    }

    /** A muted paragraph; {@code html} is markup. */
    static String note(String html) {
        return "<p class=\"note\">" + html + "</p>\n";
    }

    /** {@code text} escaped, in code type. */
    static String code(String text) {
        return "<code>" + escape(text) + "</code>";
    }

    /** A small square in a run's colour, as the charts draw it. */
    static String swatch(Color colour) {
        return "<span class=\"swatch\" style=\"background:" + RunColors.hex(colour) + "\"></span>";
    }

    /**
     * A swatch that shows or hides the curves of the chart line {@code line} in every chart (the page's script
     * does it; without the script it is only a swatch).
     */
    static String runToggle(Color colour, String line) {
        return "<button type=\"button\" class=\"swatch toggle\" aria-pressed=\"true\" data-run=\"" + escape(line)
                + "\" title=\"show or hide " + escape(line) + " in the charts\" style=\"background:"
                + RunColors.hex(colour) + "\"></button>";
    }

    /** A swatch and the name beside it. */
    static String swatched(Color colour, String name) {
        return swatch(colour) + " " + code(name);
    }

    /** A right-aligned cell showing {@code text} that sorts by {@code value}. */
    static String numberCell(double value, String text) {
        return "<td class=\"num\" data-v=\"" + sortValue(value) + "\">" + escape(text) + "</td>";
    }

    /** What the script sorts a cell by: empty (last) for NaN, the largest doubles for infinities. */
    static String sortValue(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        return Double.isInfinite(value) ? (value > 0 ? "1e308" : "-1e308") : Double.toString(value);
    }

    /** Swept numbers sort as numbers; the script sorts a cell by data-v when it has one. */
    static String numericAttribute(String value) {
        try {
            double number = Numbers.parse(value);
            return Double.isNaN(number) ? "" : " data-v=\"" + sortValue(number) + "\"";
        } catch (NumberFormatException e) {
            return "";
        }
    }

    /** One term and its value of a definition list, both escaped. */
    static String definition(String term, String value) {
        return "<dt>" + escape(term) + "</dt><dd>" + escape(value) + "</dd>\n";
    }
}
