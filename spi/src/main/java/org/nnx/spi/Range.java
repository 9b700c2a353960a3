package org.nnx.spi;

/** An interval of allowed values, each end open or closed; infinite ends for no limit. */
public record Range(double min, boolean minInclusive, double max, boolean maxInclusive) {

    public static final Range ANY = new Range(Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false);

    /** x > min */
    public static Range above(double min) {
        return new Range(min, false, Double.POSITIVE_INFINITY, false);
    }

    /** x ≥ min */
    public static Range atLeast(double min) {
        return new Range(min, true, Double.POSITIVE_INFINITY, false);
    }

    /** min ≤ x &lt; max */
    public static Range closedOpen(double min, double max) {
        return new Range(min, true, max, false);
    }

    /** min ≤ x ≤ max */
    public static Range closed(double min, double max) {
        return new Range(min, true, max, true);
    }

    public boolean contains(double x) {
        boolean aboveMin = minInclusive ? x >= min : x > min;
        boolean belowMax = maxInclusive ? x <= max : x < max;
        return aboveMin && belowMax;
    }

    /**
     * What a value outside the range must be, as a user reads it: the whole interval when it is a real one
     * ({@code in [0, 1)}), else the side that was crossed ({@code ≥ 1}, {@code ≤ 2147483647}), so that a
     * bound that only guards against overflow does not clutter the common message.
     */
    public String requirement(double x) {
        boolean aboveMax = maxInclusive ? x > max : x >= max;
        return isOverflowGuard() && aboveMax ? (maxInclusive ? "≤ " : "< ") + format(max) : toString();
    }

    /** An upper bound at the largest int or long: there to keep values in their Java type, not a real limit. */
    private boolean isOverflowGuard() {
        return max == Integer.MAX_VALUE || max == Long.MAX_VALUE;
    }

    /** As a user reads it: {@code > 0}, {@code ≥ 1}, {@code in [0, 1)}; a bound that only guards against overflow is left out. */
    @Override
    public String toString() {
        boolean noMin = min == Double.NEGATIVE_INFINITY;
        boolean noMax = max == Double.POSITIVE_INFINITY || isOverflowGuard();
        if (noMin && noMax) {
            return "any value";
        }
        if (noMax) {
            return (minInclusive ? "≥ " : "> ") + format(min);
        }
        if (noMin) {
            return (maxInclusive ? "≤ " : "< ") + format(max);
        }
        return "in " + (minInclusive ? "[" : "(") + format(min) + ", " + format(max) + (maxInclusive ? "]" : ")");
    }

    private static String format(double value) {
        return Arguments.formatNumber(value);
    }
}
