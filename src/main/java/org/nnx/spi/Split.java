package org.nnx.spi;

import org.nnx.tensor.Tensor;

/** One part of a dataset (training or test): samples with a class label each. */
public interface Split {

    int size();

    /** The class of sample {@code index}, in {@code [0, classes)}. */
    int label(int index);

    /**
     * Writes the features of samples {@code indices[from .. from + count)} into rows {@code 0 .. count) of
     * {@code into}, scaled as the network sees them. Data may be stored compactly (image bytes) and scaled
     * here, one mini-batch at a time.
     */
    void features(int[] indices, int from, int count, Tensor into);
}
