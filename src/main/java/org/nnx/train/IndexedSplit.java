package org.nnx.train;

import java.util.Objects;
import org.nnx.spi.Split;
import org.nnx.tensor.Tensor;

/**
 * Some samples of another split, seen through their indices: sample {@code i} of the view is sample
 * {@code indices[i]} of the underlying split. Nothing is copied; reading a batch translates its indices into
 * a scratch array that grows to the largest batch once and is reused afterwards. Not thread-safe.
 */
final class IndexedSplit implements Split {
    private final Split source;
    private final int[] indices;
    private int[] translated = new int[0];

    /** @param indices positions in {@code source}, each in {@code [0, source.size())}; not copied */
    IndexedSplit(Split source, int[] indices) {
        this.source = Objects.requireNonNull(source, "source");
        this.indices = Objects.requireNonNull(indices, "indices");
    }

    @Override
    public int size() {
        return indices.length;
    }

    @Override
    public int label(int index) {
        return source.label(indices[index]);
    }

    @Override
    public void features(int[] batch, int from, int count, Tensor into) {
        if (translated.length < count) {
            translated = new int[count];
        }
        for (int i = 0; i < count; i++) {
            translated[i] = indices[batch[from + i]];
        }
        source.features(translated, 0, count, into);
    }
}
