package org.nnx.report;

import java.awt.image.BufferedImage;
import org.nnx.train.TestOutcome;

/** One misclassified test sample drawn as a PNG, its pixels in [0, 1] scaled up for the page. */
final class MisclassifiedImages {
    /** How many screen pixels each of the image's own takes, across and down. */
    static final int SCALE = 2;

    private MisclassifiedImages() {}

    /** {@code shape} is {@code [height, width]} or {@code [height, width, channels]}. */
    static byte[] png(TestOutcome.Misclassified sample, int[] shape) {
        int height = shape[0];
        int width = shape[1];
        int channels = shape.length > 2 ? shape[2] : 1;
        BufferedImage image = new BufferedImage(width * SCALE, height * SCALE, BufferedImage.TYPE_INT_RGB);
        float[] pixels = sample.features();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int at = (y * width + x) * channels;
                int rgb = channels >= 3
                        ? level(pixels[at]) << 16 | level(pixels[at + 1]) << 8 | level(pixels[at + 2])
                        : level(pixels[at]) * 0x010101;
                for (int dy = 0; dy < SCALE; dy++) {
                    for (int dx = 0; dx < SCALE; dx++) {
                        image.setRGB(x * SCALE + dx, y * SCALE + dy, rgb);
                    }
                }
            }
        }
        return Png.encode(image);
    }

    private static int level(float value) {
        return Math.max(0, Math.min(255, Math.round(value * 255)));
    }
}
