package org.nnx.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The value a run took for a setting its experiment did not sweep, read from the run's configuration text
 * (a line {@code learning_rate 0.1}). A comparison shows it in the column of that setting, where another
 * experiment swept it, instead of leaving the cell blank.
 */
final class FixedSetting {
    private FixedSetting() {}

    /** The value of {@code setting} in {@code nnxText}; empty when the text does not set it on a line of its own. */
    static String valueOf(String nnxText, String setting) {
        if (nnxText == null || nnxText.isBlank() || !setting.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            return "";
        }
        Matcher line = Pattern.compile("(?m)^\\s*" + Pattern.quote(setting) + "\\s+([^\\s/|{][^/|{]*?)\\s*(//.*)?$")
                .matcher(nnxText);
        return line.find() ? line.group(1) : "";
    }
}
