package org.nnx.train;

import org.nnx.spi.Split;
import org.nnx.tensor.SplitLoop;
import org.nnx.tensor.Tensor;

/**
 * Fills a mini-batch's features, in two halves of its rows on the run's two cores when it has them
 * ({@link org.nnx.tensor.CorePair#current()}) and the split allows two threads at once
 * ({@link Split#concurrentFeatures()}). Reading a shuffled batch out of a large training set is bound by memory
 * reads, which two cores issue twice as many of.
 */
public final class BatchFill extends SplitLoop {
    /** Fewer rows than this are filled on one core. */
    private static final int MIN_SPLIT_ROWS = 16;

    private final Split split;
    private final boolean concurrent;
    private int[] indices;
    private int from;
    private Tensor into;

    public BatchFill(Split split) {
        super(MIN_SPLIT_ROWS);
        this.split = split;
        this.concurrent = split.concurrentFeatures();
    }

    /** Writes the features of samples {@code indices[from .. from + count)} into rows {@code 0 .. count)}. */
    public void fill(int[] indices, int from, int count, Tensor into) {
        if (!concurrent) {
            split.features(indices, from, count, into);
            return;
        }
        this.indices = indices;
        this.from = from;
        this.into = into;
        try {
            loop(count);
        } finally {
            this.indices = null;
            this.into = null;
        }
    }

    @Override
    protected void range(int first, int end) {
        split.features(indices, from + first, end - first, into, first);
    }
}
