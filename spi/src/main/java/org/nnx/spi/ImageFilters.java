package org.nnx.spi;

/**
 * A layer whose weights are filters over images, such as a convolution: the report draws a network's first such
 * layer's filters as small images, before and after training.
 */
public interface ImageFilters {
    /** The filters, one a row, each {@code channels × filterHeight × filterWidth}: channel by channel, row by row. */
    Parameter weights();

    /** The input channels each filter spans. */
    int channels();

    int filterHeight();

    int filterWidth();
}
