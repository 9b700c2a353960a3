package org.nnx.spi;

import org.nnx.tensor.Tensor;

/** One part of a dataset (training or test): samples with a class label each. */
public interface Split {

    int size();

    /** The class of sample {@code index}, in {@code [0, classes)}. */
    int label(int index);

    /**
     * Writes the features of samples {@code indices[from .. from + count)} into rows {@code [0 .. count)} of
     * {@code into}, scaled as the network sees them. Data may be stored compactly (image bytes) and scaled
     * here, one mini-batch at a time.
     */
    void features(int[] indices, int from, int count, Tensor into);

    /**
     * Like {@link #features(int[], int, int, Tensor)}, but writes rows {@code firstRow .. firstRow + count)} of
     * {@code into} and leaves its other rows alone. nnx calls it with a {@code firstRow} other than 0 only on a
     * split whose {@link #concurrentFeatures()} is true, and then from two threads at once, for disjoint rows of
     * one batch: a run that trains alone fills its batches on both cores that way, the next batch a few rows at a
     * time on its second core while the current one trains, and while its training thread reads {@link #label}.
     */
    default void features(int[] indices, int from, int count, Tensor into, int firstRow) {
        if (firstRow != 0) {
            throw new UnsupportedOperationException(getClass().getName() + " fills batches from row 0 only");
        }
        features(indices, from, count, into);
    }

    /**
     * Whether {@link #features(int[], int, int, Tensor, int)} writes any rows and may run on two threads at
     * once, and beside {@link #label}: true for a split that only reads its arrays. False unless the split says
     * so.
     */
    default boolean concurrentFeatures() {
        return false;
    }
}
