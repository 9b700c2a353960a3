package org.nnx.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How numbers are written into CSV files and read back. Shared so both files agree. */
final class Numbers {
    private Numbers() {}

    /**
     * The shortest text that reads back to the same value. Values that are exactly a {@code float} (the
     * losses of float32 training, widened to double) are written with {@link Float#toString(float)}, so
     * {@code 0.1f} becomes {@code 0.1} rather than {@code 0.10000000149011612}; reading it back gives the
     * same float. Everything else uses {@link Double#toString(double)} and reads back exactly. NaN and
     * infinities are written as Java spells them ({@code NaN}, {@code Infinity}, {@code -Infinity}).
     */
    static String compact(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        float asFloat = (float) value;
        String text = (double) asFloat == value ? Float.toString(asFloat) : Double.toString(value);
        return dropPointZero(text);
    }

    /** Like {@link #compact(double)}, but NaN (not measured) becomes the empty field. */
    static String compactOrEmpty(double value) {
        return Double.isNaN(value) ? "" : compact(value);
    }

    /** At most {@code decimals} decimals, trailing zeros dropped: {@code 1.25}, {@code 3}, {@code 0.0125}. */
    static String fixed(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        BigDecimal rounded = BigDecimal.valueOf(value)
                .setScale(decimals, RoundingMode.HALF_EVEN)
                .stripTrailingZeros();
        String text = rounded.toPlainString();
        return text.equals("-0") ? "0" : text;
    }

    /** Like {@link #fixed(double, int)}, but NaN becomes the empty field. */
    static String fixedOrEmpty(double value, int decimals) {
        return Double.isNaN(value) ? "" : fixed(value, decimals);
    }

    /** {@code 2.0} → {@code 2}, {@code 1.0E-5} → {@code 1E-5}; both forms parse with {@link Double#parseDouble}. */
    private static String dropPointZero(String text) {
        int exponent = text.indexOf('E');
        String mantissa = exponent < 0 ? text : text.substring(0, exponent);
        String rest = exponent < 0 ? "" : text.substring(exponent);
        if (mantissa.endsWith(".0")) {
            mantissa = mantissa.substring(0, mantissa.length() - 2);
        }
        return mantissa + rest;
    }

    /**
     * Parses a field written by this class; the empty field is NaN. Only plain decimal numbers and the
     * words NaN/Infinity are accepted (not Java's {@code 1d} or hex forms), so typos are caught.
     *
     * @throws NumberFormatException when the field is not such a number
     */
    static double parse(String field) {
        String text = field.strip();
        if (text.isEmpty()) {
            return Double.NaN;
        }
        if (!text.matches("[+-]?(NaN|Infinity|(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?)")) {
            throw new NumberFormatException(text);
        }
        return Double.parseDouble(text);
    }
}
