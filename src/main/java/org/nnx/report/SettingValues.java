package org.nnx.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The order a swept setting's values are shown in, along a chart's axis or down a table: numbers in
 * increasing numeric order (0.0001, 0.001, 0.01, 0.1, 1, not as text), so a mean line through them reads as a
 * trend even when the values come from several experiments; other values in the order they came.
 */
final class SettingValues {
    private SettingValues() {}

    /** {@code values} in display order: numerically when every non-empty one is a number, empty ones last. */
    static List<String> ordered(Collection<String> values) {
        List<String> ordered = new ArrayList<>(values);
        if (ordered.stream().filter(v -> !v.isBlank()).allMatch(SettingValues::isNumber)) {
            ordered.sort(Comparator.comparing((String v) -> v.isBlank())
                    .thenComparingDouble(v -> v.isBlank() ? 0 : Numbers.parse(v)));
        }
        return ordered;
    }

    /** True when {@code value} is a number as nnx writes them. */
    static boolean isNumber(String value) {
        try {
            return !Double.isNaN(Numbers.parse(value));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
