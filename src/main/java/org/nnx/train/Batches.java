package org.nnx.train;

import org.nnx.spi.Split;
import org.nnx.tensor.Precision;
import org.nnx.tensor.Tensor;

/**
 * A run's mini-batches in order: features and one-hot targets. On a core pair, the batch after the current one is
 * drawn and filled in the background while the current one trains ({@link #prefetchNext}); either way the batches
 * hold the same samples in the same order, since only the sampler decides them.
 */
final class Batches {
    private final BatchSampler sampler;
    private final Split split;
    private final BatchFill fill;
    private final int features;
    private final int classes;
    private Tensor currentFeatures;
    private Tensor currentTargets;
    private Tensor prefetched;
    private int prefetchedStart = -1;
    private int prefetchedCount;
    private int count;

    Batches(BatchSampler sampler, Split split, int features, int classes) {
        this.sampler = sampler;
        this.split = split;
        this.fill = new BatchFill(split);
        this.features = features;
        this.classes = classes;
    }

    /** Makes the next batch current: the one filled in the background, if any, else one drawn and filled now. */
    void next() {
        int start;
        if (prefetchedStart >= 0) {
            start = prefetchedStart;
            count = prefetchedCount;
            Tensor filled = prefetched;
            prefetched = currentFeatures;
            currentFeatures = filled;
            prefetchedStart = -1;
        } else {
            start = sampler.next();
            count = sampler.count(start);
            currentFeatures = Tensor.reuseOrAllocate(currentFeatures, Precision.FLOAT32, count, features);
            fill.fill(sampler.indices(), start, count, currentFeatures);
        }
        currentTargets = Tensor.reuseOrAllocate(currentTargets, Precision.FLOAT32, count, classes);
        // Before the next draw, which may reshuffle the indices this batch was read from.
        OneHot.fill(split, sampler.indices(), start, count, currentTargets);
    }

    /**
     * Draws the batch after the current one and starts filling it on the pair's second core, when the thread has
     * a pair and the split allows it; {@link #awaitPrefetch()} must follow before the next {@link #next()}.
     */
    void prefetchNext() {
        if (!fill.fillsInBackground()) {
            return;
        }
        prefetchedStart = sampler.next();
        prefetchedCount = sampler.count(prefetchedStart);
        prefetched = Tensor.reuseOrAllocate(prefetched, Precision.FLOAT32, prefetchedCount, features);
        fill.startInBackground(sampler.indices(), prefetchedStart, prefetchedCount, prefetched);
    }

    /** Returns when the background fill started by {@link #prefetchNext()} is complete (at once if none is). */
    void awaitPrefetch() {
        fill.finishBackground();
    }

    /** The current batch's features, {@link #count()} × features. */
    Tensor features() {
        return currentFeatures;
    }

    /** The current batch's one-hot targets, {@link #count()} × classes. */
    Tensor targets() {
        return currentTargets;
    }

    /** The current batch's number of samples. */
    int count() {
        return count;
    }
}
