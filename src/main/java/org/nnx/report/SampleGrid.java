package org.nnx.report;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;
import org.nnx.train.DatasetSummary;

/**
 * Draws a dataset's sample images in a grid: row {@code c} holds the first training samples of class
 * {@code c}, left to right; a class with fewer samples leaves its cells empty. Each pixel is a
 * {@code scale × scale} square, and {@link #GAP} pixels of background separate the cells and surround the
 * grid. Values in [0, 1] are drawn as grey levels (or RGB for three channels), as the network sees them; no
 * text is drawn, so no fonts are needed.
 */
public final class SampleGrid {
    /** Pixels between cells and around the grid. */
    public static final int GAP = 2;

    private static final int BACKGROUND = 0x808080;

    static {
        Headless.ensure();
    }

    private SampleGrid() {}

    /** The grid's size in pixels, {width, height}. */
    public static int[] size(List<Integer> imageShape, int classes, int perClass, int scale) {
        return new int[] {
            perClass * imageShape.get(1) * scale + (perClass + 1) * GAP,
            classes * imageShape.get(0) * scale + (classes + 1) * GAP
        };
    }

    /** The grid, {@code perClass} cells wide, or empty when the data is not images. */
    public static Optional<BufferedImage> draw(DatasetSummary summary, int perClass, int scale) {
        if (summary.imageShape().isEmpty()) {
            return Optional.empty();
        }
        List<Integer> shape = summary.imageShape().get();
        int height = shape.get(0);
        int width = shape.get(1);
        int channels = shape.size() > 2 ? shape.get(2) : 1;
        int[] size = size(shape, summary.classes(), perClass, scale);
        BufferedImage image = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < size[1]; y++) {
            for (int x = 0; x < size[0]; x++) {
                image.setRGB(x, y, BACKGROUND);
            }
        }
        for (int c = 0; c < summary.samples().size(); c++) {
            List<float[]> ofClass = summary.samples().get(c);
            for (int k = 0; k < Math.min(perClass, ofClass.size()); k++) {
                float[] pixels = ofClass.get(k);
                int left = GAP + k * (width * scale + GAP);
                int top = GAP + c * (height * scale + GAP);
                for (int py = 0; py < height; py++) {
                    for (int px = 0; px < width; px++) {
                        int rgb = rgb(pixels, (py * width + px) * channels, channels);
                        for (int dy = 0; dy < scale; dy++) {
                            for (int dx = 0; dx < scale; dx++) {
                                image.setRGB(left + px * scale + dx, top + py * scale + dy, rgb);
                            }
                        }
                    }
                }
            }
        }
        return Optional.of(image);
    }

    /** {@link #draw} encoded as PNG, for a report to embed. */
    public static Optional<byte[]> png(DatasetSummary summary, int perClass, int scale) {
        return draw(summary, perClass, scale).map(Png::encode);
    }

    private static int rgb(float[] pixels, int index, int channels) {
        if (channels == 3) {
            return level(pixels[index]) << 16 | level(pixels[index + 1]) << 8 | level(pixels[index + 2]);
        }
        int grey = level(pixels[index]);
        return grey << 16 | grey << 8 | grey;
    }

    private static int level(double value) {
        return (int) Math.round(Math.max(0, Math.min(1, value)) * 255);
    }
}
