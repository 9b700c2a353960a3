package org.nnx.builtins;

import org.nnx.spi.Split;
import org.nnx.tensor.Tensor;

/**
 * Samples stored as one unsigned byte a feature (image pixels), scaled to [0, 1] only when a mini-batch
 * is filled: a quarter of the memory of floats. {@link #limit} is a view on the same arrays, so runs that
 * keep different numbers of samples share one copy of the data.
 */
public final class ByteImageSplit implements Split {
    private static final float SCALE = 1f / 255f;
    /** A batch's bytes, gathered before they are scaled; one buffer a thread, as two may fill at once. */
    private static final ThreadLocal<byte[]> GATHERED = ThreadLocal.withInitial(() -> new byte[0]);

    private final byte[] pixels;
    private final byte[] labels;
    private final int features;
    private final int size;

    /**
     * @param pixels   {@code labels.length × features} bytes, sample after sample
     * @param labels   one class index per sample
     */
    public ByteImageSplit(byte[] pixels, byte[] labels, int features) {
        this(pixels, labels, features, labels.length);
        if ((long) labels.length * features != pixels.length) {
            throw new IllegalArgumentException(labels.length + " labels for " + pixels.length + " pixel bytes");
        }
    }

    private ByteImageSplit(byte[] pixels, byte[] labels, int features, int size) {
        this.pixels = pixels;
        this.labels = labels;
        this.features = features;
        this.size = size;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int label(int index) {
        return labels[checked(index)] & 0xFF;
    }

    @Override
    public void features(int[] indices, int from, int count, Tensor into) {
        features(indices, from, count, into, 0);
    }

    /**
     * Gathers the batch's rows of bytes first, then scales them in one pass: copying whole rows keeps many
     * memory reads in flight at once, which makes the fill of a shuffled batch from a large training set
     * faster than converting each row where it lies.
     */
    @Override
    public void features(int[] indices, int from, int count, Tensor into, int firstRow) {
        int offset = firstRow * features;
        if (into.isFloat()) {
            byte[] gathered = GATHERED.get();
            if (gathered.length < count * features) {
                gathered = new byte[count * features];
                GATHERED.set(gathered);
            }
            for (int row = 0; row < count; row++) {
                System.arraycopy(pixels, checked(indices[from + row]) * features, gathered, row * features, features);
            }
            float[] out = into.floats();
            for (int j = 0; j < count * features; j++) {
                out[offset + j] = (gathered[j] & 0xFF) * SCALE;
            }
        } else {
            for (int row = 0; row < count; row++) {
                int source = checked(indices[from + row]) * features;
                for (int j = 0; j < features; j++) {
                    into.set(offset + row * features + j, (pixels[source + j] & 0xFF) / 255.0);
                }
            }
        }
    }

    /** Reads only: two threads may fill disjoint rows of one batch at once. */
    @Override
    public boolean concurrentFeatures() {
        return true;
    }

    /** A limited view must not read the samples it hides. */
    private int checked(int index) {
        if (index >= size) {
            throw new IndexOutOfBoundsException("sample " + index + " of " + size);
        }
        return index;
    }

    /** The length of the pixel array held: one byte a feature of every stored sample. */
    public int pixelBytes() {
        return pixels.length;
    }

    /** The length of the label array held: one byte a stored sample. */
    public int labelBytes() {
        return labels.length;
    }

    /** The first {@code n} samples only, sharing this split's arrays. */
    public ByteImageSplit limit(int n) {
        if (n >= size) {
            return this;
        }
        return new ByteImageSplit(pixels, labels, features, n);
    }
}
