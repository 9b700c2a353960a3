package org.nnx.train;

import org.nnx.spi.Split;
import org.nnx.tensor.CorePair;
import org.nnx.tensor.Tensor;

/**
 * Fills a mini-batch's features, on both cores of a {@link CorePair} when there is one and the split allows
 * two threads at once ({@link Split#concurrentFeatures()}): the first half of the rows here, the second on the
 * helper. Reading a shuffled batch out of a large training set is bound by memory reads, which two cores issue
 * twice as many of.
 */
final class BatchFill implements CorePair.Task {
    private final Split split;
    private final CorePair cores;
    private int[] indices;
    private int from;
    private int count;
    private Tensor into;

    /** @param cores the pair to fill on, or null for the calling thread alone */
    BatchFill(Split split, CorePair cores) {
        this.split = split;
        this.cores = cores != null && split.concurrentFeatures() ? cores : null;
    }

    /** Writes the features of samples {@code indices[from .. from + count)} into rows {@code 0 .. count)}. */
    void fill(int[] indices, int from, int count, Tensor into) {
        if (cores == null || count < 2) {
            split.features(indices, from, count, into);
            return;
        }
        this.indices = indices;
        this.from = from;
        this.count = count;
        this.into = into;
        try {
            cores.run(this);
        } finally {
            this.indices = null;
            this.into = null;
        }
    }

    @Override
    public void run(int half) {
        int cut = count / 2;
        if (half == 0) {
            split.features(indices, from, cut, into, 0);
        } else {
            split.features(indices, from + cut, count - cut, into, cut);
        }
    }
}
