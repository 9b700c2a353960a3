package org.nnx.train;

import org.nnx.spi.OnePassOptimizer;
import org.nnx.spi.Optimizer;

/**
 * One training step on the next mini-batch: the batch made current (and the one after it started filling in
 * the background), the gradient, the {@code weight_decay} penalty and its gradient, and the optimizer's step
 * unless the layers took it in backward. The step times itself; that time is training time, the throughput a run
 * reports. Nothing is allocated per step once batch sizes repeat.
 *
 * <p>Made by {@link TrainingSetup#newStep()}, and usable without the rest of the trainer: a benchmark can time
 * exactly what a run's step does. Close it to release the threads of {@code gradient numerical}.
 */
public final class TrainingStep implements AutoCloseable {
    private final Batches batches;
    private final BatchGradient gradient;
    private final WeightDecay weightDecay;
    /** Null when backward takes the step. */
    private final Optimizer optimizer;

    private final double learningRate;
    private boolean keepGradients;
    private StepTimes times = StepTimes.OFF;
    private long nanos;
    private long samples;

    TrainingStep(
            Batches batches,
            BatchGradient gradient,
            WeightDecay weightDecay,
            Optimizer optimizer,
            double learningRate) {
        this.batches = batches;
        this.gradient = gradient;
        this.weightDecay = weightDecay;
        this.optimizer = optimizer;
        this.learningRate = learningRate;
    }

    /**
     * Trains on the next batch.
     *
     * @param anotherFollows whether another step will follow, whose batch is then filled in the background
     * @return the batch's mean loss plus the penalty, both at the weights before the step
     */
    public double take(boolean anotherFollows) {
        long start = System.nanoTime();
        times.start();
        batches.next();
        if (anotherFollows) {
            batches.prefetchNext();
        }
        times.mark(StepTimes.Part.BATCH);
        double batchLoss;
        try {
            batchLoss = descend();
        } catch (RuntimeException | Error e) {
            // The step's own failure is the one to report; the prefetch must still be finished.
            try {
                batches.awaitPrefetch();
            } catch (RuntimeException | Error alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            throw e;
        }
        batches.awaitPrefetch();
        times.mark(StepTimes.Part.NEXT_BATCH);
        nanos += System.nanoTime() - start;
        samples += batches.count();
        return batchLoss;
    }

    private double descend() {
        double batchLoss = gradient.compute(batches.features(), batches.targets(), times);
        if (optimizer instanceof OnePassOptimizer onePass) {
            // The penalty, the decay's gradient, the step and the zeroing for the next batch in one pass.
            boolean clear = !keepGradients;
            batchLoss += onePass.step(learningRate, weightDecay.lambda(), clear);
            if (clear) {
                gradient.gradientsCleared();
            }
        } else {
            // The penalty at the weights the batch loss was computed at, before the step moves them.
            batchLoss += weightDecay.penalty();
            weightDecay.addGradients();
            if (optimizer != null) {
                optimizer.step(learningRate);
            }
        }
        keepGradients = false;
        times.mark(StepTimes.Part.UPDATE);
        return batchLoss;
    }

    /**
     * Has every later step record the time of each of its parts into {@code times}, for a benchmark that wants
     * to know where a step's time goes without taking the step apart.
     */
    public void recordPartsInto(StepTimes times) {
        this.times = times;
    }

    /**
     * Leaves the next step's gradients as it used them, weight decay included, for whoever reads them after it
     * (the per-parameter diagnostics); other steps may leave them cleared.
     */
    void keepGradientsOfNextStep() {
        keepGradients = true;
    }

    /** Goes on from a checkpoint that had seen {@code samples} training samples. */
    void resumeAfter(long samples) {
        this.samples = samples;
    }

    /** The samples trained on so far, over all steps. */
    public long samples() {
        return samples;
    }

    /** The time the steps so far took, in nanoseconds. */
    public long nanos() {
        return nanos;
    }

    /** Samples per second of the steps so far; 0 before the first. */
    public double samplesPerSecond() {
        return nanos == 0 ? 0 : samples / (nanos / 1e9);
    }

    @Override
    public void close() {
        gradient.close();
    }
}
