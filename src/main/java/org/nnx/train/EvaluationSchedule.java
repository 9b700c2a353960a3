package org.nnx.train;

/**
 * When a run evaluates its network: every {@code every} iterations, and at the last one, so that every run that
 * trains to its end has final accuracies whatever its length.
 *
 * @param every      iterations between evaluations, ≥ 1
 * @param iterations the run's number of iterations
 */
record EvaluationSchedule(long every, long iterations) {

    EvaluationSchedule {
        if (every < 1) {
            throw new IllegalArgumentException("evaluations must be at least 1 iteration apart: " + every);
        }
    }

    /**
     * {@code evaluate_every N}, or once an epoch when {@code evaluateEvery} is 0: after as many batches as it takes
     * to cover {@code trainingSize} samples, the last batch possibly short.
     */
    static EvaluationSchedule of(long evaluateEvery, long iterations, int trainingSize, int batchSize) {
        long perEpoch = Math.max(1, (trainingSize + batchSize - 1) / batchSize);
        return new EvaluationSchedule(evaluateEvery > 0 ? evaluateEvery : perEpoch, iterations);
    }

    /** Whether the run evaluates after iteration {@code iteration} (counted from 1). */
    boolean due(long iteration) {
        return iteration % every == 0 || iteration == iterations;
    }
}
