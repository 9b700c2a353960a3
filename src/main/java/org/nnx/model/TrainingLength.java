package org.nnx.model;

/** How long to train: a number of epochs or of iterations (mini-batch steps). */
public record TrainingLength(Unit unit, long count) {
    public enum Unit {
        EPOCHS,
        ITERATIONS
    }

    public static TrainingLength epochs(long count) {
        return new TrainingLength(Unit.EPOCHS, count);
    }

    public static TrainingLength iterations(long count) {
        return new TrainingLength(Unit.ITERATIONS, count);
    }

    /** The number of mini-batch steps for a training set of {@code trainSize} samples. */
    public long iterations(int trainSize, int batchSize) {
        if (unit == Unit.ITERATIONS) {
            return count;
        }
        long perEpoch = Math.max(1, (trainSize + batchSize - 1) / batchSize);
        return count * perEpoch;
    }
}
