package org.nnx.train;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.nnx.model.RunConfig;
import org.nnx.spi.Split;

/**
 * {@code validation F}: a training split divided into the part trained on and a validation part of
 * {@code n − ⌊n·(1 − F)⌋} samples (Keras' rounding), drawn at random with the run's seed. Both parts keep the
 * order of the original split; both are views, nothing is copied.
 *
 * @param training   the samples training batches are drawn from, and train accuracy is measured on
 * @param validation the held-out samples, empty when F is 0
 */
record HoldOut(Split training, Split validation) {

    /** Whether there is a validation set at all. */
    boolean hasValidation() {
        return validation.size() > 0;
    }

    /**
     * Holds out {@code fraction} of {@code train}.
     *
     * @throws IllegalArgumentException when the fraction is outside [0, 1) or would leave nothing to train on
     */
    static HoldOut of(Split train, double fraction, RandomGenerator random) {
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException("validation fraction must be in [0, 1): " + fraction);
        }
        int size = train.size();
        if (fraction == 0) {
            return new HoldOut(train, new IndexedSplit(train, new int[0]));
        }
        int trainingSize = size - RunConfig.heldOut(size, fraction);
        if (trainingSize < 1) {
            throw new IllegalArgumentException(
                    "validation " + fraction + " of " + size + " training samples leaves none to train on");
        }
        // A partial Fisher–Yates shuffle picks the held-out samples uniformly; sorting restores dataset order.
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        int validationSize = size - trainingSize;
        for (int i = 0; i < validationSize; i++) {
            int j = i + random.nextInt(size - i);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        int[] validation = Arrays.copyOfRange(order, 0, validationSize);
        int[] training = Arrays.copyOfRange(order, validationSize, size);
        Arrays.sort(validation);
        Arrays.sort(training);
        return new HoldOut(new IndexedSplit(train, training), new IndexedSplit(train, validation));
    }
}
