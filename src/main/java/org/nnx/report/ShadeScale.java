package org.nnx.report;

import java.awt.Color;
import java.awt.Paint;
import java.io.Serializable;
import org.jfree.chart.renderer.PaintScale;

/**
 * The paint of a landscape's shading: a light ramp from white at {@code low} to grey at {@code high}, a
 * neutral ground under the runs' saturated colours, which keep their contrast. NaN is a flat grey.
 */
final class ShadeScale implements PaintScale, Serializable {
    static {
        Headless.ensure();
    }

    private static final long serialVersionUID = 1L;
    private static final Color UNDEFINED = new Color(0xd0d7de);
    private static final Color[] SHADES = {
        new Color(0xffffff),
        new Color(0xf3f4f6),
        new Color(0xe5e8eb),
        new Color(0xd8dce1),
        new Color(0xcdd2d8),
        new Color(0xc4c9d0),
    };

    private final double low;
    private final double high;

    ShadeScale(double low, double high) {
        this.low = low;
        this.high = high > low ? high : low + 1;
    }

    @Override
    public double getLowerBound() {
        return low;
    }

    @Override
    public double getUpperBound() {
        return high;
    }

    @Override
    public Paint getPaint(double value) {
        if (Double.isNaN(value)) {
            return UNDEFINED;
        }
        double t = Math.max(0, Math.min(1, (value - low) / (high - low))) * (SHADES.length - 1);
        int i = Math.min(SHADES.length - 2, (int) Math.floor(t));
        double w = t - i;
        Color a = SHADES[i];
        Color b = SHADES[i + 1];
        return new Color(
                mix(a.getRed(), b.getRed(), w), mix(a.getGreen(), b.getGreen(), w), mix(a.getBlue(), b.getBlue(), w));
    }

    private static int mix(int a, int b, double w) {
        return (int) Math.round(a + (b - a) * w);
    }
}
