package org.nnx.report;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;

/** Renders a chart to PNG bytes, off screen (the objective page's charts); the report's are {@link ChartSvg}. */
public final class ChartImages {
    static {
        Headless.ensure();
    }

    /** Layout width of the report's charts in CSS pixels: fits a laptop screen beside nothing else. */
    public static final int WIDTH = 900;
    /** Layout height of the report's charts in CSS pixels. */
    public static final int HEIGHT = 420;
    /**
     * Pixels per layout pixel in the report's PNGs: 2 keeps lines and text sharp on high-density laptop
     * screens and in print; the HTML shows the image at {@link #WIDTH} CSS pixels.
     */
    public static final int SCALE = 2;

    private ChartImages() {}

    /** The chart laid out at {@code width}×{@code height} and rendered at that many pixels. */
    public static byte[] toPng(JFreeChart chart, int width, int height) {
        return toPng(chart, width, height, 1);
    }

    /**
     * The chart laid out at {@code width}×{@code height} (fonts and strokes sized for that) and rendered
     * at {@code scale} times as many pixels in each direction.
     */
    public static byte[] toPng(JFreeChart chart, int width, int height, int scale) {
        return toPng(chart, width, height, scale, null);
    }

    private static byte[] toPng(JFreeChart chart, int width, int height, int scale, ChartRenderingInfo info) {
        if (width <= 0 || height <= 0 || scale <= 0) {
            throw new IllegalArgumentException(
                    "size and scale must be positive: " + width + "x" + height + " @" + scale);
        }
        BufferedImage image = new BufferedImage(width * scale, height * scale, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        try {
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            // Pure strokes stop thin lines from snapping to pixel centres, which makes curves look wobbly.
            g2.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g2.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g2.scale(scale, scale);
            // Drawn in layout pixels (the scale is on the graphics), so the map's coordinates are layout pixels too.
            chart.draw(g2, new Rectangle2D.Double(0, 0, width, height), info);
        } finally {
            g2.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", png)) {
                throw new IllegalStateException("no PNG writer in this JDK");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return png.toByteArray();
    }

    /** The chart at the report's size: {@link #WIDTH}×{@link #HEIGHT} layout, {@link #SCALE}× pixels. */
    public static byte[] toReportPng(JFreeChart chart) {
        return toPng(chart, WIDTH, HEIGHT, SCALE);
    }
}
