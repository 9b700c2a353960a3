package org.nnx.report;

import java.awt.Color;

/**
 * One colour per run, chosen by the run's position in the experiment, so a run has the same colour in
 * every chart and in the table of the report.
 */
public final class RunColors {
    /**
     * Matplotlib's "tab10", the colours most ML plots use, so curves look familiar. Distinct for the
     * first ten runs; beyond that {@link #of(int)} walks the hue circle by the golden angle.
     */
    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
        new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
        new Color(0xbcbd22), new Color(0x17becf),
    };

    private RunColors() {}

    /** The colour of the run at {@code runIndex} (0-based, in the order of the experiment's runs). */
    public static Color of(int runIndex) {
        if (runIndex < 0) {
            throw new IllegalArgumentException("runIndex must be >= 0: " + runIndex);
        }
        if (runIndex < PALETTE.length) {
            return PALETTE[runIndex];
        }
        // Golden-angle steps keep neighbouring indexes far apart in hue; darkish so lines stay visible on white.
        float hue = (float) ((runIndex * 0.618033988749895) % 1.0);
        return Color.getHSBColor(hue, 0.70f, 0.72f);
    }

    /** The same colour as CSS hex, {@code #1f77b4}. */
    public static String hex(int runIndex) {
        return hex(of(runIndex));
    }

    /** {@code colour} as CSS hex, {@code #1f77b4}. */
    static String hex(Color colour) {
        return String.format("#%06x", colour.getRGB() & 0xffffff);
    }

    /** {@code color} with the given opacity (0 transparent … 1 opaque). */
    static Color withAlpha(Color color, double opacity) {
        return new Color(color.getRed(), color.getGreen(), color.getBlue(), (int) Math.round(opacity * 255));
    }
}
