package org.nnx.train;

import java.util.Arrays;

/**
 * Where one training step's time went, part by part, for a benchmark that asks ({@link TrainingStep#recordPartsInto}):
 * the nanoseconds of each {@link Part} of the step taken last. A step records nothing unless given one, so that
 * training itself does no more than test a flag.
 */
public final class StepTimes {
    /** The parts of a step, in the order a step takes them. */
    public enum Part {
        /** The batch made current (filled now, or swapped in when filled in the background), the next one started. */
        BATCH,
        /** The layers' forward pass; the whole gradient with {@code gradient numerical}, which only runs forward. */
        FORWARD,
        /** The loss and its gradient. */
        LOSS,
        /** The layers' backward pass, and the weights' step when the layers take it there. */
        BACKWARD,
        /** Zeroing the gradients, {@code weight_decay}'s penalty and gradient, the optimizer's step. */
        UPDATE,
        /** Waiting for the next batch's background fill: the part of it this step did not hide. */
        NEXT_BATCH
    }

    static final StepTimes OFF = new StepTimes(false);

    private final boolean recording;
    private final long[] nanos = new long[Part.values().length];
    private long last;

    public StepTimes() {
        this(true);
    }

    private StepTimes(boolean recording) {
        this.recording = recording;
    }

    /** The nanoseconds {@code part} took in the step taken last; 0 for a part that step did not have. */
    public long nanos(Part part) {
        return nanos[part.ordinal()];
    }

    /** Starts a step's record, forgetting the last one. */
    void start() {
        if (recording) {
            Arrays.fill(nanos, 0);
            last = System.nanoTime();
        }
    }

    /** Adds the time since the last mark (or the start) to {@code part}. */
    void mark(Part part) {
        if (recording) {
            long now = System.nanoTime();
            nanos[part.ordinal()] += now - last;
            last = now;
        }
    }
}
