package org.nnx.spi;

/**
 * A layer that draws random numbers while training (dropout's masks), from a stream of its own that is made
 * again the same from the run's seed. Counting its draws is all a checkpoint needs of it: a resumed run makes
 * the stream again and skips as many.
 */
public interface DrawsRandomNumbers {

    /** How many numbers the layer has drawn from its stream so far. */
    long randomDraws();

    /** Draws and drops {@code draws} numbers, as if the layer had made that many draws already. */
    void skipRandomDraws(long draws);
}
