package org.nnx.builtins.data;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.nnx.spi.Dataset;
import org.nnx.spi.Split;
import org.nnx.tensor.Tensor;

/**
 * Draws training images in a grid: row {@code c} holds the first {@code perClass} training samples of
 * class {@code c}, left to right; a class with fewer samples leaves its cells empty. Each cell is the
 * image with every pixel a {@code scale × scale} square, and {@link #GAP} pixels of background separate the
 * cells and surround the grid, so the grid is
 * {@code perClass·width·scale + (perClass + 1)·GAP} pixels wide and
 * {@code classes·height·scale + (classes + 1)·GAP} high. Values in [0, 1] are drawn as grey levels 0 to 255
 * (or as RGB for three channels), as the network sees them; no text is drawn, so no fonts are needed.
 */
public final class SampleGrid {
    /** Pixels between cells and around the grid. */
    public static final int GAP = 2;
    private static final int BACKGROUND = 0x808080;

    static {
        // Headless before the first AWT class: image encoding must work on servers and in CI.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private SampleGrid() {
    }

    /** The grid's size in pixels, {width, height}. */
    public static int[] size(int[] imageShape, int classes, int perClass, int scale) {
        return new int[] {perClass * imageShape[1] * scale + (perClass + 1) * GAP,
            classes * imageShape[0] * scale + (classes + 1) * GAP};
    }

    static BufferedImage draw(Dataset dataset, int[] shape, int perClass, int scale) {
        if (perClass < 1 || scale < 1) {
            throw new IllegalArgumentException("perClass " + perClass + " and scale " + scale + " must be ≥ 1");
        }
        int height = shape[0];
        int width = shape[1];
        int channels = shape.length > 2 ? shape[2] : 1;
        int classes = dataset.classes();
        int[] size = size(shape, classes, perClass, scale);
        BufferedImage image = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < size[1]; y++) {
            for (int x = 0; x < size[0]; x++) {
                image.setRGB(x, y, BACKGROUND);
            }
        }
        int[][] samples = firstOfEachClass(dataset.train(), classes, perClass);
        Tensor pixels = Tensor.zeros(1, dataset.features());
        for (int c = 0; c < classes; c++) {
            for (int k = 0; k < perClass && samples[c][k] >= 0; k++) {
                dataset.train().features(new int[] {samples[c][k]}, 0, 1, pixels);
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
        return image;
    }

    private static int rgb(Tensor pixels, int index, int channels) {
        if (channels == 3) {
            return level(pixels.get(index)) << 16 | level(pixels.get(index + 1)) << 8 | level(pixels.get(index + 2));
        }
        int grey = level(pixels.get(index));
        return grey << 16 | grey << 8 | grey;
    }

    private static int level(double value) {
        return (int) Math.round(Math.max(0, Math.min(1, value)) * 255);
    }

    /** Sample indexes by class, −1 where a class has no more samples; stops once every row is full. */
    private static int[][] firstOfEachClass(Split split, int classes, int perClass) {
        int[][] samples = new int[classes][perClass];
        int[] found = new int[classes];
        for (int[] row : samples) {
            Arrays.fill(row, -1);
        }
        int full = 0;
        for (int i = 0; i < split.size() && full < classes; i++) {
            int c = split.label(i);
            if (found[c] < perClass) {
                samples[c][found[c]++] = i;
                if (found[c] == perClass) {
                    full++;
                }
            }
        }
        return samples;
    }

    /** The image as PNG bytes. */
    static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode PNG", e);
        }
        return out.toByteArray();
    }
}
