package org.nnx.builtins;

import org.nnx.spi.Split;
import org.nnx.tensor.Tensor;

/**
 * Samples stored as one unsigned byte a feature (image pixels), scaled to [0, 1] only when a mini-batch
 * is filled: a quarter of the memory of floats.
 */
public final class ByteImageSplit implements Split {
    private static final float SCALE = 1f / 255f;

    private final byte[] pixels;
    private final byte[] labels;
    private final int features;

    /**
     * @param pixels   {@code labels.length × features} bytes, sample after sample
     * @param labels   one class index per sample
     */
    public ByteImageSplit(byte[] pixels, byte[] labels, int features) {
        if ((long) labels.length * features != pixels.length) {
            throw new IllegalArgumentException(labels.length + " labels for " + pixels.length + " pixel bytes");
        }
        this.pixels = pixels;
        this.labels = labels;
        this.features = features;
    }

    @Override
    public int size() {
        return labels.length;
    }

    @Override
    public int label(int index) {
        return labels[index] & 0xFF;
    }

    @Override
    public void features(int[] indices, int from, int count, Tensor into) {
        if (into.isFloat()) {
            float[] out = into.floats();
            for (int row = 0; row < count; row++) {
                int source = indices[from + row] * features;
                int target = row * features;
                for (int j = 0; j < features; j++) {
                    out[target + j] = (pixels[source + j] & 0xFF) * SCALE;
                }
            }
        } else {
            for (int row = 0; row < count; row++) {
                int source = indices[from + row] * features;
                for (int j = 0; j < features; j++) {
                    into.set(row * features + j, (pixels[source + j] & 0xFF) / 255.0);
                }
            }
        }
    }

    /** The first {@code n} samples only. */
    public ByteImageSplit limit(int n) {
        if (n >= size()) {
            return this;
        }
        return new ByteImageSplit(java.util.Arrays.copyOf(pixels, n * features),
                java.util.Arrays.copyOf(labels, n), features);
    }
}
