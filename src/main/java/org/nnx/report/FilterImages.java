package org.nnx.report;

import java.awt.image.BufferedImage;
import org.nnx.tensor.Tensor;

/**
 * A filter layer's filters as one PNG: a grid of small images, a filter each, its weights scaled up to blocks of
 * pixels, as the book's figure of a first layer's filters before and after learning. Each filter is shaded over
 * its own range, its smallest weight black and its largest white, so that a flat filter shows as noise and a
 * learned edge as a stripe. One channel is grey, three are colour; other counts show their mean.
 */
final class FilterImages {
    /** Screen pixels a weight takes, across and down. */
    static final int SCALE = 6;
    /** Filters a row of the grid. */
    static final int COLUMNS = 10;
    /** Pixels between filters. */
    static final int GAP = 3;

    private FilterImages() {}

    /** {@code filters} is {@code count × channels·height·width}, a filter a row. */
    static byte[] png(Tensor filters, int channels, int height, int width) {
        int count = filters.rows();
        int columns = Math.min(COLUMNS, count);
        int rows = (count + columns - 1) / columns;
        int cellWidth = width * SCALE;
        int cellHeight = height * SCALE;
        BufferedImage image = new BufferedImage(
                columns * cellWidth + (columns + 1) * GAP,
                rows * cellHeight + (rows + 1) * GAP,
                BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, 0xffffff);
            }
        }
        for (int f = 0; f < count; f++) {
            int left = GAP + (f % columns) * (cellWidth + GAP);
            int top = GAP + (f / columns) * (cellHeight + GAP);
            draw(image, filters, f, channels, height, width, left, top);
        }
        return Png.encode(image);
    }

    private static void draw(
            BufferedImage image, Tensor filters, int f, int channels, int height, int width, int left, int top) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < filters.cols(); j++) {
            double value = filters.get(f, j);
            if (Double.isFinite(value)) {
                low = Math.min(low, value);
                high = Math.max(high, value);
            }
        }
        double range = high > low ? high - low : 1;
        int area = height * width;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb;
                if (channels == 3) {
                    rgb = level(filters.get(f, y * width + x), low, range) << 16
                            | level(filters.get(f, area + y * width + x), low, range) << 8
                            | level(filters.get(f, 2 * area + y * width + x), low, range);
                } else {
                    double sum = 0;
                    for (int c = 0; c < channels; c++) {
                        sum += filters.get(f, c * area + y * width + x);
                    }
                    rgb = level(sum / channels, low, range) * 0x010101;
                }
                for (int dy = 0; dy < SCALE; dy++) {
                    for (int dx = 0; dx < SCALE; dx++) {
                        image.setRGB(left + x * SCALE + dx, top + y * SCALE + dy, rgb);
                    }
                }
            }
        }
    }

    /** 0 for the filter's smallest weight, 255 for its largest; a weight that is not finite is mid-grey. */
    private static int level(double value, double low, double range) {
        if (!Double.isFinite(value)) {
            return 128;
        }
        return (int) Math.max(0, Math.min(255, Math.round((value - low) / range * 255)));
    }
}
