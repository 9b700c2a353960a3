package org.nnx.nn;

/**
 * Where a filter or a pool looks on an image: a {@code height × width} window moved by {@code stride} over the
 * image with {@code pad} rows and columns of zeros around it. Output sizes are floored as in PyTorch and Caffe:
 * a last window that would reach past the padded image is not taken.
 */
public record Window(int height, int width, int strideHeight, int strideWidth, int padHeight, int padWidth) {

    public Window {
        if (height <= 0 || width <= 0 || strideHeight <= 0 || strideWidth <= 0 || padHeight < 0 || padWidth < 0) {
            throw new IllegalArgumentException("bad window " + height + "×" + width + " stride " + strideHeight + "×"
                    + strideWidth + " pad " + padHeight + "×" + padWidth);
        }
    }

    /** A window without padding. */
    public static Window of(int height, int width, int strideHeight, int strideWidth) {
        return new Window(height, width, strideHeight, strideWidth, 0, 0);
    }

    /** Whether the window fits at least once into an image of {@code imageHeight × imageWidth}. */
    public boolean fits(int imageHeight, int imageWidth) {
        return height <= imageHeight + 2 * padHeight && width <= imageWidth + 2 * padWidth;
    }

    /** Fails with a message that names the layer's {@code what} unless {@link #fits} holds. */
    void checkFits(String what, int imageHeight, int imageWidth) {
        if (!fits(imageHeight, imageWidth)) {
            throw new IllegalArgumentException("a " + height + "×" + width + " " + what + " does not fit a "
                    + imageHeight + "×" + imageWidth + " image");
        }
    }

    /** The number of window positions down an image {@code imageHeight} high. */
    public int outputHeight(int imageHeight) {
        return (imageHeight + 2 * padHeight - height) / strideHeight + 1;
    }

    /** The number of window positions across an image {@code imageWidth} wide. */
    public int outputWidth(int imageWidth) {
        return (imageWidth + 2 * padWidth - width) / strideWidth + 1;
    }

    /** {@code 3×3} or {@code 3} when square. */
    static String describe(int height, int width) {
        return height == width ? Integer.toString(height) : height + "×" + width;
    }
}
