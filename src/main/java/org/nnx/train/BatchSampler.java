package org.nnx.train;

import java.util.random.RandomGenerator;
import org.nnx.model.Sampling;

/**
 * Chooses the samples of each mini-batch: by a fresh permutation each epoch (the last batch of an epoch
 * may be smaller), or at random with replacement, as the book does.
 */
final class BatchSampler {
    private final Sampling sampling;
    private final int trainSize;
    private final int batchSize;
    private final RandomGenerator random;
    private final int[] permutation;
    private final int[] batch;
    private int position;

    BatchSampler(Sampling sampling, int trainSize, int batchSize, RandomGenerator random) {
        this.sampling = sampling;
        this.trainSize = trainSize;
        this.batchSize = Math.min(batchSize, sampling == Sampling.SHUFFLE ? trainSize : batchSize);
        this.random = random;
        this.permutation = new int[trainSize];
        this.batch = new int[this.batchSize];
        for (int i = 0; i < trainSize; i++) {
            permutation[i] = i;
        }
        this.position = trainSize;
    }

    /** The indices of the next batch; valid until the next call. */
    int[] indices() {
        return sampling == Sampling.SHUFFLE ? permutation : batch;
    }

    /** Draws the next batch and returns the offset of its first index in {@link #indices()}. */
    int next() {
        if (sampling == Sampling.RANDOM) {
            for (int i = 0; i < batchSize; i++) {
                batch[i] = random.nextInt(trainSize);
            }
            return 0;
        }
        if (position >= trainSize) {
            shuffle();
            position = 0;
        }
        int start = position;
        position += batchSize;
        return start;
    }

    /** The size of the batch that {@link #next()} last drew. */
    int count(int start) {
        return sampling == Sampling.RANDOM ? batchSize : Math.min(batchSize, trainSize - start);
    }

    private void shuffle() {
        for (int i = trainSize - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = permutation[i];
            permutation[i] = permutation[j];
            permutation[j] = swap;
        }
    }
}
