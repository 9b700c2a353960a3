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

    /** min ≤ x < max */
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
        boolean guard = max == Integer.MAX_VALUE || max == Long.MAX_VALUE;
        if (!guard || min == Double.NEGATIVE_INFINITY) {
            return toString();
        }
        boolean belowMin = minInclusive ? x < min : x <= min;
        return belowMin ? new Range(min, minInclusive, Double.POSITIVE_INFINITY, false).toString()
                : new Range(Double.NEGATIVE_INFINITY, false, max, maxInclusive).toString();
    }

    /** As a user reads it: {@code > 0}, {@code ≥ 1}, {@code in [0, 1)}. */
    @Override
    public String toString() {
        boolean noMin = min == Double.NEGATIVE_INFINITY;
        boolean noMax = max == Double.POSITIVE_INFINITY;
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
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
