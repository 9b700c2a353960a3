package org.nnx.saved;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * An image file made into one sample the way MNIST's digits were made, so that a digit a person draws in any
 * paint program is read as the model saw its training digits: grey levels (transparent parts white), inverted
 * when the paper is light and the ink dark, cropped to the ink, scaled to fit {@value #INK_FRACTION} of the
 * model's image size keeping its proportions, and placed with its centre of mass at the centre.
 */
final class DrawnImage {
    /** MNIST's digits fill a 20×20 box of their 28×28: the rest is margin. */
    static final double INK_FRACTION = 20.0 / 28.0;
    /** A pixel counts as ink from this grey level (0 paper, 1 ink). */
    private static final double INK = 0.1;

    private DrawnImage() {}

    /** {@code height × width} bytes, 0 for paper and 255 for ink, row by row. */
    static byte[] read(Path file, int height, int width) throws SavedModelException {
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new SavedModelException(file + ": cannot read the image: " + e.getMessage());
        }
        if (image == null) {
            throw new SavedModelException(file + ": not an image nnx can read (PNG, JPEG, GIF or BMP)");
        }
        double[][] ink = ink(image);
        return place(ink, height, width);
    }

    /** Each pixel's amount of ink in [0, 1], light paper or dark. */
    static double[][] ink(BufferedImage image) {
        int h = image.getHeight();
        int w = image.getWidth();
        double[][] grey = new double[h][w];
        double border = 0;
        int borderCount = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int argb = image.getRGB(x, y);
                double alpha = (argb >>> 24) / 255.0;
                double luminance =
                        (0.299 * ((argb >> 16) & 0xFF) + 0.587 * ((argb >> 8) & 0xFF) + 0.114 * (argb & 0xFF)) / 255.0;
                // Transparent pixels are the paper's: white under the drawing.
                grey[y][x] = alpha * luminance + (1 - alpha);
                if (y == 0 || x == 0 || y == h - 1 || x == w - 1) {
                    border += grey[y][x];
                    borderCount++;
                }
            }
        }
        boolean lightPaper = border / borderCount > 0.5;
        for (double[] row : grey) {
            for (int x = 0; x < w; x++) {
                row[x] = lightPaper ? 1 - row[x] : row[x];
            }
        }
        return grey;
    }

    /** The ink cropped, scaled and centred on a {@code height × width} canvas. */
    static byte[] place(double[][] ink, int height, int width) {
        int h = ink.length;
        int w = ink[0].length;
        int top = h;
        int bottom = -1;
        int left = w;
        int right = -1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (ink[y][x] >= INK) {
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                }
            }
        }
        byte[] pixels = new byte[height * width];
        if (bottom < 0) {
            return pixels;
        }
        int boxH = bottom - top + 1;
        int boxW = right - left + 1;
        double scale = Math.min(height * INK_FRACTION / boxH, width * INK_FRACTION / boxW);
        int scaledH = Math.max(1, (int) Math.round(boxH * scale));
        int scaledW = Math.max(1, (int) Math.round(boxW * scale));
        BufferedImage cropped = new BufferedImage(boxW, boxH, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < boxH; y++) {
            for (int x = 0; x < boxW; x++) {
                int level = (int) Math.round(Math.min(1, Math.max(0, ink[top + y][left + x])) * 255);
                cropped.getRaster().setSample(x, y, 0, level);
            }
        }
        BufferedImage scaled = new BufferedImage(scaledW, scaledH, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = scaled.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(cropped, 0, 0, scaledW, scaledH, null);
        g.dispose();
        double mass = 0;
        double my = 0;
        double mx = 0;
        for (int y = 0; y < scaledH; y++) {
            for (int x = 0; x < scaledW; x++) {
                int v = scaled.getRaster().getSample(x, y, 0);
                mass += v;
                my += v * y;
                mx += v * x;
            }
        }
        int offsetY = (int) Math.round(height / 2.0 - (mass == 0 ? scaledH / 2.0 : my / mass + 0.5));
        int offsetX = (int) Math.round(width / 2.0 - (mass == 0 ? scaledW / 2.0 : mx / mass + 0.5));
        for (int y = 0; y < scaledH; y++) {
            for (int x = 0; x < scaledW; x++) {
                int ty = y + offsetY;
                int tx = x + offsetX;
                if (ty >= 0 && ty < height && tx >= 0 && tx < width) {
                    pixels[ty * width + tx] = (byte) scaled.getRaster().getSample(x, y, 0);
                }
            }
        }
        return pixels;
    }
}
