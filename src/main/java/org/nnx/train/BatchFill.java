package org.nnx.train;

import org.nnx.spi.Split;
import org.nnx.tensor.CoreGroup;
import org.nnx.tensor.SplitLoop;
import org.nnx.tensor.Tensor;

/**
 * Fills a mini-batch's features, when the split allows two threads at once ({@link Split#concurrentFeatures()})
 * on the run's core group ({@link CoreGroup#current()}): in parts of its rows ({@link #fill}), or in the
 * background, a few rows at a time, while the previous batch trains ({@link #startInBackground}). Reading a
 * shuffled batch out of a large training set is bound by memory reads, which more cores issue more of.
 */
public final class BatchFill extends SplitLoop implements CoreGroup.Chunks {
    /** Fewer rows than this are filled on one core. */
    private static final int MIN_SPLIT_ROWS = 16;
    /**
     * Rows a background chunk: small, since a product's half that needs the helper waits for it to finish the
     * chunk it is in.
     */
    private static final int ROWS_PER_CHUNK = 4;

    private final Split split;
    private final boolean concurrent;
    private int[] indices;
    private int from;
    private int count;
    private Tensor into;
    private CoreGroup background;

    public BatchFill(Split split) {
        super(MIN_SPLIT_ROWS);
        this.split = split;
        this.concurrent = split.concurrentFeatures();
    }

    /** Writes the features of samples {@code indices[from .. from + count)} into rows {@code 0 .. count)}. */
    public void fill(int[] indices, int from, int count, Tensor into) {
        if (background != null) {
            throw new IllegalStateException("a background fill is out: finish it first");
        }
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

    /** Whether {@link #startInBackground} can fill on other cores: the thread has a group and the split allows it. */
    public boolean fillsInBackground() {
        return concurrent && CoreGroup.current() != null;
    }

    /**
     * Starts filling as {@link #fill} does, in chunks of rows that the group's helpers take while it has nothing
     * else to do; {@link #finishBackground()} completes the fill. {@code indices} and {@code into} must not change
     * until then. Without a group, or for a split that allows one thread only, fills here and now.
     */
    public void startInBackground(int[] indices, int from, int count, Tensor into) {
        if (background != null) {
            throw new IllegalStateException("a background fill is already out");
        }
        CoreGroup cores = CoreGroup.current();
        if (!concurrent || cores == null) {
            fill(indices, from, count, into);
            return;
        }
        this.indices = indices;
        this.from = from;
        this.count = count;
        this.into = into;
        try {
            cores.startBackground(this, (count + ROWS_PER_CHUNK - 1) / ROWS_PER_CHUNK);
        } catch (RuntimeException e) {
            this.indices = null;
            this.into = null;
            throw e;
        }
        background = cores;
    }

    /** Returns when the fill started by {@link #startInBackground} is complete (at once if none is out). */
    public void finishBackground() {
        if (background == null) {
            return;
        }
        try {
            background.finishBackground();
        } finally {
            background = null;
            indices = null;
            into = null;
        }
    }

    @Override
    public void runChunk(int chunk) {
        int first = chunk * ROWS_PER_CHUNK;
        range(first, Math.min(first + ROWS_PER_CHUNK, count));
    }

    @Override
    protected void range(int first, int end) {
        split.features(indices, from + first, end - first, into, first);
    }
}
