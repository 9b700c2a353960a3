package org.nnx.report.geometry;

import java.util.stream.DoubleStream;

/**
 * The lowest and highest of some values; {@code min = +∞} and {@code max = −∞} when there were none, so
 * that {@link #isEmpty()} and comparisons such as {@code max > min} stay false.
 */
public record ValueRange(double min, double max) {
    /** The range of the finite values among {@code values}; NaN and ±∞ are left out. */
    public static ValueRange ofFinite(DoubleStream values) {
        double[] finite = values.filter(Double::isFinite).toArray();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double value : finite) {
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        return new ValueRange(min, max);
    }

    /** Whether no value was seen. */
    public boolean isEmpty() {
        return !(max >= min);
    }
}
