package org.nnx.report.geometry;

/**
 * The log scale a landscape is shaded and contoured on, t = log10(f − min f + ε), and the contour levels
 * on it. A log scale shows a bowl's rings at every depth, where a linear one would show only the rim; ε
 * fixes how many decades below the range of f still count.
 *
 * @param shift   min f (0 when there was none)
 * @param epsilon ε, the range of f times 10^−decades
 * @param low     the t of min f
 * @param high    the t of max f
 * @param spread  whether f took more than one value, so that there is anything to contour
 */
public record ContourLevels(double shift, double epsilon, double low, double high, boolean spread) {
    /** The scale for f from {@code min} to {@code max}, covering {@code decades} decades below the range. */
    public static ContourLevels of(double min, double max, double decades) {
        double range = Double.isFinite(max) && max > min ? max - min : 1;
        double epsilon = range * Math.pow(10, -decades);
        double shift = Double.isFinite(min) ? min : 0;
        return new ContourLevels(shift, epsilon, Math.log10(epsilon), Math.log10(range + epsilon), max > min);
    }

    /** The t of {@code value}: NaN where it is not finite; values below min f count as min f. */
    public double t(double value) {
        return Double.isFinite(value) ? Math.log10(Math.max(0, value - shift) + epsilon) : Double.NaN;
    }

    /** {@code count} levels of t evenly spaced strictly between low and high; none when f is flat. */
    public double[] levels(int count) {
        if (!spread) {
            return new double[0];
        }
        double[] levels = new double[count];
        for (int k = 1; k <= count; k++) {
            levels[k - 1] = low + (high - low) * k / (count + 1);
        }
        return levels;
    }
}
