package org.nnx.spi;

/**
 * The shape of one sample as a layer sees it: flat features, or an image of {@code channels × height × width}
 * stored channel by channel, each channel row by row (the order of a batch tensor's row).
 *
 * @param channels the number of channels of an image, or the width of flat features
 * @param height   an image's height in pixels; 1 for flat features
 * @param width    an image's width in pixels; 1 for flat features
 * @param image    whether the sample is an image (spatial layers accept only images)
 */
public record Shape(int channels, int height, int width, boolean image) {

    public Shape {
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException(
                    "a shape's sizes must be positive: " + channels + "×" + height + "×" + width);
        }
        if (!image && (height != 1 || width != 1)) {
            throw new IllegalArgumentException("flat features have no height or width");
        }
        Math.multiplyExact(Math.multiplyExact(channels, height), width);
    }

    /** {@code size} flat features. */
    public static Shape flat(int size) {
        return new Shape(size, 1, 1, false);
    }

    /** An image of {@code channels × height × width}. */
    public static Shape image(int channels, int height, int width) {
        return new Shape(channels, height, width, true);
    }

    /** The number of features: a batch tensor's width. */
    public int size() {
        return channels * height * width;
    }

    /** The same features as a flat vector. */
    public Shape flattened() {
        return flat(size());
    }

    /** {@code 1×28×28} for an image, {@code 784} for flat features. */
    @Override
    public String toString() {
        return image ? channels + "×" + height + "×" + width : Integer.toString(channels);
    }
}
